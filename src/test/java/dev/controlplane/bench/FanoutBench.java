package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SSE fan-out on an empty project (no cards cached, so a connection's first frames are tiny and only the bus is
 * measured), with the bench hook on. All clients live in this JVM ({@link FanoutClients}, 2 event loops) and
 * share the 2 cores with the server: the numbers include the client's own cost.
 * <ul>
 * <li>heap per idle subscriber: {@code GET /api/bench/memory} (used heap after GC) with 0 and with N idle
 * clients, divided by N;</li>
 * <li>latency: {@code POST /api/bench/publish {rate, duration_s}}; every {@code bench:tick} carries its
 * publish time {@code sent_us}; each client records {@code receive - sent_us}; p50/p99 per run, repeated;</li>
 * <li>dropped clients: connections the server ended during a run (a subscriber more than
 * {@code controlplane.events.subscriber-buffer} = 200 frames behind is cut off; left at the default).</li>
 * </ul>
 */
final class FanoutBench {
    /**
     * Half the server CPU per delivered frame measured before frames were pre-encoded and batched (issue #10: "at
     * least halved"), median of 3 runs of {@code bench/run --only fanout} on the per-client-SSE build: 1,000
     * clients @ 100/s 14.6 µs, 100 clients @ 1,000/s 20.4 µs (a saturated machine: load average 15-34).
     */
    static double cpuPerFrameTargetMicros(int clients, int rate) {
        return clients == 1000 && rate == 100 ? 7.3 : 10.2;
    }
    private final BenchContext ctx;

    FanoutBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(Path emptyProject) throws IOException, InterruptedException {
        AppProcess.Spec spec = ctx.spec("fanout", emptyProject)
                .set("controlplane.bench.enabled", true)
                .set("controlplane.cache.warm-on-start", false);
        try (AppProcess app = ctx.startReady(spec);
                FanoutClients clients = new FanoutClients(app.port, 2)) {
            ControlClient client = new ControlClient(app.base);
            heapPerSubscriber(client, clients);
            // Warm-up (not reported): the server's publish and write paths get compiled before the first measured run.
            clients.ensure(10, 30_000);
            publishAndWait(client, clients, 500, ctx.plan.isSmoke() ? 0.5 : 3);
            for (int n : ctx.plan.fanoutClients()) {
                for (int rate : ctx.plan.fanoutRates()) {
                    measure(app, client, clients, n, rate);
                }
            }
            JsonNode stats = client.get("/api/events/stats");
            ctx.table.note("fan-out: server counted " + stats.path("dropped_subscribers").asText() + " dropped subscribers of "
                    + stats.path("total_subscriptions").asText() + " subscriptions in all (subscriber buffer "
                    + stats.path("subscriber_buffer").asText() + " frames); clients that could not connect: " + clients.failedConnects());
        }
    }

    private void heapPerSubscriber(ControlClient client, FanoutClients clients) throws IOException, InterruptedException {
        int n = ctx.plan.idleSubscribers();
        List<Double> perSubscriber = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int rep = 1; rep <= ctx.plan.heapRepeats(); rep++) {
            awaitSubscribers(client, 0);
            long empty = client.get("/api/bench/memory").path("heap_used_bytes").asLong();
            if (!clients.ensure(n, 60_000)) {
                ctx.table.note("heap per idle subscriber: only " + clients.live() + " of " + n + " clients connected");
            }
            awaitSubscribers(client, clients.live());
            Thread.sleep(1000);
            long full = client.get("/api/bench/memory").path("heap_used_bytes").asLong();
            perSubscriber.add((full - empty) / 1024.0 / Math.max(1, clients.live()));
            baseline.add(empty / 1048576.0);
            clients.closeAll();
        }
        awaitSubscribers(client, 0);
        ctx.table.add("SSE fan-out", "heap per idle subscriber (" + n + " vs 0 clients)", "KiB", perSubscriber,
                ResultTable.Target.atMost(64, "KiB"), "used heap after 3× System.gc(); baseline with 0 clients "
                        + ResultTable.format(Stats.of(baseline).median()) + " MiB");
    }

    private void measure(AppProcess app, ControlClient client, FanoutClients clients, int n, int rate)
            throws IOException, InterruptedException {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        List<Double> dropped = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> harnessCpu = new ArrayList<>();
        List<Double> othersCpu = new ArrayList<>();
        List<Double> cpuPerFrame = new ArrayList<>();
        String problem = "";
        long ticksPerSecond = AppProcess.clockTicksPerSecond();
        for (int run = 1; run <= ctx.plan.fanoutRuns(); run++) {
            if (!clients.ensure(n, 60_000)) {
                problem = "only " + clients.live() + " of " + n + " clients connected; ";
            }
            awaitSubscribers(client, clients.live());
            int live = clients.live();
            int droppedBefore = clients.dropped();
            long expected = Math.round(rate * ctx.plan.fanoutSeconds());
            FanoutClients.Run r = clients.startRun(expected);
            long serverBefore = app.cpuTicks();
            long harnessBefore = harnessCpuNanos();
            long machineBefore = MachineInfo.machineBusyTicks();
            long t0 = System.nanoTime();
            client.post("/api/bench/publish", Map.of("rate", rate, "duration_s", ctx.plan.fanoutSeconds(), "padding", 0));
            Thread.sleep((long) (ctx.plan.fanoutSeconds() * 1000));
            // Let the live clients catch up with what was published (bounded: a client far behind is dropped anyway).
            long drainUntil = System.nanoTime() + Duration.ofSeconds(ctx.plan.isSmoke() ? 2 : 5).toNanos();
            while (System.nanoTime() < drainUntil
                    && clients.clients().stream().anyMatch(c -> c.live() && c.ticks() < expected)) {
                Thread.sleep(20);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long serverTicks = app.cpuTicks() - serverBefore;
            serverCpu.add(serverTicks / (double) ticksPerSecond / wall * 100);
            // Everything the server spent in the window (publishing, encoding, writing, heartbeats) per frame a
            // client received: the cost of fan-out itself, independent of how busy the rest of the machine was.
            cpuPerFrame.add(r.frames() == 0 ? Double.NaN : serverTicks / (double) ticksPerSecond * 1e6 / r.frames());
            harnessCpu.add((harnessCpuNanos() - harnessBefore) / 1e9 / wall * 100);
            double machine = (MachineInfo.machineBusyTicks() - machineBefore) / (double) ticksPerSecond / wall * 100;
            othersCpu.add(Math.max(0, machine - last(serverCpu) - last(harnessCpu)));
            LatencyHistogram latency = r.latency();
            p50.add(latency.percentileMillis(50));
            p99.add(latency.percentileMillis(99));
            max.add(latency.maxMillis());
            delivered.add(100.0 * r.frames() / Math.max(1, expected * live));
            dropped.add((double) (clients.dropped() - droppedBefore));
            achieved.add(r.achievedRate());
            BenchContext.log("fan-out %d clients @ %d/s run %d: p50 %.2f ms, p99 %.2f ms, max %.1f ms, delivered %.1f %%,"
                    + " dropped %d; CPU server %.0f %%, harness %.0f %%, other processes %.0f %% of a core", n, rate, run,
                    last(p50), last(p99), last(max), last(delivered), (int) last(dropped), last(serverCpu), last(harnessCpu),
                    last(othersCpu));
        }
        boolean targeted = (n == 1000 && rate == 100) || (n == 100 && rate == 1000);
        String section = "SSE fan-out";
        String name = n + " client" + (n == 1 ? "" : "s") + " @ " + rate + "/s";
        ctx.table.add(section, name + ": p50", "ms", p50, null, problem + ctx.plan.fanoutRuns() + " run(s) of "
                + ResultTable.format(ctx.plan.fanoutSeconds()) + " s; publish rate achieved (median) "
                + (Stats.of(achieved).empty() ? "n/a (the last event never arrived)" : ResultTable.format(Stats.of(achieved).median()) + "/s"));
        ctx.table.add(section, name + ": p99", "ms", p99, targeted ? ResultTable.Target.atMost(50, "ms") : null,
                "max latency (median of runs) " + ResultTable.format(Stats.of(max).median()) + " ms");
        ctx.table.add(section, name + ": frames delivered", "%", delivered, null, "of rate × duration × clients");
        ctx.table.add(section, name + ": dropped clients", "clients", dropped, null, "per run, of " + n);
        ctx.table.add(section, name + ": CPU of the server", "% of a core", serverCpu, null,
                "median of runs: harness (the clients) " + ResultTable.format(Stats.of(harnessCpu).median())
                        + " %, other processes on the machine " + ResultTable.format(Stats.of(othersCpu).median())
                        + " % of a core (2 cores = 200 %)");
        ctx.table.add(section, name + ": server CPU per delivered frame", "µs", cpuPerFrame,
                targeted ? ResultTable.Target.atMost(cpuPerFrameTargetMicros(n, rate), "µs") : null,
                "server utime+stime over the run ÷ frames received by all clients");
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    /** CPU time of this JVM (the clients), to show how much of the 2 cores the measuring side takes. */
    private static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void publishAndWait(ControlClient client, FanoutClients clients, int rate, double seconds)
            throws IOException, InterruptedException {
        clients.startRun(Math.round(rate * seconds));
        client.post("/api/bench/publish", Map.of("rate", rate, "duration_s", seconds, "padding", 0));
        Thread.sleep((long) (seconds * 1000) + (ctx.plan.isSmoke() ? 300 : 1000));
    }

    /** Waits until the server's subscriber count is what the harness holds open (connects and closes are async). */
    private static void awaitSubscribers(ControlClient client, int expected) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (client.get("/api/events/stats").path("subscribers").asInt() == expected) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
