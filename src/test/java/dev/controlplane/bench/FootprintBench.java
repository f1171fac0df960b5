package dev.controlplane.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user feels of the default launch (issue #10): the app started as users start it — {@code bin/control-plane}
 * when the repository has it, else {@code java} with the flags of {@code src/main/jvm/jvm.options} and {@code -jar}
 * — on a project without {@code .state/} (nothing cached), then, per fresh process:
 * <ul>
 * <li>process start → first 200 on {@code /}, the process's CPU time until then (fair on a loaded machine, unlike
 * the wall time), and RSS at that moment;</li>
 * <li>the first sequential pass over every card ({@code GET /api/cards/{key}}, a new connection each), and RSS
 * right after it;</li>
 * <li>20 warm hits (every card once more, a new connection each): total wall time;</li>
 * <li>idle CPU over a window after the watcher has settled, with one event stream connected (a dashboard tab left
 * open all day: heartbeats and the remote schedule run).</li>
 * </ul>
 * With a JDK 25+ (under {@code /usr/lib/jvm}) and an AOT cache next to the jar ({@code -Paot} build), start-up and
 * RSS at first 200 again with it ({@code -XX:AOTCache=app.aot}).
 */
final class FootprintBench {
    private final BenchContext ctx;
    private final Path repo;
    private final Path builtJar;

    /** @param builtJar the jar where the build left it: a start-up archive only matches the paths it was made for */
    FootprintBench(BenchContext ctx, Path repo, Path builtJar) {
        this.ctx = ctx;
        this.repo = repo;
        this.builtJar = builtJar;
    }

    /** The workstation profile's flags, one per line in {@code src/main/jvm/jvm.options} ('#' comments). */
    static List<String> jvmOptions(Path repo) throws IOException {
        Path file = repo.resolve("src/main/jvm/jvm.options");
        List<String> flags = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                String flag = line.strip();
                if (!flag.isEmpty() && !flag.startsWith("#")) {
                    flags.add(flag);
                }
            }
        }
        return flags;
    }

    void run(String label, Path project, boolean targets, boolean fullRows) throws IOException, InterruptedException {
        String section = "footprint (" + label + ")";
        Path launcher = repo.resolve("bin/control-plane");
        boolean viaLauncher = Files.isExecutable(launcher);
        String how = viaLauncher ? "bin/control-plane" : "java " + String.join(" ", jvmOptions(repo)) + " -jar";
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        for (String row : List.of("first200", "cpu200", "rss200", "firstPass", "rssAll", "warm20", "rssManual", "idle")) {
            rows.put(row, new ArrayList<>());
        }
        for (int run = 1; run <= ctx.plan.startupRuns(); run++) {
            FirstPaintBench.deleteTree(project.resolve(".state"));
            AppProcess.Spec spec = ctx.spec("footprint", project);
            if (viaLauncher) {
                spec.launcher = launcher;
            } else {
                spec.jvmOptions.addAll(0, jvmOptions(repo));
            }
            try (AppProcess app = AppProcess.start(spec, ctx.logDir)) {
                rows.get("first200").add(app.awaitPage(java.time.Duration.ofSeconds(120)));
                rows.get("rss200").add(app.rssBytes() / 1048576.0);
                rows.get("cpu200").add(app.cpuTicks() * 1000.0 / AppProcess.clockTicksPerSecond());
                // The pass is over what a page computes by itself (issue #10: "today's 20"); the manual cards
                // (Audit L2) follow it, for the RSS bound that must hold with them computed too.
                List<String> keys = new ControlClient(app.base).autoCardKeys();
                List<String> manual = new ArrayList<>(new ControlClient(app.base).cardKeys());
                manual.removeAll(keys);
                long t0 = System.nanoTime();
                for (String key : keys) {
                    freshGet(app.port, "/api/cards/" + key);
                }
                rows.get("firstPass").add((System.nanoTime() - t0) / 1e6);
                rows.get("rssAll").add(app.rssBytes() / 1048576.0);
                t0 = System.nanoTime();
                for (String key : keys) {
                    freshGet(app.port, "/api/cards/" + key);
                }
                rows.get("warm20").add((System.nanoTime() - t0) / 1e6);
                for (String key : manual) {
                    freshGet(app.port, "/api/cards/" + key);
                }
                rows.get("rssManual").add(app.rssBytes() / 1048576.0);
                if (fullRows) {
                    BenchContext.awaitWatcher(new ControlClient(app.base), true, java.time.Duration.ofMinutes(2));
                    try (EventStream tab = EventStream.open(app.base)) {
                        Thread.sleep(ctx.plan.settleSeconds() * 1000L);
                        long ticks = app.cpuTicks();
                        long start = System.nanoTime();
                        Thread.sleep(idleSeconds() * 1000L);
                        rows.get("idle").add((app.cpuTicks() - ticks) / (double) AppProcess.clockTicksPerSecond()
                                / ((System.nanoTime() - start) / 1e9) * 100);
                    }
                }
                BenchContext.log("footprint %s run %d: %.0f ms to 200 (RSS %.0f MiB), first pass %.0f ms (RSS %.0f MiB),"
                        + " 20 warm hits %.0f ms", label, run, last(rows.get("first200")), last(rows.get("rss200")),
                        last(rows.get("firstPass")), last(rows.get("rssAll")), last(rows.get("warm20")));
            }
        }
        boolean repoRow = label.equals("this repo");
        boolean large = label.contains("100k");
        ResultTable t = ctx.table;
        String note = how + ", no .state/ (nothing cached), default configuration";
        t.add(section, "process start → first 200 on /", "ms", rows.get("first200"),
                targets && repoRow ? ResultTable.Target.atMost(1200, "ms") : null, note);
        t.add(section, "process CPU time until the first 200", "ms", rows.get("cpu200"), null,
                "utime + stime of the process at the first 200 (all threads): unlike the wall time, fair under load");
        t.add(section, "RSS at first 200", "MiB", rows.get("rss200"),
                targets ? ResultTable.Target.atMost(100, "MiB") : null, "VmRSS");
        t.add(section, "first sequential pass over all cards, fresh process", "ms", rows.get("firstPass"),
                targets && (repoRow || label.contains("50k")) ? ResultTable.Target.atMost(repoRow ? 1500 : 6000, "ms") : null,
                "GET /api/cards/{key} of every auto card one after the other, a new connection each; warm-on-start"
                        + " computes meanwhile");
        t.add(section, "RSS after all cards", "MiB", rows.get("rssAll"),
                targets && (repoRow || large) ? ResultTable.Target.atMost(repoRow ? 128 : 200, "MiB") : null, "VmRSS");
        t.add(section, "RSS after the manual cards too (Audit L2)", "MiB", rows.get("rssManual"), null,
                "VmRSS after every card the auto pass left out, one by one");
        t.add(section, "20 warm hits, a new connection each", "ms", rows.get("warm20"),
                targets && repoRow ? ResultTable.Target.atMost(40, "ms") : null, "total wall time of the second pass");
        if (fullRows) {
            t.add(section, "idle CPU after the watcher settled, one event stream open", "% of a core",
                    rows.get("idle"), targets ? ResultTable.Target.atMost(0.3, "%") : null, idleSeconds()
                            + " s window, watch service, one SSE client connected (heartbeats, remote schedule)");
        }
    }

    /** Start-up with the JDK 25+ AOT cache of an {@code -Paot} build, when both exist. */
    void runAot(String label, Path project) throws IOException, InterruptedException {
        String section = "footprint, JDK 25 AOT cache (" + label + ")";
        Optional<Path> java25 = AotCache.java25();
        Path cache = AotCache.cacheFile(builtJar.getParent());
        if (java25.isEmpty() || cache == null) {
            ctx.table.missing(section, "process start → first 200 on /", java25.isEmpty() ? "no JDK 25+ under /usr/lib/jvm"
                    : "no AOT cache next to the jar: build with JAVA_HOME=<JDK 25+> ./mvnw package -Paot and pass --jar");
            return;
        }
        List<Double> first200 = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> first200Plain = new ArrayList<>();
        for (int run = 1; run <= ctx.plan.startupRuns(); run++) {
            for (boolean aot : new boolean[] { true, false }) {
                AppProcess.Spec spec = new AppProcess.Spec(builtJar, project).name("footprint-aot");
                spec.java = java25.get().toString();
                spec.jvmOptions.addAll(0, jvmOptions(repo));
                if (aot) {
                    spec.jvmOptions.add(AotCache.flag(cache));
                }
                try (AppProcess app = AppProcess.start(spec, ctx.logDir)) {
                    double ms = app.awaitPage(java.time.Duration.ofSeconds(120));
                    (aot ? first200 : first200Plain).add(ms);
                    if (aot) {
                        rss.add(app.rssBytes() / 1048576.0);
                    }
                }
            }
        }
        ctx.table.add(section, "process start → first 200 on /", "ms", first200, ResultTable.Target.atMost(800, "ms"),
                java25.get() + " " + AotCache.flag(cache) + "; same JDK without the cache: "
                        + ResultTable.describe(Stats.of(first200Plain), "ms"));
        ctx.table.add(section, "RSS at first 200", "MiB", rss, ResultTable.Target.atMost(100, "MiB"), "VmRSS");
    }

    /** At least 60 s when the plan allows: at 100 ticks a second, 0.3 % of a core over 30 s is only 9 ticks. */
    private int idleSeconds() {
        return Math.min(60, ctx.plan.idleCpuSeconds());
    }

    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    /** One GET on a new TCP connection ({@code Connection: close}), read to the end. */
    static int freshGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(180_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nX-Control-Plane: 1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            in.transferTo(OutputStream.nullOutputStream());
            String status = new String(head, StandardCharsets.US_ASCII);
            return status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
        }
    }
}
