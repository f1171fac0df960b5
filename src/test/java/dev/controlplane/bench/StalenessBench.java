package dev.controlplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Change → {@code state:stale} latency: with an SSE client connected, append a line to a file a cached card
 * watches and time from just before the write to the arrival of that card's {@code state:stale} frame. Edits
 * are spaced more than the server's 1 s coalescing window apart (also after the previous frame arrived), so
 * every edit is its own announcement; after the first edit the card is already stale and each later edit is
 * announced again ("a later change while still stale fires again"), which goes through the same detection path.
 */
final class StalenessBench {
    private final BenchContext ctx;

    StalenessBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** A watched file and the card that watches it. */
    record Target(String key, Path file, String relative) {
    }

    void run(String mode, String label, AppProcess app, Path project) throws IOException, InterruptedException {
        String section = "change → state:stale (" + label + ")";
        ControlClient client = new ControlClient(app.base);
        Optional<Target> found = findTarget(client, project);
        if (found.isEmpty()) {
            ctx.table.missing(section, mode, "no cached card watches a file of this project");
            return;
        }
        Target target = found.get();
        // The card must be cached (and its directories registered) for a change to be announced.
        client.timedGet("/api/cards/" + ComputeBench.encode(target.key()), false, Duration.ofMinutes(3));
        JsonNode watch = BenchContext.awaitWatcher(client, mode.startsWith("watch"), Duration.ofSeconds(30));
        BenchContext.log("staleness %s: editing %s (card %s), %d edits; watcher: %s, %s dirs", mode, target.relative(),
                target.key(), ctx.plan.staleEdits(), watch.path("mode").asText(), watch.path("watched_directories").asText());
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        try (EventStream events = EventStream.open(app.base)) {
            events.await(EventStream.type("sys:ready"), Duration.ofSeconds(10));
            Thread.sleep(300);
            long lastWrite = 0;
            long lastFrame = 0;
            for (int i = 1; i <= ctx.plan.staleEdits(); i++) {
                long earliest = Math.max(lastWrite + ctx.plan.staleSpacingMillis() * 1_000_000L, lastFrame + 1_300_000_000L);
                long wait = earliest - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                events.drain();
                long written = System.nanoTime();
                Files.writeString(target.file(), "\n<!-- bench edit " + i + " -->\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                lastWrite = written;
                EventStream.Frame frame = events.await(f -> "state:stale".equals(f.event()) && target.key().equals(f.key()),
                        Duration.ofSeconds(10));
                if (frame == null) {
                    missed++;
                    lastFrame = System.nanoTime();
                } else {
                    lastFrame = frame.receivedNanos();
                    latencies.add((frame.receivedNanos() - written) / 1e6);
                }
            }
        }
        JsonNode after = client.get("/api/watch/stats");
        String note = "edit " + target.relative() + " → " + target.key() + "; " + latencies.size() + " of "
                + ctx.plan.staleEdits() + " seen, " + missed + " missed (10 s timeout); last poll "
                + ResultTable.format(after.path("last_poll_duration_ms").asDouble()) + " ms, last check "
                + ResultTable.format(after.path("last_check_duration_ms").asDouble()) + " ms";
        Stats perEdit = Stats.of(latencies);
        ctx.table.add(section, mode + ": latency per edit (median = p50)", "ms", perEdit, null, note);
        ctx.table.add(section, mode + ": p95", "ms", Stats.point(Stats.percentileOf(latencies, 95), latencies.size()), null, "");
        // Put the cards back to fresh, so what follows starts from a warm, clean cache.
        ComputeBench.ensureWarm(client, client.cardKeys());
    }

    /**
     * README.md when a card watches it; otherwise the first plain file a card watches, or the first file under a
     * watched directory.
     */
    static Optional<Target> findTarget(ControlClient client, Path project) throws IOException, InterruptedException {
        JsonNode cards = client.get("/api/cards");
        for (JsonNode card : cards) {
            for (JsonNode path : card.path("watch_paths")) {
                if ("README.md".equals(path.asText()) && Files.isRegularFile(project.resolve("README.md"))) {
                    return Optional.of(new Target(card.path("key").asText(), project.resolve("README.md"), "README.md"));
                }
            }
        }
        for (JsonNode card : cards) {
            for (JsonNode node : card.path("watch_paths")) {
                String path = node.asText();
                if (path.contains("*") || path.startsWith(".git/")) {
                    continue;
                }
                Path resolved = project.resolve(path);
                if (!path.endsWith("/") && Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(new Target(card.path("key").asText(), resolved, path));
                }
                if (path.endsWith("/") && Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> files = Files.walk(resolved, 3)) {
                        Optional<Path> first = files.filter(Files::isRegularFile).sorted().findFirst();
                        if (first.isPresent()) {
                            return Optional.of(new Target(card.path("key").asText(), first.get(),
                                    project.relativize(first.get()).toString()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
