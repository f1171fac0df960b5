package dev.controlplane.reliability;

import dev.controlplane.testing.AppProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.reliability.ReliabilityRows.Row;

/**
 * Load: the packaged app with 500 SSE clients that read everything, a few clients that never read, and 50 card
 * GETs per second (one in ten forced with {@code ?bust=1}, so full {@code cache:done} payloads fan out too), for
 * two minutes. Reports errors, well-behaved clients dropped (must be 0: a stream that ended early or skipped a
 * {@code seq}), heap after GC and RSS over time, GET latency, and whether the non-reading clients were cut off.
 * The numbers go to stdout and into {@code docs/reliability.md} (section "Load").
 *
 * <p>Not part of {@code ./mvnw verify} (it runs for minutes). Run it with {@code bench/load} (options:
 * {@code --clients N --rate R --duration S --slow K}). JDK only: the classpath is {@code target/test-classes}.
 */
public final class LoadHarness {
    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?[0-9.]+)");
    /** Forced recomputes: each fans out a full cache:done payload (a user pressing refresh). */
    private static final List<String> CHEAP = List.of("k8s", "docs", "terraform", "ci", "pages", "env", "testing");

    private final int clients;
    private final int rate;
    private final int duration;
    private final int slow;
    private final int forcedEvery;
    private final int slowPhase;
    private List<String> keys = List.of();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LoadHarness(int clients, int rate, int duration, int slow, int forcedEvery, int slowPhase) {
        this.clients = clients;
        this.rate = rate;
        this.duration = duration;
        this.slow = slow;
        this.forcedEvery = Math.max(1, forcedEvery);
        this.slowPhase = slowPhase;
    }

    public static void main(String[] args) throws Exception {
        int clients = 500;
        int rate = 50;
        int duration = 120;
        int slow = 5;
        int forcedEvery = 25;
        int slowPhase = 45;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--clients" -> clients = value;
                case "--rate" -> rate = value;
                case "--duration" -> duration = value;
                case "--slow" -> slow = value;
                case "--forced-every" -> forcedEvery = value;
                case "--slow-phase" -> slowPhase = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new LoadHarness(clients, rate, duration, slow, forcedEvery, slowPhase).run();
        System.exit(0);
    }

    // ---------------------------------------------------------------- the run

    private void run() throws Exception {
        Path project = seedProject();
        List<Row> rows = new ArrayList<>();
        String harness = "bench/load (LoadHarness)";
        System.out.printf("load: %d SSE clients + %d that never read, %d card GETs/s (1 in %d forced) for %d s%n",
                clients, slow, rate, forcedEvery, duration);
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project)
                .property("controlplane.bench.enabled", "true")
                .log(Path.of("target", "reliability", "load-app.log")), Duration.ofSeconds(90))) {
            String base = app.base();
            warmUp(base);
            List<String[]> samples = new ArrayList<>();
            long[] maxima = new long[2];

            // Phase 1: the load of the issue.
            String loadBefore = loadAverage();
            StallMonitor stall = StallMonitor.start();
            SseClientPool pool = SseClientPool.connect(app.port(), clients);
            List<Socket> stalled = stalledClients(app.port());
            String before = get(base + "api/events/stats");
            long dropsBefore = number(before, "dropped_subscribers");
            long seqBefore = number(before, "seq");
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<String> errorSamples = new ArrayList<>();
            ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
            load.scheduleAtFixedRate(() -> cardGet(base, sent, errors, errorSamples, latencies), 0, 1_000_000L / rate,
                    TimeUnit.MICROSECONDS);
            sample(app, pool, dropsBefore, duration, 0, samples, maxima, sent, errors);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the last frames arrive
            String after = get(base + "api/events/stats");
            int slowClosed = closedByServer(stalled, 5);
            stalled.forEach(LoadHarness::closeQuietly);
            pool.close();
            stall.stop();
            Outcome phase1 = Outcome.of(pool.clients());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String machine = String.format("load average %s at the start, %s at the end; the harness's own threads "
                    + "were late by up to %d ms", loadBefore, loadAverage(), stall.maxLateMillis());
            System.out.println(machine);
            String setup = String.format("%d SSE clients + %d card GETs/s (1 in %d forced) for %d s on %d cores",
                    clients, rate, forcedEvery, duration, Runtime.getRuntime().availableProcessors());
            rows.add(row("load/errors", "card GET errors — " + setup, "0",
                    String.format("%d errors of %d GETs%s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                            errors.get(), sent.get(), errorSamples.isEmpty() ? "" : " (" + errorSamples.get(0) + ")",
                            percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)),
                    harness, errors.get() == 0));
            rows.add(row("load/dropped", "well-behaved SSE clients dropped (stream ended early or a seq skipped)",
                    "0", phase1.describe(clients) + "; " + machine, harness, phase1.dropped == 0));
            long published = number(after, "seq") - seqBefore;
            rows.add(row("load/slow-at-rate", slow + " clients that never read (4 KB receive buffer), during the "
                    + "same run", "cut off once their backlog is full; no effect on the others",
                    String.format("%d of %d cut off within the run%s; well-behaved clients dropped meanwhile: %d",
                            slowClosed, slow, slowClosed == slow ? "" : String.format(" (the %,d events of the run "
                                    + "fit in the kernel's send buffer, ~2.8 MB per connection, before the app's "
                                    + "200-frame backlog even starts: see the next row)", published),
                            phase1.dropped),
                    harness, phase1.dropped == 0));
            rows.add(row("load/heap", "heap after GC and RSS over the run", "bounded (no growth with time)",
                    String.format("heap after GC %s at the start, %s at the end, max %s; RSS max %s", samples.get(0)[1],
                            samples.get(samples.size() - 1)[1], mb(maxima[0]), mb(maxima[1])), harness, true));

            // Phase 2: enough traffic to fill the buffers of clients that never read, within seconds.
            if (slowPhase > 0) {
                int readers = Math.min(100, clients);
                System.out.printf("slow clients: %d readers + %d that never read, bench events %d/s of 1 KB for %d s%n",
                        readers, slow, 100, slowPhase);
                SseClientPool pool2 = SseClientPool.connect(app.port(), readers);
                List<Socket> stalled2 = stalledClients(app.port());
                long drops2 = number(get(base + "api/events/stats"), "dropped_subscribers");
                post(base + "api/bench/publish", "{\"rate\": 100, \"duration_s\": " + slowPhase + ", \"padding\": 1024}");
                sample(app, pool2, drops2, slowPhase, duration + 10, samples, maxima, sent, errors);
                Thread.sleep(2000);
                long cut = number(get(base + "api/events/stats"), "dropped_subscribers") - drops2;
                int closed = closedByServer(stalled2, 20);
                pool2.close();
                Outcome phase2 = Outcome.of(pool2.clients());
                rows.add(row("load/slow", slow + " clients that never read (4 KB receive buffer) among " + readers
                        + " readers, with 100 events/s of 1 KB (bench publish) for " + slowPhase + " s",
                        "disconnected by the server (socket closed); no reader dropped",
                        String.format("%d of %d sockets closed by the server, %d subscribers cut off; readers: %s",
                                closed, slow, cut, phase2.describe(readers)),
                        harness, closed == slow && phase2.dropped == 0));
                stalled2.forEach(LoadHarness::closeQuietly);
            }
            for (String[] sample : samples) {
                rows.add(new Row("Load: heap over time", "load/heap/t" + sample[0], "t = " + sample[0] + " s",
                        "bounded", sample[1] + " / " + sample[2] + " (" + sample[3] + " subscribers, " + sample[5]
                                + " cut off so far)", harness, ReliabilityRows.PASS));
            }
            stalled.forEach(LoadHarness::closeQuietly);
        }
        rows.forEach(r -> System.out.println(r.result() + "  " + r.fault() + ": " + r.observed()));
        ReliabilityReport.replaceSections(List.of("Load", "Load: heap over time"), rows);
        System.out.println("updated " + ReliabilityReport.DOC);
        deleteTree(project);
    }

    /** What the well-behaved clients of one phase saw. */
    record Outcome(long dropped, long gaps, long minFrames, long maxFrames, long totalFrames, String endReasons) {
        static Outcome of(List<SseClientPool.Client> clients) {
            return new Outcome(clients.stream().filter(c -> c.ended || c.gaps > 0).count(),
                    clients.stream().mapToLong(c -> c.gaps).sum(),
                    clients.stream().mapToLong(c -> c.frames).min().orElse(0),
                    clients.stream().mapToLong(c -> c.frames).max().orElse(0),
                    clients.stream().mapToLong(c -> c.frames).sum(),
                    clients.stream().filter(c -> c.ended).map(c -> c.endReason).distinct().limit(3)
                            .reduce((a, b) -> a + "; " + b).orElse("none"));
        }

        String describe(int of) {
            return String.format("%d of %d dropped, %d seq gaps (ended: %s); frames per client %d–%d, %,d frames "
                    + "delivered in all", dropped, of, gaps, endReasons, minFrames, maxFrames, totalFrames);
        }
    }

    /** Samples heap, RSS and subscribers every 10 s for {@code seconds}; {@code offset} shifts the labels. */
    private void sample(AppProcess app, SseClientPool pool, long dropsBefore, int seconds, int offset,
            List<String[]> samples, long[] maxima, AtomicInteger sent, AtomicInteger errors) throws Exception {
        String base = app.base();
        long started = System.nanoTime();
        for (int t = 0; t <= seconds; t += 10) {
            long wait = started + TimeUnit.SECONDS.toNanos(t) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
            }
            long heap = number(get(base + "api/bench/memory"), "heap_used_bytes");
            long rss = rssKb(app.pid()) * 1024;
            String stats = get(base + "api/events/stats");
            long alive = pool.clients().stream().filter(c -> !c.ended).count();
            long cut = number(stats, "dropped_subscribers") - dropsBefore;
            maxima[0] = Math.max(maxima[0], heap);
            maxima[1] = Math.max(maxima[1], rss);
            samples.add(new String[] {Integer.toString(offset + t), mb(heap), mb(rss),
                    Long.toString(number(stats, "subscribers")), Long.toString(alive), Long.toString(cut)});
            System.out.printf("t=%3d s  heap after GC %s  RSS %s  subscribers %d  readers alive %d  cut off %d  "
                    + "GETs %d errors %d%n", offset + t, mb(heap), mb(rss), number(stats, "subscribers"), alive, cut,
                    sent.get(), errors.get());
        }
    }

    private void post(String url, String json) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Control-Plane", "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static Row row(String id, String measure, String target, String observed, String harness, boolean ok) {
        return new Row("Load", id, measure, target, observed, harness, ok ? ReliabilityRows.PASS : ReliabilityRows.FAIL);
    }

    /** Computes every card once, so the GETs under load are mostly cache hits, as on a real dashboard. */
    private void warmUp(String base) throws Exception {
        keys = keys(base);
        for (String key : keys) {
            http.send(HttpRequest.newBuilder(URI.create(base + "api/cards/" + key)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private List<String> keys(String base) throws Exception {
        String cards = get(base + "api/cards");
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(cards);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** Clients that send the request and never read a byte; a small receive buffer fills at once. */
    private List<Socket> stalledClients(int port) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(socket);
        }
        return sockets;
    }

    /** Reads what each stalled socket has buffered: a server that cut it off ends it with EOF. */
    private static int closedByServer(List<Socket> sockets, int seconds) {
        int closed = 0;
        byte[] buffer = new byte[65536];
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(seconds * 1000);
                InputStream in = socket.getInputStream();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                while (System.nanoTime() < deadline) {
                    if (in.read(buffer) < 0) {
                        closed++;
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // still open: not cut off
            } catch (IOException e) {
                closed++; // reset by the server
            }
        }
        return closed;
    }

    private void cardGet(String base, AtomicInteger sent, AtomicInteger errors, List<String> samples,
            ConcurrentLinkedQueue<Long> latencies) {
        int n = sent.incrementAndGet();
        boolean forced = n % forcedEvery == 0;
        String key = forced ? CHEAP.get((n / forcedEvery) % CHEAP.size()) : keys.get(n % keys.size());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/cards/" + key
                + (forced ? "?bust=1" : ""))).timeout(Duration.ofSeconds(60)).GET();
        if (forced) {
            request.header("X-Control-Plane", "1");
        }
        long start = System.nanoTime();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            latencies.add((System.nanoTime() - start) / 1000);
            if (failure != null || response.statusCode() != 200) {
                errors.incrementAndGet();
                synchronized (samples) {
                    if (samples.size() < 5) {
                        samples.add(key + ": " + (failure != null ? failure.toString() : "status " + response.statusCode()));
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), Pattern.quote(field))).matcher(json);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** The 1-, 5- and 15-minute load averages of the machine: the run shares it. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** How late a thread of the harness wakes up: its own CPU starvation, which would look like slow clients. */
    static final class StallMonitor implements Runnable {
        private volatile boolean running = true;
        private volatile long maxLate;

        static StallMonitor start() {
            StallMonitor monitor = new StallMonitor();
            Thread thread = new Thread(monitor, "stall-monitor");
            thread.setDaemon(true);
            thread.start();
            return monitor;
        }

        @Override
        public void run() {
            while (running) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                maxLate = Math.max(maxLate, (System.nanoTime() - before) / 1_000_000 - 50);
            }
        }

        long maxLateMillis() {
            return maxLate;
        }

        void stop() {
            running = false;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    private static double percentile(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = Math.min(sortedMicros.length - 1, (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /** A small project with something on every tab (the repository itself is never the project under test). */
    private static Path seedProject() throws IOException {
        Path dir = Files.createTempDirectory("controlplane-load");
        String[][] files = {
            {"README.md", "# Load project\n\n## Usage\n\nRun it.\n"},
            {"docs/guide.md", "# Guide\n"},
            {"src/main/java/app/App.java", "package app;\npublic class App {}\n"},
            {"src/test/java/app/AppTest.java", "package app;\nclass AppTest { @org.junit.jupiter.api.Test void a() {} }\n"},
            {"pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId>"
                    + "<version>1</version></project>\n"},
            {"k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"},
            {"main.tf", "resource \"null_resource\" \"x\" {}\n"},
            {".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: echo hi\n"},
            {"Dockerfile", "FROM alpine:3\n"},
            {".env", "APP_MODE=dev\n"},
            {".gitignore", ".env\ntarget/\n"},
        };
        for (String[] file : files) {
            Path path = dir.resolve(file[0]);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file[1]);
        }
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory: best effort
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
