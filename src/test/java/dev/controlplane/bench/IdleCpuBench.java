package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Idle CPU: the app on a large project with every card cached and nothing happening (no client connected, no
 * file changing): CPU time of the whole process (utime + stime from {@code /proc/<pid>/stat}) over the window, as
 * a percentage of one core. Once with the watch service (default configuration), once with
 * {@code controlplane.watch.service=false} (poll only, at the default 5 s interval).
 */
final class IdleCpuBench {
    private final BenchContext ctx;

    IdleCpuBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(String label, Path project) throws IOException, InterruptedException {
        String section = "idle CPU (" + label + ")";
        // Compute every card first (unless an earlier section did), then measure a fresh start on the warm cache.
        if (!java.nio.file.Files.exists(project.resolve(".state/devops_cache.json"))) {
            computeAll(label, project);
        }
        measure(section, "watch service (default config)", ctx.spec("idle-watch", project), true);
        measure(section, "poll only (watch.service=false, 5 s)", ctx.spec("idle-poll", project)
                .set("controlplane.watch.service", false), false);
    }

    private void computeAll(String label, Path project) throws IOException, InterruptedException {
        AppProcess.Spec compute = ctx.spec("idle-compute", project).set("controlplane.cache.warm-on-start", false);
        try (AppProcess app = ctx.startReady(compute)) {
            ControlClient client = new ControlClient(app.base);
            long started = System.nanoTime();
            ComputeBench.ensureWarm(client, client.cardKeys());
            BenchContext.log("idle CPU: computed every card of %s in %.1f s", label, (System.nanoTime() - started) / 1e9);
        }
    }

    private void measure(String section, String mode, AppProcess.Spec spec, boolean service)
            throws IOException, InterruptedException {
        try (AppProcess app = ctx.startReady(spec)) {
            ControlClient client = new ControlClient(app.base);
            JsonNode watch = BenchContext.awaitWatcher(client, service, Duration.ofMinutes(2));
            awaitQuietWarm(client);
            Thread.sleep(ctx.plan.settleSeconds() * 1000L);
            long ticksPerSecond = AppProcess.clockTicksPerSecond();
            Map<String, Long> threadsBefore = app.threadTicks();
            long before = app.cpuTicks();
            long machineBefore = MachineInfo.machineBusyTicks();
            long t0 = System.nanoTime();
            BenchContext.log("idle CPU %s: measuring %d s (watcher: %s, %s dirs)", mode, ctx.plan.idleCpuSeconds(),
                    watch.path("mode").asText(), watch.path("watched_directories").asText());
            Thread.sleep(ctx.plan.idleCpuSeconds() * 1000L);
            long after = app.cpuTicks();
            Map<String, Long> threadsAfter = app.threadTicks();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double percent = (after - before) / (double) ticksPerSecond / seconds * 100;
            double machine = (MachineInfo.machineBusyTicks() - machineBefore) / (double) ticksPerSecond / seconds * 100;
            JsonNode stats = client.get("/api/watch/stats");
            String note = stats.path("mode").asText() + ", " + stats.path("watched_directories").asText() + " dirs watched, "
                    + stats.path("polls").asText() + " polls, last poll " + ResultTable.format(stats.path("last_poll_duration_ms").asDouble())
                    + " ms, poll every " + ResultTable.format(stats.path("poll_interval_s").asDouble()) + " s; RSS "
                    + Math.round(app.rssBytes() / 1048576.0) + " MiB; other processes meanwhile "
                    + ResultTable.format(Math.max(0, machine - percent)) + " % of a core; busiest threads: "
                    + busiest(threadsBefore, threadsAfter, ticksPerSecond, seconds);
            ctx.table.add(section, mode + ", " + ctx.plan.idleCpuSeconds() + " s", "% of a core",
                    Stats.single(percent), ResultTable.Target.atMost(1, "%"), note);
        }
    }

    /** The three thread names that used the most CPU in the window, as % of a core. */
    private static String busiest(Map<String, Long> before, Map<String, Long> after, long ticksPerSecond, double seconds) {
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((name, ticks) -> used.add(Map.entry(name, ticks - before.getOrDefault(name, 0L))));
        used.sort(Map.Entry.<String, Long> comparingByValue().reversed());
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Long> e : used.subList(0, Math.min(3, used.size()))) {
            if (e.getValue() <= 0) {
                break;
            }
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(ResultTable.format(e.getValue() / (double) ticksPerSecond / seconds * 100)).append(" %");
        }
        return out.length() == 0 ? "none above one tick" : out.toString();
    }

    /** With warm-on-start, a start first checks every card's fingerprint: wait until nothing is computing. */
    private static void awaitQuietWarm(ControlClient client) throws IOException, InterruptedException {
        for (int i = 0; i < 150; i++) { // at most 30 s: a card that fails never reaches the snapshot
            JsonNode activity = client.get("/api/events/stats");
            if (activity.path("latest_keys").asInt() >= client.cardKeys().size()) {
                return;
            }
            Thread.sleep(200);
        }
    }

}
