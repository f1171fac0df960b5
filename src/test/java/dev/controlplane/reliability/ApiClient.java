package dev.controlplane.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON API as a well-behaved client sees it (HTTP/1.1, as browsers use for {@code http://}): card keys,
 * single requests, and "compute every card now" with a generous bound that only catches hangs.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base {@code http://localhost:port/} */
    public ApiClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** One answer: status, body, parsed body (null when not JSON) and how long it took. */
    public record Reply(int status, String body, JsonNode json, double seconds) {
        public String error() {
            return json == null ? null : json.path("error").asText(null);
        }

        public String summaryText() {
            return json == null ? null : json.path("summary").path("text").asText(null);
        }
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    /** The dashboard page, as a browser asks for it. */
    public Reply page() {
        return send(HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofMinutes(1)).header("Accept", "text/html")
                .GET().build());
    }

    /** A GET with {@code X-Control-Plane: 1}, as needed for {@code ?bust=1}. */
    public Reply getWithIntent(String path) {
        return send(request(path).header("X-Control-Plane", "1").GET().build());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("X-Control-Plane", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path.substring(1) : path)))
                .timeout(Duration.ofMinutes(3)).header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return reply(response, start);
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Reply reply(HttpResponse<String> response, long start) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        return new Reply(response.statusCode(), response.body(), json, (System.nanoTime() - start) / 1e9);
    }

    /** Every card key the server has, in display order. */
    public List<String> keys() {
        Reply cards = get("/api/cards");
        if (cards.status() != 200 || cards.json() == null) {
            throw new AssertionError("GET /api/cards: " + cards.status() + " " + cards.body());
        }
        List<String> keys = new ArrayList<>();
        cards.json().forEach(card -> keys.add(card.get("key").asText()));
        return keys;
    }

    /** The alias path of every card ({@code /api/git/status}, ...). */
    public Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        get("/api/cards").json().forEach(card -> aliases.put(card.get("key").asText(), card.get("alias").asText()));
        return aliases;
    }

    /**
     * Requests every card at once ({@code ?bust=1} forces a recompute) and waits for all answers, failing only
     * when one does not come within {@code bound} (a hang, not slowness).
     */
    public Map<String, Reply> computeAll(List<String> keys, boolean bust, Duration bound) {
        Map<String, CompletableFuture<Reply>> pending = new LinkedHashMap<>();
        for (String key : keys) {
            long start = System.nanoTime();
            HttpRequest.Builder request = request("/api/cards/" + key + (bust ? "?bust=1" : ""));
            if (bust) {
                request.header("X-Control-Plane", "1");
            }
            pending.put(key, http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> reply(response, start)));
        }
        Map<String, Reply> replies = new LinkedHashMap<>();
        long deadline = System.nanoTime() + bound.toNanos();
        for (Map.Entry<String, CompletableFuture<Reply>> entry : pending.entrySet()) {
            try {
                replies.put(entry.getKey(), entry.getValue().get(Math.max(1, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("card '" + entry.getKey() + "' did not answer within " + bound.toSeconds()
                        + " s: the server hangs");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("card '" + entry.getKey() + "' request failed: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return replies;
    }

    /**
     * What a card answer must look like under any fault: 200 with {@code summary.text}, or 500
     * {@code {error, key}} with a one-line message. Returns the problem, or null.
     */
    public static String problem(String key, Reply reply) {
        if (reply.json() == null) {
            return key + ": not JSON (" + reply.status() + ")";
        }
        for (String marker : List.of("\tat ", "at dev.", "Exception:", "Caused by")) {
            if (reply.body().contains(marker)) {
                return key + ": stack-trace marker '" + marker.trim() + "' in the answer";
            }
        }
        if (reply.status() == 200) {
            return reply.summaryText() == null ? key + ": 200 without summary.text" : null;
        }
        if (reply.status() == 500) {
            if (reply.error() == null || reply.error().isBlank()) {
                return key + ": 500 without an error message";
            }
            return key.equals(reply.json().path("key").asText()) ? null : key + ": 500 without its key";
        }
        return key + ": status " + reply.status();
    }

    /** "18×200, 2×500 (git: timed out…)" plus the slowest answer, for a report row. */
    public static String describe(Map<String, Reply> replies) {
        long ok = replies.values().stream().filter(r -> r.status() == 200).count();
        List<String> errors = new ArrayList<>();
        replies.forEach((key, reply) -> {
            if (reply.status() != 200) {
                errors.add(key + " " + reply.status() + ": " + ReliabilityRows.cell(String.valueOf(reply.error()), 60));
            }
        });
        Map.Entry<String, Reply> slowest = replies.entrySet().stream()
                .max(java.util.Comparator.comparingDouble(e -> e.getValue().seconds())).orElseThrow();
        return replies.size() + " cards answered: " + ok + "×200" + (errors.isEmpty() ? "" : ", " + errors.size()
                + " errors [" + String.join("; ", errors) + "]")
                + String.format("; slowest %s %.1f s", slowest.getKey(), slowest.getValue().seconds());
    }
}
