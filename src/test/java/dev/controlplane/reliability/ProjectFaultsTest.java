package dev.controlplane.reliability;

import dev.controlplane.testing.AppProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.reliability.ApiClient.Reply;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.TestFiles;
import dev.controlplane.testing.SseClient.Frame;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The project itself turns hostile while the server runs: its state files are garbage, {@code .state/} cannot
 * be written, it contains a 1 GB file, symbolic-link loops and links out of the project, a directory of
 * 100,000 entries, and it disappears and comes back. Under each fault every card answers (200 with a summary,
 * or 500 {@code {error, key}} with a one-line message), within a bound that only catches hangs, and the SSE
 * stream keeps delivering. The hanging-tool fault needs its own PATH and lives in {@link HangingGitIT}.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultProjectResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectFaultsTest {
    private static final String SECTION = "Project faults";
    private static final Duration HANG = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ProjectDirectory project;

    private ApiClient api;
    private Path root;

    @BeforeEach
    void setUp() {
        api = new ApiClient(base.toString());
        root = project.root();
        assertTrue(Files.exists(root.resolve("k8s/deploy.yaml")), "the fault project is the one under test: " + root);
    }

    // ---------------------------------------------------------------- state files

    @Test
    @Order(1)
    void corruptStateFilesAreSetAsideAndCardsRecompute() throws Exception {
        ReliabilityRows.trial(SECTION, "faults/corrupt-state", "corrupt .state/devops_cache.json (truncated JSON), "
                + "devops_prefs.json and devops_activity.json (binary junk) at start-up",
                "each file set aside as <name>.corrupt-<time>; cards recompute; the cache file is valid JSON again",
                "ProjectFaultsTest#corruptStateFilesAreSetAsideAndCardsRecompute", () -> {
                    Path state = root.resolve(".state");
                    List<String> aside = new ArrayList<>();
                    for (String name : List.of("devops_cache.json", "devops_prefs.json", "devops_activity.json")) {
                        Path corrupt = onlyMatch(state, name + ".corrupt-");
                        assertNotNull(corrupt, name + " was not set aside");
                        aside.add(corrupt.getFileName().toString());
                    }
                    assertEquals(FaultProjectResource.CORRUPT_CACHE,
                            Files.readString(onlyMatch(state, "devops_cache.json.corrupt-")),
                            "the corrupt cache is kept as it was, for a human to look at");
                    Reply docs = api.get("/api/cards/docs");
                    assertEquals(200, docs.status(), docs.body());
                    assertEquals(200, api.get("/api/devops/prefs").status());
                    JsonNode cache = JSON.readTree(state.resolve("devops_cache.json").toFile());
                    assertTrue(cache.has("docs"), "the recomputed card is in the new cache file");
                    return "set aside: " + String.join(", ", aside).replaceAll("corrupt-\\d+", "corrupt-<time>")
                            + "; docs 200 \"" + docs.summaryText() + "\"; new cache file valid JSON with docs";
                });
    }

    @Test
    @Order(2)
    void readOnlyStateDirectoryKeepsServingFromMemory() throws Exception {
        ReliabilityRows.trial(SECTION, "faults/read-only-state", ".state/ made read-only while running "
                + "(chmod 555, plus chattr +i when running as root)",
                "cards still served (200), one warning logged, no crash; writes resume when writable again",
                "ProjectFaultsTest#readOnlyStateDirectoryKeepsServingFromMemory", () -> {
                    Path state = root.resolve(".state");
                    assertEquals(200, api.getWithIntent("/api/cards/docs?bust=1").status(), "writable baseline");
                    String warning;
                    Reply forced;
                    Reply cached;
                    try (LogCapture log = LogCapture.of("dev.controlplane");
                            ReadOnly ignored = ReadOnly.make(state);
                            SseClient stream = SseClient.connect(base.toString())) {
                        assertEquals("sys:ready", stream.next(10).event());
                        forced = api.getWithIntent("/api/cards/docs?bust=1");
                        assertEquals(200, forced.status(), forced.body());
                        assertEquals("cache:done", stream.awaitType("cache:done", "docs", 30).event());
                        cached = api.get("/api/cards/docs");
                        assertEquals(200, cached.status(), cached.body());
                        assertTrue(cached.json().path("_cache").path("fresh").asBoolean(), "served from memory");
                        warning = log.find("Cannot write");
                        assertNotNull(warning, "a warning says the state cannot be written: " + log.lines());
                        assertTrue(warning.contains("memory"), warning);
                    }
                    Reply again = api.getWithIntent("/api/cards/docs?bust=1");
                    assertEquals(200, again.status());
                    JsonNode cache = JSON.readTree(state.resolve("devops_cache.json").toFile());
                    double written = cache.path("docs").path("cached_at").asDouble();
                    assertEquals(again.json().path("_cache").path("computed_at").asDouble(), written, 1e-6,
                            "once writable again, the new entry reaches the disk");
                    return "docs 200 while read-only (forced and cached); logged: \""
                            + ReliabilityRows.cell(warning.replaceAll("/tmp/\\S+/\\.state", "<project>/.state"), 140)
                            + "\"; writes resumed afterwards";
                });
    }

    // ---------------------------------------------------------------- hostile files

    @Test
    @Order(3)
    void gigabyteFilesAreSkippedNotRead() throws Exception {
        List<String> names = List.of("README.md", ".env", "package.json", "pom.xml", "requirements.txt", "Dockerfile",
                "docker-compose.yml", "k8s/huge.yaml", "main.tf", ".github/workflows/huge.yml", "docs/huge.md",
                "src/main/java/app/Huge.java", "src/test/java/app/HugeTest.java", "Makefile", "project.yml", "CNAME",
                "openapi.yaml");
        Map<String, byte[]> saved = new LinkedHashMap<>();
        ReliabilityRows.trial(SECTION, "faults/gigabyte-files", "sparse 1 GB files where cards read: "
                + names.size() + " of them (README.md, .env, package.json, pom.xml, Dockerfile, k8s/, *.tf, "
                + "workflows, src/…)", "every card answers (200 or 500 {error,key}), server and stream keep working",
                "ProjectFaultsTest#gigabyteFilesAreSkippedNotRead", () -> {
                    for (String name : names) {
                        Path file = root.resolve(name);
                        if (Files.exists(file)) {
                            saved.put(name, Files.readAllBytes(file));
                        }
                        Files.createDirectories(file.getParent());
                        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                            raf.setLength(1L << 30); // sparse: no gigabyte is ever written
                        }
                    }
                    try {
                        return allCardsSurvive("1 GB files");
                    } finally {
                        for (String name : names) {
                            Path file = root.resolve(name);
                            if (saved.containsKey(name)) {
                                Files.write(file, saved.get(name));
                            } else {
                                Files.deleteIfExists(file);
                            }
                        }
                    }
                });
    }

    @Test
    @Order(4)
    void symlinkLoopsAndLinksOutOfTheProjectAreNotFollowed() throws Exception {
        Map<Path, byte[]> replaced = new LinkedHashMap<>();
        List<Path> links = new ArrayList<>();
        ReliabilityRows.trial(SECTION, "faults/symlinks", "symlink loops (loop -> ., src/main/java/up -> ../../.., "
                + "docs/cycle/self -> ../cycle), links out of the project (k8s/etc -> /etc, LICENSE and "
                + "docs/passwd.md -> /etc/passwd) and a dangling link",
                "every card answers; no card follows a link out of the project (no /etc/passwd content anywhere)",
                "ProjectFaultsTest#symlinkLoopsAndLinksOutOfTheProjectAreNotFollowed", () -> {
                    try {
                        Files.createDirectories(root.resolve("docs/cycle"));
                        Map<String, String> planned = new LinkedHashMap<>();
                        planned.put("loop", ".");
                        planned.put("src/main/java/up", "../../..");
                        planned.put("docs/cycle/self", "../cycle");
                        planned.put("k8s/etc", "/etc");
                        planned.put("LICENSE", "/etc/passwd");
                        planned.put("docs/passwd.md", "/etc/passwd");
                        planned.put("docs/dangling.md", "nowhere.md");
                        for (Map.Entry<String, String> link : planned.entrySet()) {
                            Path path = root.resolve(link.getKey());
                            Files.createDirectories(path.getParent());
                            if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                                replaced.put(path, Files.readAllBytes(path));
                                Files.delete(path);
                            }
                            links.add(Files.createSymbolicLink(path, Path.of(link.getValue())));
                        }
                        String observed = allCardsSurvive("symlinks", (key, reply) -> {
                            assertFalse(reply.body().contains("root:x:0:0"), key + " shows /etc/passwd content");
                            assertFalse(reply.body().contains("/etc/passwd"), key + " names a file outside the project");
                        });
                        return observed + "; no /etc/passwd content in any card";
                    } finally {
                        for (Path link : links) {
                            Files.deleteIfExists(link);
                        }
                        for (Map.Entry<Path, byte[]> file : replaced.entrySet()) {
                            Files.write(file.getKey(), file.getValue());
                        }
                    }
                });
    }

    @Test
    @Order(5)
    void aDirectoryOfHundredThousandEntries() throws Exception {
        Path many = root.resolve("src/test/java/many");
        ReliabilityRows.trial(SECTION, "faults/100k-entries", "a directory with 100,000 empty files "
                + "(src/test/java/many/T000000Test.java …), inside watch roots of several cards",
                "every card answers (200, or 500 {error,key} on timeout); server and stream keep working",
                "ProjectFaultsTest#aDirectoryOfHundredThousandEntries", () -> {
                    Files.createDirectories(many);
                    for (int i = 0; i < 100_000; i++) {
                        Files.createFile(many.resolve(String.format("T%06dTest.java", i)));
                    }
                    try {
                        return allCardsSurvive("100k entries");
                    } finally {
                        TestFiles.deleteQuietly(many);
                    }
                });
    }

    // ---------------------------------------------------------------- the project disappears

    @Test
    @Order(6)
    void projectDirectoryDeletedWhileRunningThenBack() throws Exception {
        Path backup = root.resolveSibling(root.getFileName() + ".backup");
        ReliabilityRows.trial(SECTION, "faults/project-deleted", "the project directory deleted (rm -r) while the "
                + "server runs, then restored",
                "cards answer 500 {error: '…does not exist', key}; the directory is not re-created; the stream keeps "
                        + "working; cards and staleness detection recover when it is back",
                "ProjectFaultsTest#projectDirectoryDeletedWhileRunningThenBack", () -> {
                    assertEquals(200, api.get("/api/cards/docs").status());
                    copyPreservingTimes(root, backup);
                    try (SseClient stream = SseClient.connect(base.toString())) {
                        assertEquals("sys:ready", stream.next(10).event());
                        TestFiles.deleteQuietly(root);
                        assertFalse(Files.exists(root));
                        Reply gone;
                        Reply forced;
                        try {
                            gone = api.get("/api/cards/docs");
                            forced = api.getWithIntent("/api/cards/testing?bust=1");
                            Frame error = stream.awaitType("cache:error", "testing", 30);
                            assertTrue(error.json().path("error").asText().contains("does not exist"), error.data());
                            stream.nextHeartbeat(10);
                            assertEquals(200, api.get("/api/events/stats").status());
                            assertEquals(200, api.page().status(), "the page still renders");
                            assertFalse(Files.exists(root), "the server re-created the deleted project directory");
                        } finally {
                            TestFiles.deleteQuietly(root); // only there if the server re-created it
                            copyPreservingTimes(backup, root); // as a restore from a backup does
                            TestFiles.deleteQuietly(backup);
                        }
                        for (Reply reply : List.of(gone, forced)) {
                            assertEquals(500, reply.status(), reply.body());
                            assertTrue(reply.error().contains("does not exist"), reply.body());
                        }
                        assertEquals("docs", gone.json().path("key").asText());
                        assertEquals("testing", forced.json().path("key").asText());
                        Reply back = api.get("/api/cards/docs");
                        assertEquals(200, back.status(), back.body());
                        // An edit after the return is announced (the watches are re-established).
                        Files.writeString(root.resolve("README.md"), "# Back\n\n## Again\n", StandardCharsets.UTF_8);
                        stream.awaitType("state:stale", "docs", 30);
                        Reply edited = api.get("/api/cards/docs");
                        assertEquals(200, edited.status());
                        assertTrue(edited.body().contains("Again"), "the edit is served: " + edited.body());
                        return "while gone: docs 500 \"" + gone.error().replace(root.toString(), "<project>")
                                + "\", testing?bust=1 500 too; stream delivered cache:error and heartbeats; "
                                + "directory not re-created; restored: docs 200, an edit seen as state:stale and served";
                    }
                });
    }

    @Test
    @Order(7)
    void projectDirectoryRenamedAwayThenBack() throws Exception {
        Path away = root.resolveSibling(root.getFileName() + ".renamed");
        ReliabilityRows.trial(SECTION, "faults/project-renamed", "the project directory renamed away (mv) while the "
                + "server runs — its OS watches follow the inode, so no file event reports it — then moved back",
                "a plain GET answers 500 {error: '…does not exist', key}, not the cached card as fresh; back: 200",
                "ProjectFaultsTest#projectDirectoryRenamedAwayThenBack", () -> {
                    assertEquals(200, api.get("/api/cards/docs").status());
                    AppProcess.sleep(1500); // let the watcher vouch for the entry, as it does on an idle dashboard
                    Reply gone;
                    java.nio.file.Files.move(root, away, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    try {
                        gone = api.get("/api/cards/docs");
                    } finally {
                        java.nio.file.Files.move(away, root, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                    assertEquals(500, gone.status(), "served while the project is gone: " + gone.body());
                    assertTrue(gone.error().contains("does not exist"), gone.body());
                    Reply back = api.get("/api/cards/docs");
                    assertEquals(200, back.status(), back.body());
                    return "while renamed away: docs 500 \"" + gone.error().replace(root.toString(), "<project>")
                            + "\"; moved back: docs 200";
                });
    }

    // ---------------------------------------------------------------- helpers

    private String allCardsSurvive(String fault) {
        return allCardsSurvive(fault, (key, reply) -> {
        });
    }

    /** Every card, forced, answers acceptably; the stream reports every one of them; the server stays healthy. */
    private String allCardsSurvive(String fault, java.util.function.BiConsumer<String, Reply> extra) {
        List<String> keys = api.keys();
        Map<String, Reply> replies;
        Map<String, String> seen;
        try (SseClient stream = SseClient.connect(base.toString())) {
            assertEquals("sys:ready", stream.next(10).event());
            replies = api.computeAll(keys, true, HANG);
            seen = terminalFrames(stream, keys, 60);
        }
        List<String> problems = new ArrayList<>();
        replies.forEach((key, reply) -> {
            String problem = ApiClient.problem(key, reply);
            if (problem != null) {
                problems.add(problem);
            }
            extra.accept(key, reply);
        });
        assertTrue(problems.isEmpty(), fault + ": " + problems);
        Set<String> missing = new HashSet<>(keys);
        missing.removeAll(seen.keySet());
        assertTrue(missing.isEmpty(), fault + ": the stream never reported " + missing);
        assertEquals(200, api.get("/api/events/stats").status());
        return ApiClient.describe(replies) + "; stream reported all " + keys.size();
    }

    /** The cache:done or cache:error frame of each key, waiting up to {@code seconds} in all. */
    static Map<String, String> terminalFrames(SseClient stream, Collection<String> keys, double seconds) {
        Map<String, String> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!seen.keySet().containsAll(keys) && System.nanoTime() < deadline) {
            for (Frame frame : stream.drain(0.5)) {
                if ("cache:done".equals(frame.event()) || "cache:error".equals(frame.event())) {
                    seen.put(frame.key(), frame.event());
                }
            }
        }
        return seen;
    }

    /** Copies a tree keeping modification times, so the restored files look unchanged to the fingerprints. */
    private static void copyPreservingTimes(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static Path onlyMatch(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /** A directory that this process cannot write, undone on close. */
    static final class ReadOnly implements AutoCloseable {
        private final Path dir;
        private boolean immutable;

        private ReadOnly(Path dir) {
            this.dir = dir;
        }

        static ReadOnly make(Path dir) throws IOException, InterruptedException {
            ReadOnly ro = new ReadOnly(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (writable(dir)) {
                // root ignores permissions; the immutable attribute binds root too.
                ro.immutable = new ProcessBuilder("chattr", "+i", dir.toString()).inheritIO().start().waitFor() == 0;
            }
            if (writable(dir)) {
                ro.close();
                Assumptions.abort("cannot make a directory read-only on this machine (root without chattr)");
            }
            return ro;
        }

        private static boolean writable(Path dir) {
            try {
                Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (immutable) {
                try {
                    new ProcessBuilder("chattr", "-i", dir.toString()).inheritIO().start().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @AfterAll
    static void report() {
        ReliabilityReport.regenerate();
    }
}
