package dev.controlplane.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.controlplane.support.ToolRunner;

/**
 * Audit L2, cold, through the real app (issue #12's targets): per fresh process started as users start it
 * ({@code bin/control-plane}, else the flags of {@code jvm.options}), on a project without {@code .state/}, the
 * other cards are fetched first (on a running dashboard they are already shown: the L2 cards read them as peers),
 * then the four L2 cards and the enriched score one after another in dependency order, as "Analyze" does, each
 * {@code ?bust=1} and timed by its server-side {@code duration_s}; RSS right after. On a generated ~150-source
 * multi-module project (target: all five ≤ 3 s) and on the large generated tree (target: each L2 card ≤ 10 s,
 * RSS ≤ 200 MiB, issue #10's bound). Both projects get a one-commit git repository, so the repo card reads a history.
 */
final class L2Bench {
    /** Files to generate for "a multi-module project of ~150 source files" (the generator makes ~75 % sources). */
    static final int SMALL_FILES = 250;
    static final List<String> L2_KEYS = List.of("audit:l2:structure", "audit:l2:quality", "audit:l2:repo",
            "audit:l2:risks", "audit:scores:enriched");

    private final BenchContext ctx;
    private final Path repo;
    /** What the structure card of the last run counted ({@code stats.total_files}), for the notes. */
    private String sourceCount = "?";

    L2Bench(BenchContext ctx, Path repo) {
        this.ctx = ctx;
        this.repo = repo;
    }

    /** @param large the large generated project (the other sections' one), {@code largeLabel} its label */
    void run(String largeLabel, Path large) throws Exception {
        Path small = ctx.workDir.resolve("l2-project-" + SMALL_FILES);
        if (!Files.isDirectory(small)) {
            ProjectGenerator.generate(small, SMALL_FILES, ProjectGenerator.DEFAULT_SEED);
        }
        String smallLabel = "generated " + SMALL_FILES + " files";
        Map<String, List<Double>> smallTimes = measure(smallLabel, small, new ArrayList<>());
        String sources = sourceCount;
        List<Double> totals = new ArrayList<>();
        for (int run = 0; run < ctx.plan.computeRuns(); run++) {
            double sum = 0;
            for (String key : L2_KEYS) {
                List<Double> times = smallTimes.get(key);
                sum += run < times.size() ? times.get(run) : Double.NaN; // a failed card: no total for that run
            }
            if (!Double.isNaN(sum)) {
                totals.add(sum);
            }
        }
        String load = "load average " + MachineInfo.loadAverage();
        ctx.table.add("audit L2, cold (" + smallLabel + ")", "4 L2 cards + enriched, sum of duration_s", "s", totals,
                ResultTable.Target.atMost(3, "s"), sources + " source files; fresh process each, in order, ?bust=1; " + load);

        List<Double> rss = new ArrayList<>();
        Map<String, List<Double>> largeTimes = measure(largeLabel, large, rss);
        String section = "audit L2, cold (" + largeLabel + ")";
        load = "load average " + MachineInfo.loadAverage();
        for (String key : L2_KEYS) {
            boolean l2 = key.startsWith("audit:l2:");
            ctx.table.add(section, key + ": duration_s", "s", largeTimes.get(key),
                    l2 ? ResultTable.Target.atMost(10, "s") : null, sourceCount + " source files; fresh process, after the cards before it; " + load);
        }
        ctx.table.add(section, "RSS after the L2 cards", "MiB", rss, ResultTable.Target.atMost(200, "MiB"),
                "VmRSS of the app, " + launch());
    }

    /** Per L2 key, its duration_s in each of {@code computeRuns} fresh processes; RSS after each into {@code rss}. */
    private Map<String, List<Double>> measure(String label, Path project, List<Double> rss) throws Exception {
        commitOnce(project);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        L2_KEYS.forEach(k -> seconds.put(k, new ArrayList<>()));
        for (int run = 1; run <= ctx.plan.computeRuns(); run++) {
            FirstPaintBench.deleteTree(project.resolve(".state"));
            AppProcess.Spec spec = ctx.spec("l2", project);
            Path launcher = repo.resolve("bin/control-plane");
            if (Files.isExecutable(launcher)) {
                spec.launcher = launcher;
            } else {
                spec.jvmOptions.addAll(0, FootprintBench.jvmOptions(repo));
            }
            try (AppProcess app = ctx.startReady(spec); EventStream events = EventStream.open(app.base)) {
                ControlClient client = new ControlClient(app.base);
                List<String> peers = new ArrayList<>(client.cardKeys());
                peers.removeAll(L2_KEYS);
                ComputeBench.ensureWarm(client, peers);
                StringBuilder line = new StringBuilder();
                for (String key : L2_KEYS) {
                    events.drain();
                    ControlClient.Timed response = client.timedGet("/api/cards/"
                            + URLEncoder.encode(key, StandardCharsets.UTF_8) + "?bust=1", true, Duration.ofMinutes(5));
                    EventStream.Frame end = events.await(f -> ("cache:done".equals(f.event())
                            || "cache:error".equals(f.event())) && key.equals(f.key()), Duration.ofSeconds(30));
                    if (response.status() != 200 || end != null && "cache:error".equals(end.event())) {
                        // A result, not a harness failure (e.g. the compute timeout on a loaded machine): noted,
                        // and the run goes on, so the other rows keep their samples.
                        String why = end == null ? String.valueOf(response.body()) : end.json().path("error").asText();
                        ctx.table.note(String.format(java.util.Locale.ROOT, "l2 %s run %d: %s failed (%s), load average %s",
                                label, run, key, why, MachineInfo.loadAverage()));
                        line.append(' ').append(key).append(" FAILED;");
                        continue;
                    }
                    double s = end != null && end.json().has("duration_s") ? end.json().get("duration_s").asDouble()
                            : response.millis() / 1000.0;
                    seconds.get(key).add(s);
                    if (key.equals("audit:l2:structure")) {
                        sourceCount = response.body().path("stats").path("total_files").asText("?");
                    }
                    line.append(String.format(java.util.Locale.ROOT, " %s %.2f s (%s);", key, s,
                            response.body().path("summary").path("text").asText()));
                }
                rss.add(app.rssBytes() / 1048576.0);
                BenchContext.log("l2 %s run %d:%s RSS %.0f MiB", label, run, line, rss.get(rss.size() - 1));
            }
        }
        return seconds;
    }

    private String launch() {
        Path launcher = repo.resolve("bin/control-plane");
        try {
            return Files.isExecutable(launcher) ? "bin/control-plane"
                    : "java " + String.join(" ", FootprintBench.jvmOptions(repo)) + " -jar";
        } catch (IOException e) {
            return "java -jar";
        }
    }

    /** A one-commit repository (once), so the repo card reads a real history; git missing: it reports so. */
    private static void commitOnce(Path project) throws IOException, InterruptedException {
        if (Files.isDirectory(project.resolve(".git"))) {
            return;
        }
        for (String[] command : List.of(new String[] {"git", "init", "-q"}, new String[] {"git", "add", "-A"},
                new String[] {"git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c",
                        "commit.gpgsign=false", "commit", "-q", "-m", "generated"})) {
            ToolRunner.run(project, Duration.ofMinutes(5), command);
        }
    }
}
