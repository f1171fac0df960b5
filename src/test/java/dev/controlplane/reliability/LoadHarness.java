package dev.controlplane.reliability;

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
import java.util.concurrent.Flow;
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
    private static final List<String> CHEAP = List.of("k8s", "docs", "k8s", "terraform", "ci", "k8s", "pages", "env");
    private static final int FORCED_EVERY = 5;

    private final int clients;
    private final int rate;
    private final int duration;
    private final int slow;
    private List<String> keys = List.of();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LoadHarness(int clients, int rate, int duration, int slow) {
        this.clients = clients;
        this.rate = rate;
        this.duration = duration;
        this.slow = slow;
    }

    public static void main(String[] args) throws Exception {
        int clients = 500;
        int rate = 50;
        int duration = 120;
        int slow = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--clients" -> clients = value;
                case "--rate" -> rate = value;
                case "--duration" -> duration = value;
                case "--slow" -> slow = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new LoadHarness(clients, rate, duration, slow).run();
        System.exit(0);
    }

    // ---------------------------------------------------------------- one well-behaved SSE client

    /** Reads every frame as it comes and checks that live {@code seq}s follow one another. */
    static final class StreamClient implements Flow.Subscriber<String> {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        volatile boolean connected;
        volatile boolean ended;
        volatile String endReason;
        private Flow.Subscription subscription;
        private long lastSeq = -1;
        private String event;
        private long id = -1;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            connected = true;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (event != null) {
                    frame();
                }
                event = null;
                id = -1;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            }
        }

        private void frame() {
            frames.incrementAndGet();
            if (id < 0) {
                return; // heartbeat
            }
            if (event.equals("sys:ready") || event.equals("state:snapshot")) {
                lastSeq = id; // positions, not events: the next live event is id + 1
                return;
            }
            if (lastSeq >= 0 && id != lastSeq + 1) {
                gaps.incrementAndGet();
            }
            lastSeq = id;
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
            endReason = throwable.toString();
        }

        @Override
        public void onComplete() {
            ended = true;
            endReason = "stream completed by the server";
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    // ---------------------------------------------------------------- the run

    private void run() throws Exception {
        Path project = seedProject();
        List<Row> rows = new ArrayList<>();
        System.out.printf("load: %d SSE clients + %d slow, %d card GETs/s for %d s%n", clients, slow, rate, duration);
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project)
                .property("controlplane.bench.enabled", "true")
                .log(Path.of("target", "reliability", "load-app.log")), Duration.ofSeconds(90))) {
            String base = app.base();
            warmUp(base);
            List<StreamClient> streams = connect(base);
            List<Socket> stalled = stalledClients(app.port());
            String before = get(base + "api/events/stats");
            long dropsBefore = number(before, "dropped_subscribers");
            long seqBefore = number(before, "seq");

            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<String> errorSamples = new ArrayList<>();
            ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
            long periodMicros = 1_000_000L / rate;
            load.scheduleAtFixedRate(() -> cardGet(base, sent, errors, errorSamples, latencies), 0, periodMicros,
                    TimeUnit.MICROSECONDS);

            List<String[]> samples = new ArrayList<>();
            long started = System.nanoTime();
            long maxHeap = 0;
            long maxRss = 0;
            for (int t = 0; t <= duration; t += 10) {
                long wait = started + TimeUnit.SECONDS.toNanos(t) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                long heap = number(get(base + "api/bench/memory"), "heap_used_bytes");
                long rss = rssKb(app.pid()) * 1024;
                String stats = get(base + "api/events/stats");
                long alive = streams.stream().filter(s -> !s.ended).count();
                maxHeap = Math.max(maxHeap, heap);
                maxRss = Math.max(maxRss, rss);
                samples.add(new String[] {Integer.toString(t), mb(heap), mb(rss),
                        Long.toString(number(stats, "subscribers")), Long.toString(alive),
                        Long.toString(number(stats, "dropped_subscribers") - dropsBefore)});
                System.out.printf("t=%3d s  heap after GC %s  RSS %s  subscribers %d  clients alive %d  dropped %d  "
                        + "GETs %d errors %d%n", t, mb(heap), mb(rss), number(stats, "subscribers"), alive,
                        number(stats, "dropped_subscribers") - dropsBefore, sent.get(), errors.get());
            }
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the last frames arrive
            String stats = get(base + "api/events/stats");
            long published = number(stats, "seq");
            long dropped = number(stats, "dropped_subscribers") - dropsBefore;
            long droppedWellBehaved = streams.stream().filter(s -> s.ended || s.gaps.get() > 0).count();
            long gaps = streams.stream().mapToLong(s -> s.gaps.get()).sum();
            long minFrames = streams.stream().mapToLong(s -> s.frames.get()).min().orElse(0);
            long maxFrames = streams.stream().mapToLong(s -> s.frames.get()).max().orElse(0);
            long totalFrames = streams.stream().mapToLong(s -> s.frames.get()).sum();
            int slowClosed = closedByServer(stalled);
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String endReasons = streams.stream().filter(s -> s.ended).map(s -> s.endReason).distinct().limit(3)
                    .reduce((a, b) -> a + "; " + b).orElse("none");
            streams.forEach(StreamClient::cancel);

            String harness = "bench/load (LoadHarness)";
            String setup = String.format("%d SSE clients + %d card GETs/s (1 in " + FORCED_EVERY + " forced) for %d s on %d cores",
                    clients, rate, duration, Runtime.getRuntime().availableProcessors());
            rows.add(row("load/errors", "card GET errors — " + setup, "0",
                    String.format("%d errors of %d GETs%s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                            errors.get(), sent.get(), errorSamples.isEmpty() ? "" : " (" + errorSamples.get(0) + ")",
                            percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100)),
                    harness, errors.get() == 0));
            rows.add(row("load/dropped", "well-behaved SSE clients dropped (stream ended early or a seq skipped)",
                    "0", String.format("%d of %d dropped, %d seq gaps (%s); frames per client %d–%d, %,d frames "
                            + "delivered in all", droppedWellBehaved, clients, gaps, endReasons, minFrames,
                            maxFrames, totalFrames), harness, droppedWellBehaved == 0));
            rows.add(row("load/slow", slow + " clients that never read (4 KB receive buffer, request sent, "
                    + "nothing read)", "disconnected by the server; no effect on the others",
                    String.format("%d of %d closed by the server; server counted %d dropped subscribers; "
                            + "well-behaved clients dropped meanwhile: %d", slowClosed, slow, dropped,
                            droppedWellBehaved), harness, slowClosed == slow && droppedWellBehaved == 0));
            rows.add(row("load/heap", "heap after GC and RSS over the run", "bounded (no growth with time)",
                    String.format("heap after GC %s at the start, %s at the end, max %s; RSS max %s; %,d events "
                            + "published", samples.get(0)[1], samples.get(samples.size() - 1)[1], mb(maxHeap),
                            mb(maxRss), published - seqBefore),
                    harness, true));
            for (String[] sample : samples) {
                rows.add(new Row("Load: heap over time", "load/heap/t" + sample[0], "t = " + sample[0] + " s",
                        "bounded", sample[1] + " / " + sample[2] + " (" + sample[3] + " subscribers, " + sample[5]
                                + " cut off so far)", harness,
                        ReliabilityRows.PASS));
            }
            stalled.forEach(LoadHarness::closeQuietly);
        }
        rows.forEach(r -> System.out.println(r.result() + "  " + r.fault() + ": " + r.observed()));
        ReliabilityReport.replaceSections(List.of("Load", "Load: heap over time"), rows);
        System.out.println("updated " + ReliabilityReport.DOC);
        deleteTree(project);
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

    private List<StreamClient> connect(String base) throws Exception {
        List<StreamClient> streams = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            StreamClient client = new StreamClient();
            streams.add(client);
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "api/events")).header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.fromLineSubscriber(client))
                    .exceptionally(e -> {
                        client.onError(e);
                        return null;
                    });
            if (i % 50 == 49) {
                Thread.sleep(100);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.stream().anyMatch(s -> !s.connected && !s.ended) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long connected = streams.stream().filter(s -> s.connected).count();
        System.out.printf("connected %d of %d SSE clients%n", connected, clients);
        return streams;
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
    private static int closedByServer(List<Socket> sockets) {
        int closed = 0;
        byte[] buffer = new byte[65536];
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
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
        boolean forced = n % FORCED_EVERY == 0;
        String key = forced ? CHEAP.get((n / FORCED_EVERY) % CHEAP.size()) : keys.get(n % keys.size());
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
        // Enough manifests that a k8s recompute is a ~30 KB frame, as on a real cluster repository.
        for (int i = 0; i < 300; i++) {
            Files.writeString(dir.resolve("k8s/service-" + i + ".yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n"
                    + "  name: service-" + i + "\nspec:\n  ports:\n    - port: " + (8000 + i) + "\n");
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
