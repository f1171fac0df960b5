package dev.controlplane.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Many SSE clients in one JVM on a small Vert.x event-loop pool (non-blocking: a thousand connections cost a
 * thousand sockets, not a thousand threads). Each connection is its own TCP connection (no keep-alive reuse).
 * Each client splits its stream into lines itself, at the byte level, and for every {@code bench:tick} records
 * {@code now - sent_us} (both epoch microseconds from the same machine clock). Recording goes to one recorder
 * per event-loop thread, merged when a run is read, so the clients do not contend with each other.
 */
final class FanoutClients implements AutoCloseable {
    private static final byte[] EVENT_TICK = "event:bench:tick".getBytes();
    private static final byte[] EVENT_TICK_SPACED = "event: bench:tick".getBytes();
    private static final byte[] EVENT_READY = "event:sys:ready".getBytes();
    private static final byte[] EVENT_READY_SPACED = "event: sys:ready".getBytes();
    private static final byte[] SENT_US = "\"sent_us\":".getBytes();
    private static final byte[] INDEX = "\"i\":".getBytes();

    private final Vertx vertx;
    private final HttpClient http;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger failedConnects = new AtomicInteger();

    private volatile Run run = new Run(0);

    /** What one publish run saw, per event-loop thread. */
    static final class Run {
        final long expected;
        final Map<Thread, Recorder> recorders = new ConcurrentHashMap<>();

        Run(long expected) {
            this.expected = expected;
        }

        Recorder recorder() {
            return recorders.computeIfAbsent(Thread.currentThread(), t -> new Recorder());
        }

        LatencyHistogram latency() {
            LatencyHistogram all = new LatencyHistogram();
            recorders.values().forEach(r -> all.merge(r.latency));
            return all;
        }

        long frames() {
            return recorders.values().stream().mapToLong(r -> r.latency.count()).sum();
        }

        /** Publish rate the server achieved: from the send times of the first and the last event of the run. */
        double achievedRate() {
            long first = recorders.values().stream().mapToLong(r -> r.firstSentUs).filter(v -> v > 0).min().orElse(0);
            long last = recorders.values().stream().mapToLong(r -> r.lastSentUs).max().orElse(0);
            return first > 0 && last > first ? (expected - 1) * 1e6 / (last - first) : Double.NaN;
        }
    }

    static final class Recorder {
        final LatencyHistogram latency = new LatencyHistogram();
        volatile long firstSentUs;
        volatile long lastSentUs;
    }

    FanoutClients(int port, int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(false).setIdleTimeout(0).setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(20_000).setMaxWaitQueueSize(-1));
    }

    /** One connection. Parsing state is only touched on its event-loop thread; counters are read by the harness. */
    final class Client {
        private volatile HttpConnection connection;
        private volatile boolean closing;
        private volatile boolean dead;
        private volatile boolean ready;
        private volatile long ticks;
        private boolean inTick;
        private byte[] line = new byte[512];
        private int length;

        void connect() {
            http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/events")
                    .addHeader("Accept", "text/event-stream"))
                    .compose(request -> request.send())
                    .onSuccess(this::onResponse)
                    .onFailure(e -> {
                        failedConnects.incrementAndGet();
                        dead = true;
                    });
        }

        private void onResponse(HttpClientResponse response) {
            connection = response.request().connection();
            if (response.statusCode() != 200) {
                failedConnects.incrementAndGet();
                dead = true;
                connection.close();
                return;
            }
            if (closing) {
                connection.close();
            }
            response.handler(this::chunk);
            response.endHandler(v -> ended());
            response.exceptionHandler(e -> ended());
            connection.closeHandler(v -> ended());
        }

        private void ended() {
            if (!dead) {
                dead = true;
                if (!closing) {
                    dropped.incrementAndGet();
                }
            }
        }

        private void chunk(Buffer buffer) {
            byte[] bytes = buffer.getBytes();
            for (byte b : bytes) {
                if (b == '\n') {
                    line(length);
                    length = 0;
                } else {
                    if (length == line.length) {
                        line = java.util.Arrays.copyOf(line, line.length * 2);
                    }
                    line[length++] = b;
                }
            }
        }

        private void line(int n) {
            if (n == 0) {
                return;
            }
            if (line[0] == 'e') {
                inTick = startsWith(EVENT_TICK, n) || startsWith(EVENT_TICK_SPACED, n);
                if (!inTick && (startsWith(EVENT_READY, n) || startsWith(EVENT_READY_SPACED, n))) {
                    ready = true;
                }
            } else if (line[0] == 'd' && inTick) {
                long now = epochMicros();
                long sent = number(SENT_US, n);
                if (sent > 0) {
                    Run r = run;
                    Recorder rec = r.recorder();
                    rec.latency.record(now - sent);
                    long index = number(INDEX, n);
                    if (index == 1 && rec.firstSentUs == 0) {
                        rec.firstSentUs = sent;
                    }
                    if (index == r.expected) {
                        rec.lastSentUs = Math.max(rec.lastSentUs, sent);
                    }
                    ticks++;
                }
            }
        }

        private boolean startsWith(byte[] prefix, int n) {
            if (n < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The unsigned integer after {@code key} in the current line, or -1. */
        private long number(byte[] key, int n) {
            outer:
            for (int i = 5; i <= n - key.length; i++) {
                for (int j = 0; j < key.length; j++) {
                    if (line[i + j] != key[j]) {
                        continue outer;
                    }
                }
                long value = 0;
                for (int k = i + key.length; k < n && line[k] >= '0' && line[k] <= '9'; k++) {
                    value = value * 10 + (line[k] - '0');
                }
                return value;
            }
            return -1;
        }

        void close() {
            closing = true;
            HttpConnection c = connection;
            if (c != null) {
                c.close();
            }
        }

        boolean live() {
            return !dead;
        }

        long ticks() {
            return ticks;
        }

        void resetTicks() {
            ticks = 0;
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * Closes or opens connections until exactly {@code count} are live and have received {@code sys:ready}. Opens
     * them in batches of 100; a connection not ready within 15 s is abandoned (counted as a failed connect).
     *
     * @return false when they could not all connect within the timeout
     */
    boolean ensure(int count, long timeoutMillis) throws InterruptedException {
        clients.removeIf(c -> !c.live());
        while (clients.size() > count) {
            clients.remove(clients.size() - 1).close();
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (clients.size() < count && System.currentTimeMillis() < deadline) {
            int batch = Math.min(100, count - clients.size());
            List<Client> fresh = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                Client c = new Client();
                fresh.add(c);
                c.connect();
            }
            long batchDeadline = Math.min(deadline, System.currentTimeMillis() + 15_000);
            while (System.currentTimeMillis() < batchDeadline && fresh.stream().anyMatch(c -> c.live() && !c.ready)) {
                Thread.sleep(5);
            }
            for (Client c : fresh) {
                if (c.live() && c.ready) {
                    clients.add(c);
                } else if (c.live()) {
                    failedConnects.incrementAndGet();
                    c.close();
                }
            }
        }
        return clients.size() >= count;
    }

    int live() {
        return (int) clients.stream().filter(Client::live).count();
    }

    List<Client> clients() {
        return clients;
    }

    Run startRun(long expected) {
        clients.forEach(Client::resetTicks);
        Run r = new Run(expected);
        run = r;
        return r;
    }

    int dropped() {
        return dropped.get();
    }

    int failedConnects() {
        return failedConnects.get();
    }

    /** Closes every connection (not counted as drops). */
    void closeAll() {
        clients.forEach(Client::close);
        clients.clear();
    }

    @Override
    public void close() {
        closeAll();
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
