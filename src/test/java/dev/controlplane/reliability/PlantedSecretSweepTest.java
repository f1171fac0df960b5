package dev.controlplane.reliability;

import dev.controlplane.testing.AppProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.reliability.ApiClient.Reply;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The security sweep of issue 7: a project seeded with credentials ({@link SecretProjectResource}), one full run
 * — every card by key and by alias, forced and cached, a bust of everything with its background recompute, a
 * staleness event, the other JSON endpoints, the page with its embedded snapshot — with every response body,
 * every SSE frame (live, snapshot and replay), every log line and the {@code .state/} files captured. No
 * 10-character piece of any planted value may appear anywhere. That the cards did read the planted files is
 * checked too (the security card reports the secrets, masked), so a clean result is not a blind one.
 */
@QuarkusTest
@QuarkusTestResource(value = SecretProjectResource.class, restrictToAnnotatedClass = true)
class PlantedSecretSweepTest {
    private static final String SECTION = "Planted secrets";
    private static final int WINDOW = 10;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ProjectDirectory project;

    @Test
    void noResponseFrameLogOrStateFileContainsAPlantedSecret() throws Exception {
        ApiClient api = new ApiClient(base.toString());
        assertTrue(Files.exists(project.root().resolve("k8s/secret.yaml")), "the seeded project is under test");
        Map<String, String> captured = new LinkedHashMap<>();
        List<String> frames = new ArrayList<>();
        int frameCount = 0;
        JsonNode security;
        try (LogCapture log = LogCapture.of("");
                SseRecorder live = SseRecorder.open(base + "api/events")) {
            List<String> keys = api.keys();
            Map<String, String> aliases = api.aliases();
            capture(captured, "GET /api/cards", api.get("/api/cards"));
            for (String key : keys) {
                capture(captured, "GET /api/cards/" + key + "?bust=1", api.getWithIntent("/api/cards/" + key + "?bust=1"));
                capture(captured, "GET /api/cards/" + key, api.get("/api/cards/" + key));
            }
            aliases.forEach((key, alias) -> capture(captured, "GET " + alias + "?bust=1",
                    api.getWithIntent(alias + "?bust=1")));
            capture(captured, "POST /api/devops/cache/bust all", api.post("/api/devops/cache/bust", "{\"card\":\"all\"}"));
            live.await(line -> line.startsWith("event:") && line.substring(6).trim().equals("sys:warm"), 120);
            Files.writeString(project.root().resolve(".env"), "\nEXTRA=1\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            live.await(line -> line.contains("\"type\":\"state:stale\"") && line.contains("\"key\":\"env\""), 30);
            for (String path : List.of("/api/devops/prefs", "/api/devops/activity", "/api/events/stats",
                    "/api/watch/stats", "/api/cards")) {
                capture(captured, "GET " + path, api.get(path));
            }
            capture(captured, "GET / (page with the snapshot)", api.page());
            capture(captured, "GET /app.js", api.get("/app.js"));
            security = api.get("/api/cards/security").json();
            long position = api.get("/api/events/stats").json().path("seq").asLong();
            // A fresh tab (snapshot) and a reconnecting one (replay of the ring, or a snapshot if too far back).
            for (String query : List.of("?since=0", "?since=" + (position - 400))) {
                try (SseRecorder other = SseRecorder.open(base + "api/events" + query)) {
                    other.await(line -> line.startsWith("data:") && line.contains("\"seq\":" + position), 10);
                    AppProcess.sleep(500);
                    frames.add(other.text());
                    frameCount += other.frames();
                }
            }
            AppProcess.sleep(500);
            frames.add(live.text());
            frameCount += live.frames();
            captured.put("log lines", String.join("\n", log.lines()));
        }
        captured.put("SSE frames", String.join("\n", frames));
        try (Stream<Path> state = Files.list(project.root().resolve(".state"))) {
            for (Path file : state.toList()) {
                captured.put(".state/" + file.getFileName(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }

        String findings = security.toString();
        assertTrue(findings.contains("aws-access-key") && findings.contains("github-token")
                && findings.contains("private-key"), "the security card must have read the planted files: " + findings);

        long bytes = captured.values().stream().mapToLong(String::length).sum();
        int responses = (int) captured.keySet().stream().filter(k -> k.startsWith("GET") || k.startsWith("POST")).count();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> secret : SecretProjectResource.PLANTED.entrySet()) {
            Set<String> where = new LinkedHashSet<>();
            for (String piece : pieces(secret.getValue())) {
                captured.forEach((source, text) -> {
                    if (text.contains(piece)) {
                        where.add(source);
                    }
                });
            }
            boolean clean = where.isEmpty();
            String observed = clean ? String.format("0 pieces found in %d responses, %d SSE frames, the log and "
                    + ".state/ (%,d bytes)", responses, frameCount, bytes) : "LEAKED in " + where;
            ReliabilityRows.record(SECTION, "secrets/" + secret.getKey().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(),
                    secret.getKey(), "no " + WINDOW + "-character piece of the value in any response, SSE frame, log "
                            + "line or .state/ file", observed, "PlantedSecretSweepTest", clean);
            if (!clean) {
                leaks.add(secret.getKey() + " in " + where);
            }
        }
        ReliabilityRows.record(SECTION, "secrets/found-masked", "the planted files were read (a clean sweep is not a "
                + "blind one)", "the security card reports the AWS key, the GitHub token and the private key, masked",
                "security card: " + security.path("summary").path("text").asText() + ", findings with rules "
                        + rules(security), "PlantedSecretSweepTest", true);
        assertTrue(leaks.isEmpty(), "planted secrets leaked: " + leaks);
        assertFalse(captured.isEmpty());
        assertEquals(200, api.get("/api/events/stats").status());
    }

    private static void capture(Map<String, String> captured, String what, Reply reply) {
        captured.put(what, reply.body());
    }

    /** Every 10-character piece of a secret (each line of a multi-line one). */
    private static Set<String> pieces(String secret) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String line : secret.split("\n")) {
            for (int i = 0; i + WINDOW <= line.length(); i++) {
                pieces.add(line.substring(i, i + WINDOW));
            }
        }
        return pieces;
    }

    private static String rules(JsonNode security) {
        Set<String> rules = new LinkedHashSet<>();
        security.findValues("pattern").forEach(rule -> rules.add(rule.asText()));
        return String.join(", ", rules);
    }

    @AfterAll
    static void report() throws IOException {
        ReliabilityReport.regenerate();
    }
}
