package dev.controlplane.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain JSON requests to the app, as a non-browser client: state changes carry {@code X-Control-Plane: 1}. */
final class ControlClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    ControlClient(String base) {
        this.base = base;
    }

    /** A response with the wall time the request took. */
    record Timed(int status, JsonNode body, double millis) {
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        Timed t = send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Duration.ofSeconds(30));
        if (t.status() != 200) {
            throw new IOException("GET " + path + " -> " + t.status() + " " + t.body());
        }
        return t.body();
    }

    Timed timedGet(String path, boolean intent, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (intent) {
            b.header("X-Control-Plane", "1");
        }
        return send(b, timeout);
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("X-Control-Plane", "1")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        Timed t = send(b, Duration.ofSeconds(30));
        if (t.status() / 100 != 2) {
            throw new IOException("POST " + path + " -> " + t.status() + " " + t.body());
        }
        return t.body();
    }

    private Timed send(HttpRequest.Builder builder, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(builder.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.getNodeFactory().textNode(response.body());
        }
        return new Timed(response.statusCode(), body, millis);
    }

    /** The card keys from {@code GET /api/cards}, in display order. */
    /** The cards a page computes by itself (preference {@code auto}): manual ones (Audit L2) wait for a click. */
    List<String> autoCardKeys() throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        for (JsonNode card : get("/api/cards")) {
            if ("auto".equals(card.path("pref").asText())) {
                keys.add(card.path("key").asText());
            }
        }
        return keys;
    }

    List<String> cardKeys() throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        for (JsonNode card : get("/api/cards")) {
            keys.add(card.path("key").asText());
        }
        return keys;
    }
}
