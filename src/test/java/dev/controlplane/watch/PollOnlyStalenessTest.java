package dev.controlplane.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the OS watch service disabled by configuration, the scheduled poll alone still finds changes. */
@QuarkusTest
@TestProfile(PollOnlyStalenessTest.PollOnly.class)
@QuarkusTestResource(SampleProjectResource.class)
class PollOnlyStalenessTest {
    public static class PollOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("controlplane.watch.service", "false", "controlplane.watch.interval", "1s");
        }
    }

    @TestHTTPResource("/")
    URL base;


    @Test
    void thePollFindsTheChange() {
        assertEquals("poll only", given().get("/api/watch/stats").then().extract().path("mode"));
        given().header("X-Control-Plane", "1").get("/api/cards/ci?bust=1").then().statusCode(200);
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            TestFiles.write(SampleProjectResource.root().resolve(".github/workflows/release.yml"),
                    "name: Release\non: [push]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps: []\n");
            assertEquals(List.of(".github/workflows/release.yml"),
                    StalenessStreamTest.toList(stream.awaitType("state:stale", "ci", 10).json().get("data").get("changed")));
        }
    }
}
