package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of the packaged jar with the default configuration (warm cache on disk, watch service on): time
 * from process start to the first 200 on {@code /}, then the resident set size once it has settled (the
 * watcher's first pass done, then a few quiet seconds).
 */
final class StartupBench {
    private final BenchContext ctx;

    StartupBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(String label, Path project) throws IOException, InterruptedException {
        String section = "start-up (" + label + ")";
        List<Double> ready = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int run = 1; run <= ctx.plan.startupRuns(); run++) {
            try (AppProcess app = AppProcess.start(ctx.spec("startup", project), ctx.logDir)) {
                ready.add(app.awaitPage(Duration.ofSeconds(120)));
                BenchContext.awaitWatcher(new ControlClient(app.base), true, Duration.ofSeconds(60));
                Thread.sleep(ctx.plan.isSmoke() ? 1000 : 5000);
                rss.add(app.rssBytes() / (1024.0 * 1024.0));
                BenchContext.log("start-up run %d: %.0f ms to 200 on /, RSS %.0f MiB", run, ready.get(ready.size() - 1),
                        rss.get(rss.size() - 1));
            }
        }
        ctx.table.add(section, "process start → first 200 on /", "ms", ready, null, "java -jar quarkus-run.jar, default JVM flags");
        ctx.table.add(section, "RSS idle (VmRSS)", "MiB", rss, null,
                ctx.plan.isSmoke() ? "1 s after the watcher's first pass" : "5 s after the watcher's first pass");
    }
}
