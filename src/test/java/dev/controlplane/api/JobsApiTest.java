package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.testing.JobsProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Real pytest runs through the jobs API: states, results, cancel, masking, and the API's refusals. */
@QuarkusTest
@QuarkusTestResource(value = JobsProjectResource.class, restrictToAnnotatedClass = true)
class JobsApiTest {
    @TestHTTPResource("/")
    URL base;

    static Path root() {
        return JobsProjectResource.root();
    }

    static void mode(String mode) {
        TestFiles.write(root().resolve("mode.txt"), mode + "\n");
    }

    static String start(String action) {
        return given().header("X-Control-Plane", "1").contentType(ContentType.JSON)
                .body("{\"action\":\"" + action + "\"}").post("/api/jobs")
                .then().statusCode(202).body("action", equalTo(action)).extract().path("id");
    }

    static JsonPath job(String id) {
        return given().get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitState(String id, double seconds, String... states) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            JsonPath job = job(id);
            if (List.of(states).contains(job.getString("state"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " still " + job.getString("state") + " after " + seconds + " s");
            }
            sleep(50);
        }
    }

    static JsonPath awaitDone(String id) {
        return awaitState(id, 120, "succeeded", "failed", "cancelled", "timed_out");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void noJobLeftRunning() {
        for (JsonNode job : JobsStreamTest.jobs()) {
            if (!job.path("state").asText().matches("succeeded|failed|cancelled|timed_out")) {
                given().header("X-Control-Plane", "1").post("/api/jobs/" + job.path("id").asText() + "/cancel");
                awaitDone(job.path("id").asText());
            }
        }
    }

    @Test
    void theCatalogueOffersThePytestRunWithItsReport() {
        given().get("/api/jobs/actions").then().statusCode(200)
                .body("find { it.id == 'testing:run' }.card", equalTo("testing"))
                .body("find { it.id == 'testing:run' }.command",
                        equalTo("python3 -m pytest --junitxml=.state/reports/pytest.xml"))
                .body("find { it.id == 'testing:run' }.available", equalTo(true));
    }

    @Test
    void aPassingRunSucceedsAndTheTestingCardShowsItsResults() throws Exception {
        mode("pass");
        String id = start("testing:run");
        assertTrue(id.matches("j\\d+"), id);

        JsonPath done = awaitDone(id);

        assertEquals("succeeded", done.getString("state"));
        assertEquals(0, done.getInt("exit_code"));
        assertTrue(done.getDouble("duration_s") > 0);
        assertTrue(done.getDouble("finished_at") >= done.getDouble("started_at"));
        assertTrue(done.getList("log_tail", String.class).stream().anyMatch(l -> l.contains("2 passed")),
                done.getList("log_tail").toString());
        assertEquals(done.getInt("lines_total"), done.getList("log_tail").size());
        String log = given().get("/api/jobs/" + id + "/log").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertTrue(log.contains("2 passed"), log);
        assertEquals(done.getInt("lines_total"), log.split("\n").length);
        String rest = given().get("/api/jobs/" + id + "/log?from_line=2").then().statusCode(200).extract().asString();
        assertEquals(log.substring(log.indexOf('\n') + 1), rest);
        assertTrue(Files.isRegularFile(root().resolve(".state/jobs/" + id + ".json")));
        assertTrue(Files.isRegularFile(root().resolve(".state/jobs/" + id + ".log")));
        assertTrue(Files.isRegularFile(root().resolve(".state/reports/pytest.xml")));

        // the testing card is recomputed with the run's report
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonPath card;
        do {
            sleep(100);
            card = given().get("/api/cards/testing").then().statusCode(200).extract().jsonPath();
        } while (!card.getList("last_run.sources.path").contains(".state/reports/pytest.xml")
                && System.nanoTime() < deadline);
        assertTrue(card.getList("last_run.sources.path").contains(".state/reports/pytest.xml"),
                card.getString("last_run"));
        assertEquals(2, card.getInt("last_run.passed"));
        assertEquals(0, card.getInt("last_run.failed"));

        given().get("/api/jobs").then().statusCode(200).body("[0].id", equalTo(id));
    }

    @Test
    void aFailingTestEndsFailedWithTheExitCode() {
        mode("fail");
        String id = start("testing:run");

        JsonPath done = awaitDone(id);

        assertEquals("failed", done.getString("state"));
        assertEquals(1, done.getInt("exit_code"));
        assertTrue(done.getList("log_tail", String.class).stream().anyMatch(l -> l.contains("1 failed")));
    }

    @Test
    void aSecondPostWhileRunningIsRefusedAndCancelKillsTheWholeProcessTree() throws Exception {
        Path childPid = root().resolve("child.pid");
        Files.deleteIfExists(childPid);
        mode("sleep");
        String id = start("testing:run");
        awaitState(id, 60, "running");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.isRegularFile(childPid) || Files.readString(childPid).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "the test never started its child");
            sleep(50);
        }
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertTrue(ProcGroups.alive(child));
        JsonNode record = JobsStreamTest.JSON.readTree(root().resolve(".state/jobs/" + id + ".json").toFile());
        long pgid = record.path("pgid").asLong();
        assertTrue(pgid > 0, "the job runs in its own process group");
        assertFalse(ProcGroups.members(pgid).isEmpty());

        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"action\":\"testing:run\"}")
                .post("/api/jobs").then().statusCode(409).body("id", equalTo(id)).body("error", containsString("running"));

        given().header("X-Control-Plane", "1").post("/api/jobs/" + id + "/cancel").then().statusCode(202)
                .body("id", equalTo(id));
        JsonPath done = awaitDone(id);

        assertEquals("cancelled", done.getString("state"));
        assertFalse(ProcGroups.alive(child), "the test's child survived");
        assertEquals(List.of(), ProcGroups.members(pgid), "processes left in the job's group");
        given().header("X-Control-Plane", "1").post("/api/jobs/" + id + "/cancel").then().statusCode(409);
        Files.deleteIfExists(childPid);
    }

    @Test
    void secretsAreMaskedInTheLogTheFileAndTheStream() throws Exception {
        mode("secret");
        try (SseClient client = SseClient.connect(base.toString())) {
            String id = start("testing:run");
            List<String> streamed = JobsStreamTest.streamedLines(client, id);
            JsonPath done = awaitDone(id);
            String file = Files.readString(root().resolve(".state/jobs/" + id + ".log"));
            String served = given().get("/api/jobs/" + id + "/log").then().extract().asString();
            for (String text : List.of(String.join("\n", streamed), file, served, done.getString("log_tail"))) {
                assertFalse(text.contains("ghp_"), text);
                assertFalse(text.contains("AKIAABCDEFGHIJKLMNOP"), text);
                assertTrue(text.contains("token=****"), text);
                assertTrue(text.contains("plain line"), text);
            }
        }
    }

    @Test
    void theBodyNamesAnActionAndNothingElse() {
        for (String body : List.of("{\"action\":\"testing:run\",\"command\":\"rm -rf /\"}",
                "{\"action\":\"testing:run\",\"args\":[\"-x\"]}", "{\"action\":\"testing:run\",\"cwd\":\"/\"}",
                "{\"command\":[\"sh\"]}", "{}", "[]", "\"testing:run\"", "{\"action\":7}", "{\"action\":", "")) {
            given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body(body).post("/api/jobs")
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", org.hamcrest.Matchers.notNullValue());
        }
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"action\":\"quality:rm\"}")
                .post("/api/jobs").then().statusCode(404).body("error", containsString("unknown action"));
        given().get("/api/jobs/j999999").then().statusCode(404).contentType(ContentType.JSON);
        given().get("/api/jobs/j999999/log").then().statusCode(404);
        given().header("X-Control-Plane", "1").post("/api/jobs/j999999/cancel").then().statusCode(404);
        given().get("/api/jobs/j1/log?from_line=abc").then().statusCode(400);
        given().get("/api/jobs/j1/log?from_line=0").then().statusCode(400);
        assertEquals(0, JobsStreamTest.jobs().stream().filter(j -> j.path("state").asText().equals("queued")).count());
    }

    @Test
    void theRequestGuardCoversEveryJobsRouteAndAGetNeverStartsAJob() {
        int before = JobsStreamTest.jobs().size();
        String body = "{\"action\":\"testing:run\"}";
        for (String path : List.of("/api/jobs", "/api/jobs/j1/cancel")) {
            given().header("Origin", "http://evil.example").contentType(ContentType.JSON).body(body).post(path)
                    .then().statusCode(403).body("error", containsString("cross-site"));
            given().header("Origin", "null").contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
            given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        }
        for (String path : List.of("/api/jobs", "/api/jobs/actions", "/api/jobs/j1", "/api/jobs/j1/log")) {
            given().header("Host", "evil.example").get(path).then().statusCode(403);
        }
        String own = "http://localhost:" + base.getPort();
        given().header("Origin", own).header("Host", "localhost:" + base.getPort()).get("/api/jobs/actions")
                .then().statusCode(200);
        for (String path : List.of("/api/jobs/actions", "/api/jobs", "/api/jobs/testing:run", "/api/jobs?action=testing:run",
                "/api/jobs/actions?action=testing:run&bust=0")) {
            given().get(path);
        }
        assertEquals(before, JobsStreamTest.jobs().size(), "a GET started a job");
    }
}
