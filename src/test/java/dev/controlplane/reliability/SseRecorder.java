package dev.controlplane.reliability;

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
import java.util.function.Predicate;

/**
 * Records every line of one SSE connection, as sent, for the whole time it is open (the test helper SseClient
 * hands frames out one by one, and skipped frames would escape the sweep). HTTP/1.1, as browsers use.
 */
public final class SseRecorder implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private SseRecorder(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "sse-recorder");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseRecorder open(String url) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream answered " + response.statusCode());
            }
            return new SseRecorder(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Waits until a recorded line matches; fails after {@code seconds}. */
    public void await(Predicate<String> match, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("no matching line on the stream within " + seconds + " s");
                }
                try {
                    lines.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Frames recorded so far (an {@code event:} line starts each). */
    public int frames() {
        synchronized (lines) {
            return (int) lines.stream().filter(l -> l.startsWith("event:")).count();
        }
    }

    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
