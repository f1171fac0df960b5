package dev.controlplane.watch;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Staleness over the real stream, against the packaged artifact (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class StalenessStreamIT extends StalenessStreamTest {
}
