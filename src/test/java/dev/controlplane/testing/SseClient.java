package dev.controlplane.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real SSE client for tests: reads {@code /api/events} over HTTP on a background thread and parses frames
 * ({@code event:}, {@code id:}, {@code data:}) into a queue. Heartbeats are kept apart unless asked for.
 */
public final class SseClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One parsed frame. {@code id} is null when the frame had no id line. */
    public record Frame(String event, String id, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("frame data is not JSON: " + data, e);
            }
        }

        public long seq() {
            return json().get("seq").asLong();
        }

        public String key() {
            return json().path("key").asText();
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<Frame> heartbeats = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseClient connect(String baseUrl, String query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "api/events" + (query == null ? "" : query)))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("cannot connect to the stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static SseClient connect(String baseUrl) {
        return connect(baseUrl, "", Map.of());
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        Frame frame = new Frame(event, id, data.toString());
                        ("sys:heartbeat".equals(event) ? heartbeats : frames).add(frame);
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        } finally {
            ended = true;
        }
    }

    /** The next non-heartbeat frame, failing the test after {@code seconds}. */
    public Frame next(double seconds) {
        try {
            Frame frame = frames.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + seconds + " s (stream ended: " + ended + ")");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame matching, skipping others; fails after {@code seconds}. */
    public Frame await(Predicate<Frame> match, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            double left = (deadline - System.nanoTime()) / 1e9;
            if (left <= 0) {
                throw new AssertionError("no matching frame within " + seconds + " s");
            }
            Frame frame = next(left);
            if (match.test(frame)) {
                return frame;
            }
        }
    }

    public Frame awaitType(String type, String key, double seconds) {
        return await(f -> type.equals(f.event()) && (key == null || key.equals(f.key())), seconds);
    }

    /** Frames that arrive within {@code seconds} (no failure when none). */
    public List<Frame> drain(double seconds) {
        List<Frame> out = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return out;
                }
                Frame frame = frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame != null) {
                    out.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
    }

    public Frame nextHeartbeat(double seconds) throws InterruptedException {
        Frame frame = heartbeats.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no heartbeat within " + seconds + " s");
        }
        return frame;
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
