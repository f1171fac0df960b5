package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job printing {@code plan.jobOutputLines()} lines as fast as Python can: while it runs, how responsive the
 * server stays (a card GET's p99, sampled every 50 ms) and what reaches a connected client ({@code job:output}
 * frames per second: the page renders at most one DOM update per frame, so this is also its update rate).
 */
final class JobsBench {
    private static final String SECTION = "jobs: fast output";
    private final BenchContext ctx;

    JobsBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(Path project) throws IOException, InterruptedException {
        int lines = ctx.plan.jobOutputLines();
        Files.createDirectories(project.resolve("tests"));
        Files.writeString(project.resolve("pytest.ini"), "[pytest]\ntestpaths = tests\naddopts = -s -p no:cacheprovider\n");
        Files.writeString(project.resolve("tests/test_spam.py"), "import sys\n\n\ndef test_spam():\n"
                + "    write = sys.stdout.write\n    for i in range(" + lines + "):\n"
                + "        write(\"output line %d of a fast job\\n\" % i)\n    sys.stdout.flush()\n");
        try (AppProcess app = ctx.startReady(ctx.spec("jobs", project).set("controlplane.cache.warm-on-start", false))) {
            ControlClient client = new ControlClient(app.base);
            client.get("/api/cards/testing");
            List<Double> cardMillis = Collections.synchronizedList(new ArrayList<>());
            List<Long> frameNanos = new ArrayList<>();
            long streamedLines = 0;
            AtomicBoolean running = new AtomicBoolean(true);
            try (EventStream events = EventStream.open(app.base)) {
                events.await(EventStream.type("sys:ready"), Duration.ofSeconds(10));
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            cardMillis.add(client.timedGet("/api/cards/testing", false, Duration.ofSeconds(30)).millis());
                            Thread.sleep(50);
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                }, "card-sampler");
                long started = System.nanoTime();
                String id = client.post("/api/jobs", Map.of("action", "testing:run")).path("id").asText();
                sampler.start();
                JsonNode done = null;
                while (done == null) {
                    EventStream.Frame frame = events.await(f -> id.equals(f.key()), Duration.ofMinutes(5));
                    if (frame == null) {
                        throw new IOException("no job frame within 5 minutes");
                    }
                    if ("job:output".equals(frame.event())) {
                        frameNanos.add(frame.receivedNanos());
                        streamedLines += frame.json().at("/data/lines").size();
                    } else if ("job:done".equals(frame.event())) {
                        done = frame.json().get("data");
                    }
                }
                double wall = (System.nanoTime() - started) / 1e9;
                running.set(false);
                sampler.join(5000);
                JsonNode job = client.get("/api/jobs/" + id);
                long total = job.path("lines_total").asLong();
                String note = String.format(java.util.Locale.ROOT, "%s; %d lines in %.1f s (job %s, exit %s); %d of %d lines "
                        + "sent live, the rest in the log", done.path("state").asText(), total, wall,
                        id, done.path("exit_code").asText(), streamedLines, total);
                List<Double> sorted = new ArrayList<>(cardMillis);
                Collections.sort(sorted);
                ctx.table.add(SECTION, "card GET p99 while a job prints " + BenchMain.label(lines).replace("files", "lines"),
                        "ms", Stats.point(Stats.percentile(sorted, 99), sorted.size()), ResultTable.Target.atMost(50, "ms"),
                        sorted.size() + " GETs of /api/cards/testing, median " + ResultTable.format(Stats.percentile(sorted, 50)) + " ms");
                ctx.table.add(SECTION, "job:output frames per second reaching a client (busiest second)", "frames/s",
                        Stats.single(busiestSecond(frameNanos)), ResultTable.Target.atMost(11, "frames/s"),
                        frameNanos.size() + " frames; " + note);
            }
        }
    }

    /** The most frames received within any one-second window. */
    static double busiestSecond(List<Long> nanos) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < nanos.size(); to++) {
            while (nanos.get(to) - nanos.get(from) >= 1_000_000_000L) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }
}
