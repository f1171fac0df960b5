package dev.controlplane.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cold and warm card computation on one running app (started with {@code warm-on-start=false}, so nothing
 * computes behind the harness's back). Each round:
 * <ol>
 * <li><b>cold, per card</b>: {@code GET /api/cards/{key}?bust=1} one card after the other; the card's time is the
 * server's {@code duration_s} of its {@code cache:done} event (fingerprint + compute + store, no HTTP), and the
 * sequential total is their sum;</li>
 * <li><b>warm</b>: {@code GET /api/cards/{key}} for every card right after (all hits): total wall time;</li>
 * <li><b>cold, "Refresh all"</b>: {@code POST /api/devops/cache/bust {"card":"all"}}, timed from the POST to the
 * {@code sys:warm} event: what the button costs, with the server's 4 workers in parallel (only cards whose
 * preference is {@code auto} recompute on a bust, as in the UI);</li>
 * <li><b>Analyze</b>: {@code bust audit:l2}, timed from the POST to {@code sys:warm}: the four L2 cards and the
 * enriched score, one after another.</li>
 * </ol>
 */
final class ComputeBench {
    private final BenchContext ctx;

    ComputeBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** Per-card cold times of one project, kept for the per-card table. */
    static final class CardTimes {
        final Map<String, List<Double>> seconds = new LinkedHashMap<>();
        final Map<String, String> errors = new TreeMap<>();
        final Map<String, String> badges = new LinkedHashMap<>();
        /** Wall time of a GET answered from the cache (the fingerprint check plus HTTP), per card. */
        final Map<String, List<Double>> hitMillis = new LinkedHashMap<>();
    }

    CardTimes run(String label, AppProcess app) throws IOException, InterruptedException {
        ControlClient client = new ControlClient(app.base);
        List<String> keys = client.cardKeys();
        CardTimes times = new CardTimes();
        String section = "cold compute (" + label + ")";
        if (keys.isEmpty()) {
            ctx.table.missing(section, "all cards", "no cards registered in this build");
            return times;
        }
        keys.forEach(k -> times.seconds.put(k, new ArrayList<>()));
        List<Double> sequentialTotals = new ArrayList<>();
        List<Double> sequentialWall = new ArrayList<>();
        List<Double> warmTotals = new ArrayList<>();
        List<Double> refreshAll = new ArrayList<>();
        List<Double> refreshAllServer = new ArrayList<>();
        List<Double> analyze = new ArrayList<>();
        int hits = 0;
        int warmRequests = 0;
        try (EventStream events = EventStream.open(app.base)) {
            for (int round = 1; round <= ctx.plan.computeRuns(); round++) {
                BenchContext.log("%s: round %d/%d, %d cards one by one (?bust=1)", label, round, ctx.plan.computeRuns(), keys.size());
                double sum = 0;
                long wallStart = System.nanoTime();
                for (String key : keys) {
                    events.drain();
                    ControlClient.Timed response = client.timedGet("/api/cards/" + encode(key) + "?bust=1", true,
                            Duration.ofMinutes(3));
                    EventStream.Frame end = events.await(f -> ("cache:done".equals(f.event()) || "cache:error".equals(f.event()))
                            && key.equals(f.key()), Duration.ofSeconds(10));
                    double seconds = end != null && end.json().has("duration_s") ? end.json().get("duration_s").asDouble()
                            : response.millis() / 1000.0;
                    if (end != null && "cache:error".equals(end.event())) {
                        times.errors.put(key, end.json().path("error").asText());
                    } else if (response.status() != 200) {
                        times.errors.put(key, "HTTP " + response.status() + " " + response.body());
                    }
                    if (response.status() == 200) {
                        times.badges.put(key, response.body().path("summary").path("text").asText());
                    }
                    times.seconds.get(key).add(seconds);
                    sum += seconds;
                }
                sequentialWall.add((System.nanoTime() - wallStart) / 1e9);
                sequentialTotals.add(sum);

                events.drain();
                long warmStart = System.nanoTime();
                for (String key : keys) {
                    ControlClient.Timed hit = client.timedGet("/api/cards/" + encode(key), false, Duration.ofMinutes(3));
                    times.hitMillis.computeIfAbsent(key, k -> new ArrayList<>()).add(hit.millis());
                    warmRequests++;
                }
                warmTotals.add((System.nanoTime() - warmStart) / 1e6);
                hits += countHits(events, keys.size());

                BenchContext.log("%s: round %d, Refresh all (bust all -> sys:warm)", label, round);
                events.drain();
                long bustStart = System.nanoTime();
                client.post("/api/devops/cache/bust", Map.of("card", "all"));
                EventStream.Frame warm = events.await(EventStream.type("sys:warm"), Duration.ofMinutes(10));
                if (warm != null) {
                    refreshAll.add((warm.receivedNanos() - bustStart) / 1e9);
                    refreshAllServer.add(warm.json().path("duration_s").asDouble(Double.NaN));
                }
                if (keys.contains("audit:l2:structure")) {
                    BenchContext.log("%s: round %d, Analyze (bust audit:l2 -> sys:warm)", label, round);
                    events.drain();
                    long analyzeStart = System.nanoTime();
                    client.post("/api/devops/cache/bust", Map.of("card", "audit:l2"));
                    EventStream.Frame analyzed = events.await(EventStream.type("sys:warm"), Duration.ofMinutes(10));
                    if (analyzed != null) {
                        analyze.add((analyzed.receivedNanos() - analyzeStart) / 1e9);
                    }
                }
            }
            ensureWarm(client, keys);
        }
        String n = keys.size() + " cards";
        ctx.table.add(section, "sequential sum of per-card duration_s", "s", sequentialTotals, null, n + ", one by one with ?bust=1");
        ctx.table.add(section, "sequential wall time (HTTP, one by one)", "s", sequentialWall, null, "");
        ctx.table.add(section, "Refresh all: bust all -> sys:warm", "s", refreshAll, null,
                "4 workers in parallel; server duration_s median " + ResultTable.format(Stats.of(refreshAllServer).median()) + " s");
        if (!analyze.isEmpty()) {
            ctx.table.add(section, "Analyze: bust audit:l2 -> sys:warm (4 L2 cards + enriched, in order)", "s", analyze,
                    null, "after Refresh all: the peers are fresh, the L2 cards recompute one after another");
        }
        ctx.table.add(section, "warm total: GET every card (hits)", "ms", warmTotals, null,
                hits + "/" + warmRequests + " answered as cache:hit");
        if (!times.errors.isEmpty()) {
            ctx.table.note(label + ": cards that failed: " + times.errors);
        }
        return times;
    }

    /** Counts the cache:hit frames already received (the warm GETs were synchronous, so they are all there). */
    private static int countHits(EventStream events, int expected) throws InterruptedException {
        int hits = 0;
        while (events.await(EventStream.type("cache:hit"), Duration.ofMillis(hits < expected ? 2000 : 1)) != null) {
            hits++;
            if (hits == expected) {
                break;
            }
        }
        return hits;
    }

    /** Every card computed and fresh (a bust leaves manual cards empty): the state a restart starts from. */
    static void ensureWarm(ControlClient client, List<String> keys) throws IOException, InterruptedException {
        for (String key : keys) {
            client.timedGet("/api/cards/" + encode(key), false, Duration.ofMinutes(3));
        }
    }

    /**
     * GETs every (cached) card {@code repeats} times: a hit costs the fingerprint check that decides between
     * serving the cache and recomputing, plus HTTP.
     */
    static Map<String, List<Double>> hitTimes(ControlClient client, List<String> keys, int repeats)
            throws IOException, InterruptedException {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int round = 0; round < repeats; round++) {
            for (String key : keys) {
                ControlClient.Timed hit = client.timedGet("/api/cards/" + encode(key), false, Duration.ofMinutes(3));
                millis.computeIfAbsent(key, k -> new ArrayList<>()).add(hit.millis());
            }
        }
        return millis;
    }

    /**
     * The fingerprint-check table: per card, the GET of a cached card with the watch service (whose events
     * vouch for unchanged directories, so the check re-walks nothing) and in poll-only mode (every check walks
     * the card's watched files).
     */
    static void fingerprintTable(ResultTable table, String label, Map<String, List<Double>> watchService,
            Map<String, List<Double>> pollOnly) {
        if (pollOnly.isEmpty()) {
            return;
        }
        List<String> header = List.of("card", "watch service median ms", "watch service min–max ms",
                "poll only median ms", "poll only min–max ms");
        List<List<String>> rows = new ArrayList<>();
        for (String key : pollOnly.keySet()) {
            Stats vouched = Stats.of(watchService.getOrDefault(key, List.of()));
            Stats walked = Stats.of(pollOnly.get(key));
            rows.add(List.of(key, ResultTable.format(vouched.median()), spread(vouched), ResultTable.format(walked.median()),
                    spread(walked)));
        }
        table.extra("Fingerprint check per card on " + label + " (GET of a cached card: the check that decides hit or "
                + "recompute, plus HTTP)", header, rows);
    }

    private static String spread(Stats stats) {
        return stats.empty() ? "n/a" : ResultTable.format(stats.min()) + "–" + ResultTable.format(stats.max());
    }

    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    /** The per-card table: median cold seconds per project (and the spread of the largest). */
    static void perCardTable(ResultTable table, Map<String, CardTimes> byProject) {
        if (byProject.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>();
        header.add("card");
        List<String> labels = new ArrayList<>(byProject.keySet());
        for (String label : labels) {
            header.add(label + " median s");
            header.add(label + " min–max s");
            header.add(label + " badge");
        }
        List<String> keys = new ArrayList<>();
        byProject.values().forEach(t -> t.seconds.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>();
            row.add(key);
            for (String label : labels) {
                CardTimes t = byProject.get(label);
                Stats s = Stats.of(t.seconds.getOrDefault(key, List.of()));
                row.add(ResultTable.format(s.median()));
                row.add(spread(s));
                String badge = t.errors.containsKey(key) ? "error" : t.badges.getOrDefault(key, "");
                row.add(badge.replace("|", "/"));
            }
            rows.add(row);
        }
        table.extra("Cold compute per card (duration_s of cache:done, GET ?bust=1 one card at a time)", header, rows);
    }

}
