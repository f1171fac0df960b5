package dev.controlplane.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
import io.vertx.core.parsetools.RecordParser;

/**
 * Many SSE clients in one JVM on a small Vert.x event-loop pool (non-blocking: a thousand connections cost a
 * thousand sockets, not a thousand threads). Each client parses its stream line by line at the byte level and,
 * for every {@code bench:tick}, records {@code now - sent_us} (both epoch microseconds from the same machine
 * clock) into the histogram of the current run.
 */
final class FanoutClients implements AutoCloseable {
    private static final byte[] SENT_US = "\"sent_us\":".getBytes();
    private static final byte[] TICK = "bench:tick".getBytes();

    private final Vertx vertx;
    private final HttpClient http;
    private final int port;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger failedConnects = new AtomicInteger();

    private volatile Run run = new Run();

    /** What one publish run saw, across all clients. */
    static final class Run {
        final LatencyHistogram latency = new LatencyHistogram();
        final LongAdder frames = new LongAdder();
        final AtomicLong firstSentUs = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastSentUs = new AtomicLong(Long.MIN_VALUE);
    }

    FanoutClients(int port, int eventLoops) {
        this.port = port;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true).setIdleTimeout(0).setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(20_000).setMaxWaitQueueSize(-1));
    }

    /** One connection. State is only written on its event-loop thread; counters are read by the harness. */
    final class Client {
        private volatile HttpConnection connection;
        private volatile boolean closing;
        private volatile boolean dead;
        private volatile long ticks;
        private boolean inTick;

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
            if (response.statusCode() != 200) {
                failedConnects.incrementAndGet();
                dead = true;
                response.request().connection().close();
                return;
            }
            connection = response.request().connection();
            response.handler(RecordParser.newDelimited("\n", this::line));
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

        private void line(Buffer line) {
            int length = line.length();
            if (length == 0) {
                return;
            }
            byte first = line.getByte(0);
            if (first == 'e') { // event:<type>
                inTick = contains(line, TICK, 6);
                if (!inTick && startsWithAt(line, "sys:ready".getBytes(), 6, length)) {
                    ready.incrementAndGet();
                }
            } else if (first == 'd' && inTick) {
                long now = epochMicros();
                int at = indexOf(line, SENT_US, 5);
                if (at >= 0) {
                    long sent = 0;
                    for (int i = at + SENT_US.length; i < length; i++) {
                        byte b = line.getByte(i);
                        if (b < '0' || b > '9') {
                            break;
                        }
                        sent = sent * 10 + (b - '0');
                    }
                    Run r = run;
                    r.latency.record(now - sent);
                    r.frames.increment();
                    r.firstSentUs.accumulateAndGet(sent, Math::min);
                    r.lastSentUs.accumulateAndGet(sent, Math::max);
                    ticks++;
                }
            }
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

    private static boolean startsWithAt(Buffer line, byte[] what, int from, int length) {
        int start = from < length && line.getByte(from) == ' ' ? from + 1 : from;
        if (start + what.length > length) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (line.getByte(start + i) != what[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(Buffer line, byte[] what, int from) {
        return indexOf(line, what, from) >= 0;
    }

    private static int indexOf(Buffer line, byte[] what, int from) {
        int limit = line.length() - what.length;
        outer:
        for (int i = from; i <= limit; i++) {
            for (int j = 0; j < what.length; j++) {
                if (line.getByte(i + j) != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Opens connections until {@code count} are live and have received {@code sys:ready}, in batches so the
     * accept queue is not flooded.
     *
     * @return false when they could not all connect within the timeout
     */
    boolean ensure(int count, long timeoutMillis) throws InterruptedException {
        clients.removeIf(c -> !c.live());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (clients.size() < count && System.currentTimeMillis() < deadline) {
            int batch = Math.min(100, count - clients.size());
            int target = ready.get() + batch;
            List<Client> fresh = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                Client c = new Client();
                fresh.add(c);
                c.connect();
            }
            clients.addAll(fresh);
            while (ready.get() < target && System.currentTimeMillis() < deadline
                    && fresh.stream().anyMatch(Client::live)) {
                Thread.sleep(5);
            }
            clients.removeIf(c -> !c.live());
        }
        return clients.size() >= count;
    }

    int live() {
        return (int) clients.stream().filter(Client::live).count();
    }

    List<Client> clients() {
        return clients;
    }

    Run startRun() {
        clients.forEach(Client::resetTicks);
        Run r = new Run();
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
