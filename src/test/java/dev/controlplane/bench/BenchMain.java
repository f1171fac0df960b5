package dev.controlplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.controlplane.testing.TestFiles;

/**
 * The benchmark harness (not a test: nothing here asserts on timing). {@code bench/run} builds the jar and calls
 * this with the test classpath. Usage:
 *
 * <pre>
 * BenchMain [--smoke] [--only startup,paint,compute,stale,fanout,idle,footprint,jobs,l2] [--jar target/quarkus-app/quarkus-run.jar]
 *           [--results bench/RESULTS.md] [--keep]
 * BenchMain generate DIR FILES [SEED]
 * </pre>
 *
 * Every section runs the app as its own JVM on a generated or copied project in a temp directory, and adds rows
 * to one table, printed at the end and written to {@code bench/RESULTS.md} with a description of the machine.
 * A section that fails is reported as such; the others still run.
 */
public final class BenchMain {
    static final Set<String> SECTIONS = Set.of("startup", "paint", "compute", "stale", "fanout", "idle", "footprint",
            "jobs", "l2");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "generate".equals(args[0])) {
            generate(args);
            return;
        }
        boolean smoke = false;
        boolean keep = false;
        Path repo = Path.of("").toAbsolutePath();
        Path jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
        Path results = null;
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--keep" -> keep = true;
                case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
                case "--results" -> results = Path.of(args[++i]).toAbsolutePath();
                case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --smoke, --only " + String.join(",", SECTIONS) + ", --jar, --results, --keep)");
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build with ./mvnw package -DskipTests (bench/run does)");
        }
        Plan plan = smoke ? Plan.smoke() : Plan.full();
        if (results == null) {
            // A smoke run (CI) must not overwrite the committed results of a full run.
            results = repo.resolve(smoke ? "bench/out/RESULTS-smoke.md" : "bench/RESULTS.md");
        }
        long started = System.nanoTime();
        Map<String, String> machine = MachineInfo.describe(repo);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path logDir = repo.resolve("bench/out/" + stamp);
        Path work = Files.createTempDirectory("cp-bench-");
        ResultTable table = new ResultTable();
        Path staged = stageApp(jar, work.resolve("app"));
        BenchContext ctx = new BenchContext(plan, table, staged, logDir, work);
        BenchContext.log("benchmark (%s plan), app logs in %s, projects in %s", plan.name(), logDir, work);
        try {
            new BenchMain().run(ctx, repo, jar, only);
        } finally {
            if (!keep) {
                FirstPaintBench.deleteTree(work);
            }
        }
        machine.put("load average at end", MachineInfo.loadAverage());
        double minutes = (System.nanoTime() - started) / 60e9;
        machine.put("harness wall time", String.format(java.util.Locale.ROOT, "%.1f min (%s plan)", minutes, plan.name()));
        System.out.println();
        System.out.println(table.text());
        machine.forEach((k, v) -> System.out.println(k + ": " + v));
        Files.createDirectories(results.getParent());
        Files.writeString(results, markdown(plan, machine, table), StandardCharsets.UTF_8);
        System.out.println("\nwrote " + (results.startsWith(repo) ? repo.relativize(results) : results));
    }

    private void run(BenchContext ctx, Path repo, Path builtJar, Set<String> only) throws Exception {
        Plan plan = ctx.plan;
        Path small = ctx.workDir.resolve("project-" + plan.smallProjectFiles());
        // fan-out and job output run on projects of their own
        if (only.stream().anyMatch(section -> !section.equals("fanout") && !section.equals("jobs"))) {
            timed("generate " + plan.smallProjectFiles() + " files", () -> ProjectGenerator.generate(small,
                    plan.smallProjectFiles(), ProjectGenerator.DEFAULT_SEED));
        }
        String smallLabel = "generated " + label(plan.smallProjectFiles());
        Path repoCopy = null;
        String repoLabel = "this repo";
        if (plan.repoCopy()) {
            repoCopy = ctx.workDir.resolve("repo");
            cloneRepo(repo, repoCopy);
        }
        Map<String, ComputeBench.CardTimes> perCard = new LinkedHashMap<>();
        Map<String, List<Double>> pollOnlyHits = new LinkedHashMap<>();

        // Cold/warm compute (leaves the caches warm for what follows) and staleness with the watch service.
        if (repoCopy != null && (only.contains("compute") || only.contains("startup") || only.contains("paint"))) {
            Path project = repoCopy;
            section(ctx, "compute on " + repoLabel, () -> {
                try (AppProcess app = ctx.startReady(ctx.spec("compute-repo", project).set("controlplane.cache.warm-on-start", false))) {
                    computeOrWarm(ctx, only, repoLabel, app, perCard);
                }
            });
        }
        boolean smallWarmNeeded = only.contains("compute") || only.contains("stale") || only.contains("paint")
                || (only.contains("startup") && repoCopy == null);
        if (smallWarmNeeded) {
            section(ctx, "compute + staleness (watch service) on " + smallLabel, () -> {
                AppProcess.Spec spec = ctx.spec("compute-small", small).set("controlplane.cache.warm-on-start", false)
                        .set("controlplane.watch.interval", "1s");
                try (AppProcess app = ctx.startReady(spec)) {
                    computeOrWarm(ctx, only, smallLabel, app, perCard);
                    if (only.contains("stale")) {
                        new StalenessBench(ctx).run("watch service", smallLabel, app, small);
                    }
                }
            });
        }
        if (only.contains("startup")) {
            Path project = repoCopy != null ? repoCopy : small;
            String projectLabel = repoCopy != null ? repoLabel : smallLabel;
            section(ctx, "start-up", () -> new StartupBench(ctx).run(projectLabel, project));
        }
        if (only.contains("paint")) {
            section(ctx, "first paint on " + smallLabel, () -> paint(ctx, smallLabel, small));
            if (repoCopy != null) {
                Path project = repoCopy;
                section(ctx, "first paint on " + repoLabel, () -> paint(ctx, repoLabel, project));
            }
        }
        if (only.contains("stale")) {
            section(ctx, "staleness (poll only)", () -> {
                AppProcess.Spec spec = ctx.spec("stale-poll", small).set("controlplane.cache.warm-on-start", false)
                        .set("controlplane.watch.service", false).set("controlplane.watch.interval", "1s");
                try (AppProcess app = ctx.startReady(spec)) {
                    ControlClient client = new ControlClient(app.base);
                    List<String> keys = client.cardKeys();
                    ComputeBench.ensureWarm(client, keys);
                    BenchContext.log("fingerprint check per card, poll only: %d rounds", plan.computeRuns());
                    pollOnlyHits.putAll(ComputeBench.hitTimes(client, keys, plan.computeRuns()));
                    new StalenessBench(ctx).run("poll only, 1 s", smallLabel, app, small);
                }
            });
        }
        if (only.contains("fanout")) {
            Path empty = Files.createDirectories(ctx.workDir.resolve("empty-project"));
            section(ctx, "SSE fan-out", () -> new FanoutBench(ctx).run(empty));
        }
        if (only.contains("footprint")) {
            Path repoProject = repoCopy;
            section(ctx, "footprint (default launch)", () -> {
                FootprintBench footprint = new FootprintBench(ctx, repo, builtJar);
                if (repoProject != null) {
                    footprint.run(repoLabel, repoProject, true, true);
                }
                footprint.run(smallLabel, small, true, repoProject == null);
                if (plan.largeProjectFiles() != plan.smallProjectFiles()) {
                    Path large = ctx.workDir.resolve("project-" + plan.largeProjectFiles());
                    if (!Files.isDirectory(large)) {
                        timed("generate " + plan.largeProjectFiles() + " files", () -> ProjectGenerator.generate(large,
                                plan.largeProjectFiles(), ProjectGenerator.DEFAULT_SEED));
                    }
                    footprint.run("generated " + label(plan.largeProjectFiles()), large, true, false);
                }
                footprint.runAot(repoProject != null ? repoLabel : smallLabel, repoProject != null ? repoProject : small);
            });
        }
        if (only.contains("jobs")) {
            Path jobsProject = Files.createDirectories(ctx.workDir.resolve("jobs-project"));
            section(ctx, "job output", () -> new JobsBench(ctx).run(jobsProject));
        }
        if (only.contains("idle")) {
            section(ctx, "idle CPU", () -> {
                Path large = small;
                String largeLabel = smallLabel;
                if (plan.largeProjectFiles() != plan.smallProjectFiles()) {
                    large = ctx.workDir.resolve("project-" + plan.largeProjectFiles());
                    Path target = large;
                    if (!Files.isDirectory(target)) { // the footprint section may have written it
                        timed("generate " + plan.largeProjectFiles() + " files", () -> ProjectGenerator.generate(target,
                                plan.largeProjectFiles(), ProjectGenerator.DEFAULT_SEED));
                    }
                    largeLabel = "generated " + label(plan.largeProjectFiles());
                }
                new IdleCpuBench(ctx).run(largeLabel, large);
            });
        }
        if (only.contains("l2")) {
            // Last: it commits the generated project into a git repository (the repo card reads its history).
            section(ctx, "audit L2, cold", () -> new L2Bench(ctx, repo).run(smallLabel, small));
        }
        ComputeBench.perCardTable(ctx.table, perCard);
        ComputeBench.CardTimes smallTimes = perCard.get(smallLabel);
        ComputeBench.fingerprintTable(ctx.table, smallLabel, smallTimes == null ? Map.of() : smallTimes.hitMillis,
                pollOnlyHits);
    }

    /** The compute section when selected; otherwise just every card computed, for the sections that need a warm cache. */
    private static void computeOrWarm(BenchContext ctx, Set<String> only, String label, AppProcess app,
            Map<String, ComputeBench.CardTimes> perCard) throws Exception {
        if (only.contains("compute")) {
            perCard.put(label, new ComputeBench(ctx).run(label, app));
        } else {
            ControlClient client = new ControlClient(app.base);
            ComputeBench.ensureWarm(client, client.cardKeys());
        }
    }

    private static void paint(BenchContext ctx, String label, Path project) throws Exception {
        // Default configuration: a restart on the cache the compute section left warm.
        try (AppProcess app = ctx.startReady(ctx.spec("paint", project))) {
            BenchContext.awaitWatcher(new ControlClient(app.base), true, java.time.Duration.ofSeconds(60));
            Thread.sleep(ctx.plan.isSmoke() ? 500 : 2000);
            new FirstPaintBench(ctx).run(label, app);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    interface Generation {
        int run() throws Exception;
    }

    /**
     * Runs a section; a failure is retried once (the machine is shared, and a process can be killed from
     * outside), its partial rows dropped, and a second failure is reported as a note while the others go on.
     */
    private static void section(BenchContext ctx, String name, Step step) {
        BenchContext.log("== %s", name);
        long start = System.nanoTime();
        for (int attempt = 1; attempt <= 2; attempt++) {
            int mark = ctx.table.mark();
            try {
                step.run();
                break;
            } catch (Exception | AssertionError e) {
                ctx.table.rollback(mark);
                System.err.println("section '" + name + "' failed (attempt " + attempt + "): " + e);
                e.printStackTrace();
                if (attempt == 2) {
                    ctx.table.note("section '" + name + "' failed twice: " + e.getMessage());
                } else {
                    ctx.table.note("section '" + name + "' failed once and was re-run: " + e.getMessage());
                }
            }
        }
        BenchContext.log("   (%s took %.0f s; load average now %s)", name, (System.nanoTime() - start) / 1e9,
                MachineInfo.loadAverage());
        ctx.table.note(String.format(java.util.Locale.ROOT, "%s: %.0f s, load average at its end %s", name,
                (System.nanoTime() - start) / 1e9, MachineInfo.loadAverage()));
    }

    private static void timed(String what, Generation generation) throws Exception {
        long start = System.nanoTime();
        int files = generation.run();
        BenchContext.log("%s: %d files in %.1f s", what, files, (System.nanoTime() - start) / 1e9);
    }

    static String label(int files) {
        return files >= 1000 && files % 1000 == 0 ? (files / 1000) + "k files" : files + " files";
    }

    /**
     * Copies the packaged app ({@code target/quarkus-app/}, ~22 MB) and runs it from there under its own jar name:
     * the machine is shared, and neither a rebuild of {@code target/} nor someone's clean-up of
     * {@code quarkus-run.jar} processes should pull the app out from under a running benchmark. Same bytes, same
     * {@code java -jar} start.
     */
    private static Path stageApp(Path jar, Path target) throws IOException {
        TestFiles.copyTree(jar.getParent(), target);
        Path staged = target.resolve("control-plane-bench.jar");
        Files.move(target.resolve(jar.getFileName().toString()), staged);
        return staged;
    }

    /** A clean clone of the committed tree: the app writes .state/ into it, never into the repository itself. */
    private static void cloneRepo(Path repo, Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "clone", "-q", "--no-hardlinks", repo.toString(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git clone failed: " + out);
        }
    }

    private static void generate(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: generate DIR FILES [SEED]");
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : ProjectGenerator.DEFAULT_SEED;
        timed("generate", () -> ProjectGenerator.generate(Path.of(args[1]), Integer.parseInt(args[2]), seed));
    }

    private static String markdown(Plan plan, Map<String, String> machine, ResultTable table) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Produced by `bench/run").append(plan.isSmoke() ? " --smoke" : "").append("` (see `bench/README.md` for what each row measures). ")
                .append("Columns min / median / max are over repeated runs (n); for rows named p95, only that percentile over all n samples is given. ")
                .append("The machine is shared with other builds: read spreads, not single digits.\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        md.append("\n## Results\n\n").append(table.markdown());
        return md.toString();
    }
}
