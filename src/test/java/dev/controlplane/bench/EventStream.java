package dev.controlplane.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One SSE connection to {@code /api/events}, read on its own thread; each frame is stamped with
 * {@link System#nanoTime()} when its blank terminating line arrives, which is when a browser would dispatch it.
 */
final class EventStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Frame(String event, String id, String data, long receivedNanos) {
        JsonNode json() {
            try {
                return ControlClient.JSON.readTree(data);
            } catch (IOException e) {
                throw new IllegalStateException("frame data is not JSON: " + data, e);
            }
        }

        String key() {
            return json().path("key").asText();
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private volatile boolean closed;

    private EventStream(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "bench-sse");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static EventStream open(String base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/events -> " + response.statusCode());
        }
        return new EventStream(response.body());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        frames.add(new Frame(event == null ? "message" : event, id, data.toString(), System.nanoTime()));
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = value(line, 6);
                } else if (line.startsWith("id:")) {
                    id = value(line, 3);
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(value(line, 5));
                }
            }
        } catch (IOException e) {
            if (!closed) {
                System.err.println("  (event stream ended: " + e.getMessage() + ")");
            }
        }
    }

    private static String value(String line, int from) {
        return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
    }

    /** The next frame matching {@code test}, discarding the others; null on timeout. */
    Frame await(Predicate<Frame> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Frame f = frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                return null;
            }
            if (test.test(f)) {
                return f;
            }
        }
    }

    static Predicate<Frame> type(String type) {
        return f -> type.equals(f.event());
    }

    void drain() {
        frames.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // closing
        }
        reader.interrupt();
    }
}
