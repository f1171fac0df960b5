package dev.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.testing.AppProcess;
import dev.controlplane.testing.TestFiles;

/**
 * {@code kill -9} of the server mid-job: its children survive it (nothing can stop that), and the next start,
 * once it listens, kills the job's process group and marks the job failed, so no process is left behind.
 */
class JobsCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonNode get(AppProcess app, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.call()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            AppProcess.sleep(50);
        }
    }

    @Test
    void aKilledServerLeavesNoProcessBehindAfterItsNextStart() throws Exception {
        Path project = TestFiles.copyFixture("jobs-python");
        Path childPid = project.resolve("child.pid");
        TestFiles.write(project.resolve("mode.txt"), "sleep\n");
        try {
            run(project, childPid);
        } finally {
            // a failed run must not leave its sleeping test behind either
            if (group > 0 && !ProcGroups.members(group).isEmpty()) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor();
            }
            TestFiles.deleteQuietly(project);
        }
    }

    private volatile long group = -1;

    private void run(Path project, Path childPid) throws Exception {
        long pgid;
        long child;
        String id;
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project), Duration.ofSeconds(120))) {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + "api/jobs"))
                    .header("Content-Type", "application/json").header("X-Control-Plane", "1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"testing:run\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            id = JSON.readTree(started.body()).get("id").asText();
            await("the test's child runs", () -> Files.isRegularFile(childPid) && !Files.readString(childPid).isBlank());
            child = Long.parseLong(Files.readString(childPid).trim());
            pgid = JSON.readTree(project.resolve(".state/jobs/" + id + ".json").toFile()).get("pgid").asLong();
            assertTrue(pgid > 0);
            group = pgid;

            app.kill9();
            await("the server is gone", () -> !app.process().isAlive());
            assertTrue(ProcGroups.alive(child), "a kill -9 cannot take the children along");
            assertFalse(ProcGroups.members(pgid).isEmpty());
        }

        try (AppProcess again = AppProcess.start(new AppProcess.Options(project), Duration.ofSeconds(120))) {
            await("the leftover group is killed", () -> ProcGroups.members(pgid).isEmpty());
            assertFalse(ProcGroups.alive(child));
            await("the job is marked failed", () -> get(again, "/api/jobs/" + id).path("state").asText().equals("failed"));
            JsonNode job = get(again, "/api/jobs/" + id);
            assertTrue(job.path("error").asText().contains("server stopped"), job.toString());
            assertEquals(List.of(), ProcGroups.members(pgid));
        }
    }
}
