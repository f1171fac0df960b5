package dev.controlplane.reliability;

import dev.controlplane.testing.AppProcess;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.testing.TestFiles;

/**
 * {@code kill -9} while the cache is being written, hundreds of times. After every kill:
 * {@code .state/devops_cache.json} (and the activity log) is valid JSON, every card entry that was on disk
 * before the kill is still there, and every recompute the server had confirmed (HTTP 200, or "ok" from the
 * helper) is on disk at least as new as confirmed.
 *
 * <p>A Quarkus start costs 1–4 s on the shared 2-core machines, so 200 real restarts do not fit the budget.
 * The kills come in two phases, reported separately:
 * <ol>
 * <li><b>The real app</b>: the packaged jar (AppCDS archive, C1 only, to restart faster) under a stream of forced
 * recomputes ({@code GET /api/cards/{key}?bust=1} from 4 threads, each one a whole-file cache write plus an
 * activity-log write), killed at a random moment 0–600 ms after it answered, as often as fits
 * {@value #REAL_BUDGET_S} s (the AppCDS archive's creation included) and at least {@value #MIN_REAL_KILLS}
 * times.</li>
 * <li><b>The write path alone</b>: {@link CacheWriteLoop}, the app's own CacheStore → StateFiles →
 * AtomicFiles classes in a JVM that only writes, killed at random moments until the total reaches
 * {@value #TOTAL_KILLS}, however long that takes on a loaded machine; nearly every such kill lands inside a
 * write.</li>
 * </ol>
 * A kill that leaves a {@code *.tmp-*} file behind provably landed inside a write (between creating the
 * temporary file and renaming it); those are counted. {@code kill -9} is a process crash: the kernel keeps
 * its page cache, so this proves atomic replacement, not durability across power loss (no fsync).
 */
class CrashSafetyIT {
    static final int TOTAL_KILLS = 200;
    static final int REAL_BUDGET_S = 100;
    static final int MIN_REAL_KILLS = 10;
    /** Both phases together; the helper phase gets what the real app leaves, to reach {@link #TOTAL_KILLS}. */
    static final int TOTAL_BUDGET_S = 230;
    /**
     * Not a time target: a guard against a write loop that stopped making progress. The kill count is fixed; on a
     * loaded machine reaching it just takes longer (a count that had to fit a time budget failed at load 10).
     */
    static final int HANG_GUARD_S = 900;
    private static final String SECTION = "Crash safety";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HAMMERED = List.of("docs", "k8s", "terraform", "ci", "dns", "pages", "docker",
            "env", "testing", "packages", "quality", "audit:structure", "audit:system", "audit:deps", "audit:clients");

    private static Path work;
    private static Path cds;

    @BeforeAll
    static void setUp() throws IOException {
        work = Files.createTempDirectory("controlplane-crash");
        cds = Path.of("target", "reliability", "crash-appcds.jsa").toAbsolutePath();
        Files.createDirectories(cds.getParent());
    }

    @Test
    void killMinus9DuringCacheWritesNeverCorruptsOrLosesEntries() throws Exception {
        Path appProject = work.resolve("app-project");
        Files.createDirectories(appProject);
        FaultProjectResource.seed(appProject);
        TestFiles.deleteQuietly(appProject.resolve(".state"));
        Stats real = new Stats();
        ReliabilityRows.trial(SECTION, "crash/real-app", "kill -9 of the packaged app at random moments under "
                + "continuous forced recomputes (4 threads of GET /api/cards/{key}?bust=1 over 15 cards), restarted "
                + "after every kill (" + REAL_BUDGET_S + " s budget)",
                "after every kill: devops_cache.json and devops_activity.json valid JSON; no entry on disk before "
                        + "the kill lost; every confirmed (HTTP 200) recompute on disk; the next start loads every entry",
                "CrashSafetyIT (real app)", () -> {
                    realAppKills(appProject, real);
                    assertTrue(real.kills >= MIN_REAL_KILLS, "only " + real.kills + " real-app kills before the "
                            + HANG_GUARD_S + " s hang guard");
                    return real.describe("real-app kills") + String.format("; %.1f s per restart+kill",
                            (real.seconds - real.setupSeconds) / Math.max(1, real.kills));
                });

        Path helperProject = work.resolve("helper-project");
        Files.createDirectories(helperProject);
        Stats helper = new Stats();
        helper.insidePut = 0;
        int helperTarget = Math.max(TOTAL_KILLS - real.kills, 100);
        int helperBudget = (int) Math.max(60, TOTAL_BUDGET_S - real.seconds);
        ReliabilityRows.trial(SECTION, "crash/write-path", "kill -9 of CacheWriteLoop (the app's CacheStore → "
                + "StateFiles → AtomicFiles in a JVM that only writes, ~100 KB per write) at random moments, "
                + "until real + helper kills ≥ " + TOTAL_KILLS,
                "after every kill: valid JSON; no entry lost; every confirmed write on disk; the next load keeps all",
                "CrashSafetyIT (write path)", () -> {
                    helperKills(helperProject, helperTarget, helperBudget, real.kills, helper);
                    assertTrue(real.kills + helper.kills >= TOTAL_KILLS, "only " + (real.kills + helper.kills)
                            + " kills in all before the " + HANG_GUARD_S + " s hang guard");
                    return helper.describe("write-path kills") + "; total kills " + (real.kills + helper.kills);
                });
    }

    // ---------------------------------------------------------------- phase 1: the real app

    private static void realAppKills(Path project, Stats stats) throws Exception {
        long archiveStarted = System.nanoTime();
        createCdsArchive(project);
        long archiveSeconds = (System.nanoTime() - archiveStarted) / 1_000_000_000L;
        stats.setupSeconds = archiveSeconds;
        Path state = project.resolve(".state");
        Set<String> onDisk = new HashSet<>();
        long started = System.nanoTime() - TimeUnit.SECONDS.toNanos(archiveSeconds);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        // The budget decides how many of the kills the real app takes, beyond the minimum it always gets.
        while (((System.nanoTime() - started) / 1e9 < REAL_BUDGET_S || stats.kills < MIN_REAL_KILLS)
                && stats.kills < TOTAL_KILLS && (System.nanoTime() - started) / 1e9 < HANG_GUARD_S) {
            AppProcess app = AppProcess.start(new AppProcess.Options(project)
                    .jvm("-XX:SharedArchiveFile=" + cds, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                            "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                    .property("quarkus.log.level", "WARN")
                    .log(Path.of("target", "reliability", "crash-app.log")), Duration.ofSeconds(60));
            int loaded = latestKeys(http, app);
            if (loaded < onDisk.size()) {
                stats.problems.add("restart " + stats.kills + ": loaded " + loaded + " entries of " + onDisk.size());
            }
            Map<String, Double> confirmed = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger();
            List<Thread> hammer = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Thread thread = new Thread(() -> forceRecomputes(http, app, offset, stop, confirmed, requests),
                        "hammer-" + t);
                thread.setDaemon(true);
                thread.start();
                hammer.add(thread);
            }
            AppProcess.sleep(ThreadLocalRandom.current().nextInt(0, 600));
            Map<String, Double> confirmedBeforeKill = new HashMap<>(confirmed);
            app.kill9();
            stop.set(true);
            stats.kills++;
            stats.confirmed += confirmedBeforeKill.size();
            stats.requests += requests.get();
            for (Thread thread : hammer) {
                thread.join(5000);
            }
            Set<String> after = check(state, onDisk, confirmedBeforeKill, stats, "real-app kill " + stats.kills);
            onDisk.addAll(after);
        }
        stats.seconds = (System.nanoTime() - started) / 1e9;
        stats.entries = onDisk.size();
    }

    /** One dynamic AppCDS archive from a clean run, so the restarts load classes from a shared archive. */
    private static void createCdsArchive(Path project) throws IOException {
        if (Files.isRegularFile(cds) && Files.getLastModifiedTime(cds).compareTo(
                Files.getLastModifiedTime(AppProcess.JAR)) > 0) {
            return;
        }
        Files.deleteIfExists(cds);
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project)
                .jvm("-XX:ArchiveClassesAtExit=" + cds, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off")
                .property("quarkus.log.level", "WARN")
                .log(Path.of("target", "reliability", "crash-cds.log")), Duration.ofSeconds(60))) {
            ApiClient api = new ApiClient(app.base());
            api.computeAll(HAMMERED, true, Duration.ofMinutes(2));
        }
        // Without an archive the restarts are merely slower: the JVM ignores a missing or stale one.
    }

    private static int latestKeys(HttpClient http, AppProcess app) throws IOException, InterruptedException {
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(app.base() + "api/events/stats"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(stats.body()).path("latest_keys").asInt();
    }

    private static void forceRecomputes(HttpClient http, AppProcess app, int offset, AtomicBoolean stop,
            Map<String, Double> confirmed, AtomicInteger requests) {
        for (int i = offset; !stop.get(); i++) {
            String key = HAMMERED.get(i % HAMMERED.size());
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(app.base() + "api/cards/" + key + "?bust=1")).header("X-Control-Plane", "1")
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
                if (response.statusCode() == 200) {
                    double at = JSON.readTree(response.body()).path("_cache").path("computed_at").asDouble();
                    confirmed.merge(key, at, Math::max);
                }
            } catch (IOException e) {
                return; // the app was killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- phase 2: the write path alone

    private static void helperKills(Path project, int target, int budgetSeconds, int alreadyKilled, Stats stats)
            throws Exception {
        Path state = project.resolve(".state");
        Set<String> onDisk = new HashSet<>();
        String classpath = String.join(File.pathSeparator, Path.of("target", "classes").toAbsolutePath().toString(),
                Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "quarkus-app", "lib", "main").toAbsolutePath() + File.separator + "*");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        while (stats.kills < target
                && ((System.nanoTime() - started) / 1e9 < budgetSeconds || stats.kills + alreadyKilled < TOTAL_KILLS)
                && (System.nanoTime() - started) / 1e9 < HANG_GUARD_S) {
            Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", classpath, CacheWriteLoop.class.getName(), project.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Map<String, Double> confirmed = new ConcurrentHashMap<>();
            AtomicInteger loaded = new AtomicInteger(-1);
            AtomicInteger writes = new AtomicInteger();
            AtomicBoolean inWrite = new AtomicBoolean();
            Thread reader = new Thread(() -> readConfirmations(process, loaded, writes, inWrite, confirmed),
                    "helper-out");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writes.get() < 3 && process.isAlive() && System.nanoTime() < deadline) {
                AppProcess.sleep(2);
            }
            if (!process.isAlive()) {
                throw new AssertionError("CacheWriteLoop exited with " + process.exitValue());
            }
            AppProcess.sleep(ThreadLocalRandom.current().nextInt(0, 60));
            Map<String, Double> confirmedBeforeKill = new HashMap<>(confirmed);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(5000); // the pipe is drained to its end: the last marker says where the kill landed
            if (inWrite.get()) {
                stats.insidePut++;
            }
            stats.kills++;
            stats.confirmed += confirmedBeforeKill.size();
            stats.requests += writes.get();
            if (loaded.get() >= 0 && loaded.get() < onDisk.size()) {
                stats.problems.add("helper start " + stats.kills + ": loaded " + loaded.get() + " of "
                        + onDisk.size() + " entries");
            }
            onDisk.addAll(check(state, onDisk, confirmedBeforeKill, stats, "write-path kill " + stats.kills));
        }
        stats.seconds = (System.nanoTime() - started) / 1e9;
        stats.entries = onDisk.size();
    }

    private static void readConfirmations(Process process, AtomicInteger loaded, AtomicInteger writes,
            AtomicBoolean inWrite, Map<String, Double> confirmed) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("loaded") && parts.length == 2) {
                    loaded.set(Integer.parseInt(parts[1]));
                } else if (parts[0].equals("w")) {
                    inWrite.set(true);
                } else if (parts[0].equals("ok") && parts.length == 3) {
                    confirmed.merge(parts[1], Double.parseDouble(parts[2]), Math::max);
                    writes.incrementAndGet();
                    inWrite.set(false);
                }
            }
        } catch (IOException | RuntimeException e) {
            // killed mid-line: what was complete counts
        }
    }

    // ---------------------------------------------------------------- the check after every kill

    /** @return the keys now in the cache file */
    private static Set<String> check(Path state, Set<String> before, Map<String, Double> confirmed, Stats stats,
            String what) throws IOException {
        try (Stream<Path> files = Files.exists(state) ? Files.list(state) : Stream.empty()) {
            if (files.anyMatch(f -> f.getFileName().toString().contains(".tmp-"))) {
                stats.midWrite++;
            }
        }
        Path cache = state.resolve("devops_cache.json");
        if (!Files.exists(cache)) {
            if (!before.isEmpty() || !confirmed.isEmpty()) {
                stats.problems.add(what + ": the cache file is gone");
            }
            return Set.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(cache));
        } catch (IOException e) {
            stats.problems.add(what + ": devops_cache.json is not valid JSON (" + e.getMessage() + ")");
            return Set.of();
        }
        if (root == null || !root.isObject()) {
            stats.problems.add(what + ": devops_cache.json is not a JSON object");
            return Set.of();
        }
        Path activity = state.resolve("devops_activity.json");
        if (Files.exists(activity)) {
            try {
                if (!JSON.readTree(Files.readAllBytes(activity)).isArray()) {
                    stats.problems.add(what + ": devops_activity.json is not an array");
                }
            } catch (IOException e) {
                stats.problems.add(what + ": devops_activity.json is not valid JSON");
            }
        }
        Set<String> keys = new HashSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        for (String key : before) {
            if (!keys.contains(key)) {
                stats.problems.add(what + ": entry '" + key + "' lost");
            }
        }
        confirmed.forEach((key, at) -> {
            double written = root.path(key).path("cached_at").asDouble(-1);
            if (written < at - 1e-6) {
                stats.problems.add(what + ": confirmed '" + key + "' of " + at + " but the file has " + written);
            }
        });
        stats.checked++;
        return keys;
    }

    /** What one phase did. */
    static final class Stats {
        int kills;
        int checked;
        int midWrite;
        int insidePut = -1;
        int confirmed;
        int requests;
        int entries;
        double seconds;
        double setupSeconds;
        final List<String> problems = new ArrayList<>();

        String describe(String name) {
            assertTrue(problems.isEmpty(), problems.size() + " problems, first: "
                    + problems.subList(0, Math.min(5, problems.size())));
            String inside = insidePut < 0 ? "" : String.format(", %d landed inside CacheStore.put (between the "
                    + "helper's 'w' and 'ok' markers)", insidePut);
            return String.format("%d %s, %d of them left a temp file (killed between creating and renaming it)%s; "
                    + "%d requests/writes in all, %d latest confirmed (card, time) pairs checked; %d cache files "
                    + "checked: all valid JSON, no entry lost (%d on disk at the end), every confirmed write present",
                    kills, name, midWrite, inside, requests, confirmed, checked, entries);
        }
    }

    @AfterAll
    static void cleanUp() {
        TestFiles.deleteQuietly(work);
        ReliabilityReport.regenerate();
    }
}
