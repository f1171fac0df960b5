package dev.controlplane.reliability;

import dev.controlplane.testing.AppProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.reliability.ApiClient.Reply;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.TestFiles;

/**
 * A tool that hangs: a fake {@code git} first on the app's PATH that never answers and leaves a child holding
 * its pipes open. The PATH of a {@code @QuarkusTest} app cannot be changed, so this starts the packaged jar.
 * <ol>
 * <li>With the default card timeout (30 s) the tool timeout (10 s) comes first: the git card reports "git timed
 * out" as a normal state, the cards that ask git about ignored files fall back to reading .gitignore, all other
 * cards and the stream carry on, and no hung process is left behind.</li>
 * <li>With a card timeout shorter than the tool's (3 s), the git card fails with 500 {error, key} after the card
 * timeout, and the interrupted computation still kills the hung process and its child.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HangingGitIT {
    private static final String SECTION = "Project faults";
    /** Cards that never run git: they must answer while git hangs. */
    private static final List<String> GIT_FREE = List.of("docs", "testing", "k8s", "terraform", "ci", "dns", "quality",
            "packages");

    private static Path work;
    private static Path project;
    private static Path fakeBin;
    private static Path hang;

    @BeforeAll
    static void fakeGit() throws Exception {
        work = Files.createTempDirectory("controlplane-hanging-git");
        project = work.resolve("project");
        Files.createDirectories(project);
        FaultProjectResource.seed(project);
        TestFiles.deleteQuietly(project.resolve(".state")); // no corrupt state here: this test is about the tool
        Files.createDirectories(project.resolve(".git")); // a repository, as far as the cards can tell
        fakeBin = work.resolve("fakebin");
        Files.createDirectories(fakeBin);
        // A private copy of sleep, so the hung processes are recognisable (and only ours are ever killed).
        hang = fakeBin.resolve("hang-" + UUID.randomUUID().toString().substring(0, 8));
        Files.copy(which("sleep").orElseThrow(), hang);
        executable(hang);
        Path git = fakeBin.resolve("git");
        Files.writeString(git, "#!/bin/sh\n"
                + "# A git that never answers; its child keeps the output pipes open as well.\n"
                + "'" + hang + "' 600 &\n"
                + "exec '" + hang + "' 600\n");
        executable(git);
    }

    private static AppProcess start(String computeTimeout, String name) {
        return AppProcess.start(new AppProcess.Options(project)
                .env("PATH", fakeBin + File.pathSeparator + System.getenv("PATH"))
                .property("controlplane.cache.compute-timeout", computeTimeout)
                .property("controlplane.cache.warm-on-start", "false")
                .property("controlplane.events.heartbeat", "1s")
                .log(Path.of("target", "reliability", "hanging-git-" + name + ".log")), Duration.ofSeconds(60));
    }

    @Test
    @Order(1)
    void aHangingGitIsAToolTimeoutWhileEverythingElseAnswers() throws Exception {
        ReliabilityRows.trial(SECTION, "faults/hanging-git", "a fake git first on PATH that sleeps forever (and "
                + "forks a child that keeps the pipes open); default card timeout 30 s, tool timeout 10 s",
                "git card: 200 'git timed out' (a card state) within the card timeout; other cards and the stream "
                        + "keep working; no hung process left",
                "HangingGitIT#aHangingGitIsAToolTimeoutWhileEverythingElseAnswers", () -> {
                    try (AppProcess app = start("30s", "tool-timeout");
                            SseClient stream = SseClient.connect(app.base())) {
                        ApiClient api = new ApiClient(app.base());
                        assertEquals("sys:ready", stream.next(10).event());
                        long started = System.nanoTime();
                        CompletableFuture<Reply> git = CompletableFuture.supplyAsync(
                                () -> api.getWithIntent("/api/cards/git?bust=1"));
                        awaitHung(10);
                        Map<String, Reply> others = api.computeAll(GIT_FREE, true, Duration.ofMinutes(2));
                        boolean othersFirst = !git.isDone();
                        others.forEach((key, reply) -> assertEquals(200, reply.status(), key + ": " + reply.body()));
                        stream.nextHeartbeat(10);
                        Reply reply = git.get(60, TimeUnit.SECONDS);
                        double gitSeconds = (System.nanoTime() - started) / 1e9;
                        assertEquals(200, reply.status(), reply.body());
                        assertFalse(reply.json().path("available").asBoolean(true), reply.body());
                        assertTrue(reply.json().path("reason").asText().contains("timed out"), reply.body());
                        assertTrue(gitSeconds < 40, "the git card took " + gitSeconds + " s: longer than its timeout");
                        Map<String, Reply> ignores = api.computeAll(List.of("env", "security"), true, Duration.ofMinutes(2));
                        ignores.forEach((key, r) -> assertEquals(200, r.status(), key + ": " + r.body()));
                        String envCheck = ignores.get("env").json().path("ignore_check").asText();
                        int left = awaitNoHung(15);
                        assertEquals(0, left, "hung processes left behind");
                        assertEquals(200, app.status("/api/events/stats"));
                        return String.format("git 200 {available:false, reason:'%s'} after %.0f s; %d git-free cards "
                                + "200 %s git answered; env/security 200 (env ignore_check=%s); heartbeats kept "
                                + "coming; hung processes left: %d", reply.json().path("reason").asText(), gitSeconds,
                                others.size(), othersFirst ? "before" : "(not all before)", envCheck, left);
                    }
                });
    }

    @Test
    @Order(2)
    void aCardTimeoutShorterThanTheToolTimeoutKillsTheHungTool() throws Exception {
        ReliabilityRows.trial(SECTION, "faults/hanging-git-card-timeout", "the same hanging git with a card timeout "
                + "(3 s) shorter than the tool timeout (10 s)",
                "git card: 500 {error: 'timed out after 3 s', key: git}; the interrupted card kills the hung process "
                        + "tree; other cards and the stream keep working",
                "HangingGitIT#aCardTimeoutShorterThanTheToolTimeoutKillsTheHungTool", () -> {
                    try (AppProcess app = start("3s", "card-timeout");
                            SseClient stream = SseClient.connect(app.base())) {
                        ApiClient api = new ApiClient(app.base());
                        assertEquals("sys:ready", stream.next(10).event());
                        Reply reply = api.getWithIntent("/api/cards/git?bust=1");
                        assertEquals(500, reply.status(), reply.body());
                        assertEquals("git", reply.json().path("key").asText());
                        assertTrue(reply.error().contains("timed out after 3 s"), reply.body());
                        assertTrue(reply.seconds() < 30, "answered after " + reply.seconds() + " s");
                        JsonNode error = stream.awaitType("cache:error", "git", 30).json();
                        assertTrue(error.path("error").asText().contains("timed out"), error.toString());
                        int left = awaitNoHung(15);
                        assertEquals(0, left, "hung processes left behind after the card timed out");
                        Reply docs = api.get("/api/cards/docs");
                        assertEquals(200, docs.status());
                        stream.nextHeartbeat(10);
                        return String.format("git 500 {error:'%s', key:'git'} after %.1f s; cache:error on the stream; "
                                + "hung processes left: %d; docs 200; heartbeats kept coming", reply.error(),
                                reply.seconds(), left);
                    }
                });
    }

    // ---------------------------------------------------------------- processes

    private static List<ProcessHandle> hung() {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            if (p.info().command().map(c -> c.equals(hang.toString())).orElse(false)) {
                found.add(p);
            }
        });
        return found;
    }

    private static void awaitHung(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (hung().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake git never ran: is the PATH passed to the app?");
            }
            AppProcess.sleep(50);
        }
    }

    private static int awaitNoHung(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!hung().isEmpty() && System.nanoTime() < deadline) {
            AppProcess.sleep(100);
        }
        return hung().size();
    }

    @AfterAll
    static void cleanUp() {
        if (hang != null) {
            hung().forEach(ProcessHandle::destroyForcibly); // only our own copies of sleep
        }
        TestFiles.deleteQuietly(work);
        ReliabilityReport.regenerate();
    }

    private static Optional<Path> which(String name) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
