package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** What every section shares: the plan, the results, the jar under test and where logs go. */
final class BenchContext {
    final Plan plan;
    final ResultTable table;
    final Path jar;
    final Path logDir;
    final Path workDir;
    /** How long the watcher's counters must stay unchanged to count as settled (shorter for the smoke run). */
    private static volatile long stableNanos = 3_000_000_000L;

    BenchContext(Plan plan, ResultTable table, Path jar, Path logDir, Path workDir) {
        this.plan = plan;
        this.table = table;
        this.jar = jar;
        this.logDir = logDir;
        this.workDir = workDir;
        stableNanos = plan.isSmoke() ? 1_000_000_000L : 3_000_000_000L;
    }

    AppProcess.Spec spec(String name, Path project) {
        return new AppProcess.Spec(jar, project).name(name);
    }

    /** Starts the app and waits for its page; throws with the log path when it does not come up. */
    AppProcess startReady(AppProcess.Spec spec) throws IOException, InterruptedException {
        AppProcess app = AppProcess.start(spec, logDir);
        try {
            app.awaitPage(Duration.ofSeconds(120));
            return app;
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, "%tT  " + format + "%n", prepend(System.currentTimeMillis(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * Waits until the watcher has made its first pass and has settled: with the watch service, directories
     * registered and their count (and the count of watched cards) unchanged for 3 s (1 s in the smoke run; on a 100k-file project the
     * registration of tens of thousands of directories takes a while after the first ones appear).
     */
    static JsonNode awaitWatcher(ControlClient client, boolean service, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode stats = client.get("/api/watch/stats");
        String previous = "";
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            stats = client.get("/api/watch/stats");
            boolean checked = stats.path("checks").asLong() > 0;
            boolean registered = !service || (stats.path("watch_service_healthy").asBoolean()
                    && (stats.path("watched_keys").asInt() == 0 || stats.path("watched_directories").asInt() > 0));
            // Not the count of checks: polling every second, it never stands still.
            String state = stats.path("watched_directories").asText() + "/" + stats.path("watched_keys").asText();
            if (!state.equals(previous) || !checked || !registered) {
                previous = state;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= stableNanos) {
                return stats;
            }
            Thread.sleep(250);
        }
        return stats;
    }
}
