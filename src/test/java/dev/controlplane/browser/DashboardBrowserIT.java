package dev.controlplane.browser;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The browser tests against the packaged artifact: templates, static files and scripts as shipped. */
@QuarkusIntegrationTest
class DashboardBrowserIT extends DashboardBrowserTest {
}
