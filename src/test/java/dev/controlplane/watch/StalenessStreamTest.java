package dev.controlplane.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.SseClient.Frame;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A save in the project reaches every connected client as {@code state:stale}, over the real stream. */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class StalenessStreamTest {
    @TestHTTPResource("/")
    URL base;


    static List<String> toList(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void editingCreatingDeletingAndRenamingWatchedFilesMarkTheCardStale() throws Exception {
        Path project = SampleProjectResource.root();
        given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=1").then().statusCode(200);
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            TestFiles.write(project.resolve("docs/guide.md"), "# Guide\n\nEdited.\n");
            Frame edit = stream.awaitType("state:stale", "docs", 10);
            assertEquals(List.of("docs/guide.md"), toList(edit.json().get("data").get("changed")));
            JsonNode data = edit.json().get("data");
            for (String field : List.of("file_mtime", "cache_mtime", "stale_by_s")) {
                assertTrue(data.get(field).isNumber(), field);
            }

            // A tab that connects now still learns the card is stale.
            try (SseClient late = SseClient.connect(base.toString())) {
                Frame snapshot = late.awaitType("state:snapshot", null, 5);
                assertTrue(snapshot.json().get("data").get("docs").get("stale").asBoolean());
            }

            given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=1").then().statusCode(200);
            stream.awaitType("cache:done", "docs", 10);
            Thread.sleep(200);
            TestFiles.write(project.resolve("docs/new-page.md"), "# New\n");
            assertEquals(List.of("docs/new-page.md"), toList(stream.awaitType("state:stale", "docs", 10).json()
                    .get("data").get("changed")));

            given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=1").then().statusCode(200);
            stream.awaitType("cache:done", "docs", 10);
            Thread.sleep(200);
            Files.delete(project.resolve("docs/new-page.md"));
            assertEquals(List.of("docs/new-page.md"), toList(stream.awaitType("state:stale", "docs", 10).json()
                    .get("data").get("changed")));

            given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=1").then().statusCode(200);
            stream.awaitType("cache:done", "docs", 10);
            Thread.sleep(200);
            Files.move(project.resolve("docs/deploy.md"), project.resolve("docs/deploying.md"));
            assertEquals(List.of("docs/deploy.md", "docs/deploying.md"), toList(stream.awaitType("state:stale", "docs", 10)
                    .json().get("data").get("changed")));
        }
    }

    @Test
    void aReaderTurnsStaleWithThePeerItReads() throws Exception {
        assertAReadmeEditMakesDocsAndItsReaderStale();
    }

    /** audit:scores reads docs, which reads README.md: the dependent is outdated with its peer. */
    private void assertAReadmeEditMakesDocsAndItsReaderStale() throws Exception {
        Path project = SampleProjectResource.root();
        given().header("X-Control-Plane", "1").get("/api/cards/audit:scores?bust=1").then().statusCode(200);
        given().get("/api/cards/docs").then().statusCode(200);
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            TestFiles.write(project.resolve("README.md"), "# Sample\n\nEdited for the staleness test at "
                    + System.nanoTime() + ".\n");
            // Both, in either order (one check finds both).
            java.util.Map<String, Frame> stale = new java.util.HashMap<>();
            while (stale.size() < 2) {
                Frame frame = stream.await(f -> "state:stale".equals(f.event())
                        && List.of("docs", "audit:scores").contains(f.key()), 10);
                stale.put(frame.key(), frame);
            }
            for (Frame frame : stale.values()) {
                assertEquals(List.of("README.md"), toList(frame.json().get("data").get("changed")), frame.key());
            }
        }
    }

    @Test
    void aProjectMovedAwayAndBackNamesOnlyLaterEdits() throws Exception {
        Path project = SampleProjectResource.root();
        given().get("/api/cards/audit:scores").then().statusCode(200);
        Path away = project.resolveSibling(project.getFileName() + "-away");
        Files.move(project, away);
        try {
            awaitFullCheck(); // a poll that finds the root gone or back checks everything
        } finally {
            Files.move(away, project);
        }
        // At once, before any poll sees it back: nothing was announced about files that were only away, so an
        // edit names that edit, not every file of the cards as if the move had deleted and re-created them.
        assertAReadmeEditMakesDocsAndItsReaderStale();
    }

    /** Full checks are counted as polls; with a healthy watch service only a changed root causes one this soon. */
    private static void awaitFullCheck() throws InterruptedException {
        long start = given().get("/api/watch/stats").then().extract().jsonPath().getLong("polls");
        long deadline = System.currentTimeMillis() + 15_000;
        while (given().get("/api/watch/stats").then().extract().jsonPath().getLong("polls") <= start) {
            assertTrue(System.currentTimeMillis() < deadline, "the watcher did not check the project");
            Thread.sleep(100);
        }
    }

    @Test
    void aDnsInputMakesProjectStatusOutdated() throws Exception {
        Path project = SampleProjectResource.root();
        given().header("X-Control-Plane", "1").get("/api/cards/project-status?bust=1").then().statusCode(200);
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            TestFiles.write(project.resolve("CNAME"), "docs.example.com\n");
            Frame stale = stream.awaitType("state:stale", "project-status", 10);
            assertEquals(List.of("CNAME"), toList(stale.json().get("data").get("changed")));
        }
        // And a request recomputes it rather than serving the old probe.
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            given().get("/api/cards/project-status").then().statusCode(200);
            Frame miss = stream.awaitType("cache:miss", "project-status", 10);
            assertEquals("expired", miss.json().get("data").get("reason").asText());
        }
        // Busting dns busts its reader too (main only busted dns: no cascade was written for it).
        given().header("X-Control-Plane", "1").contentType("application/json").body("{\"card\":\"dns\"}")
                .post("/api/devops/cache/bust").then().statusCode(200)
                .body("keys", org.hamcrest.Matchers.contains("dns", "project-status"));
    }

    @Test
    void anUnwatchedFileFiresNothing() {
        given().get("/api/cards/docs").then().statusCode(200);
        given().get("/api/cards/testing").then().statusCode(200);
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            TestFiles.write(SampleProjectResource.root().resolve("notes.txt"), "not watched by any card");
            List<Frame> frames = stream.drain(2.5);
            assertTrue(frames.stream().noneMatch(f -> "state:stale".equals(f.event())), frames.toString());
        }
    }
}
