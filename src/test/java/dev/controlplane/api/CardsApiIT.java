package dev.controlplane.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The card API tests against the packaged artifact (the jar in CI; the native executable with -Dnative). */
@QuarkusIntegrationTest
class CardsApiIT extends CardsApiTest {
}
