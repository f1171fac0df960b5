package dev.controlplane.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Clock;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.support.ToolRunner;
import io.quarkus.logging.Log;

/**
 * One computation of one card, on the calling thread: {@code cache:miss}, the fingerprint taken first, the
 * refresh's project model, the card's context, the check for undeclared peer reads, the new entry, and
 * {@code cache:done} or {@code cache:error}. A failed computation never replaces the last good entry.
 */
final class CardComputation {
    private final CardRegistry registry;
    private final CacheStore store;
    private final FingerprintScanner scanner;
    private final ActivityLog activity;
    private final Event<BusEvent> events;
    private final ProjectDirectory project;
    private final int depth;
    private final ProjectModels models;
    private final FailurePublisher failures;

    CardComputation(CardRegistry registry, CacheStore store, FingerprintScanner scanner, ActivityLog activity,
            Event<BusEvent> events, ProjectDirectory project, int depth, ProjectModels models,
            FailurePublisher failures) {
        this.registry = registry;
        this.store = store;
        this.scanner = scanner;
        this.activity = activity;
        this.events = events;
        this.project = project;
        this.depth = depth;
        this.models = models;
        this.failures = failures;
    }

    /** Computes {@code card} and completes {@code result}, unless the timeout completed it first. */
    void compute(Card card, MissReason reason, CompletableFuture<ObjectNode> result, long started,
            CardContext.Peers peers) {
        String key = card.key();
        if (reason != MissReason.REMOTE) {
            ObjectNode miss = JsonNodeFactory.instance.objectNode();
            miss.put("reason", reason.id());
            events.fire(BusEvent.of(EventTypes.CACHE_MISS, key, miss));
        }
        try {
            if (!project.exists()) {
                throw new IllegalStateException("the project directory " + project.root() + " does not exist");
            }
            // Fingerprint first: a file edited while the card computes makes the next request recompute.
            // The watch paths include the peers' (derived by the registry): a dependent is stale with them.
            List<String> declared = registry.graph().watchPaths(key);
            Set<String> watch = new LinkedHashSet<>(declared);
            store.get(key).ifPresent(previous -> watch.addAll(previous.watch()));
            Fingerprint before = scanner.take(watch);
            boolean outermost = !models.inComputation();
            ProjectModel model = models.acquire();
            CardContext context = new CardContext(project.root(), project.stateDir(), depth,
                    ToolRunner.DEFAULT_TIMEOUT, card.peers(), peers, model);
            ObjectNode data = run(card, context, outermost);
            Set<String> discovered = context.discoveredWatchPaths();
            // Paths a peer found while computing (nested modules, included files) concern its readers too.
            for (String peer : registry.graph().allPeers(key)) {
                store.get(peer).ifPresent(entry -> discovered.addAll(entry.watch()));
            }
            Fingerprint fingerprint = withDiscovered(declared, before, discovered);
            double elapsed = Clock.seconds(System.nanoTime() - started);
            Optional<CacheEntry> previous = store.get(key);
            if (reason == MissReason.REMOTE && card instanceof RemoteCard && previous.isPresent()
                    && previous.get().schema() == card.schema() && previous.get().data().equals(data)) {
                // A poll found the remote data as before: nothing to publish, and the age stays "since the data
                // last changed". A refresh the user asked for is answered like any other.
                synchronized (result) {
                    if (!result.isDone()) {
                        result.complete(previous.get().payload(true));
                    }
                }
                return;
            }
            publish(new CacheEntry(key, data, System.currentTimeMillis() / 1000.0, elapsed, card.schema(),
                    List.copyOf(fingerprint.parts().keySet()), fingerprint.stored(), fingerprint), result);
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            failures.fail(key, result, "cancelled", started);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            Log.warnf("Card '%s' failed: %s", key, e.toString());
            Log.debugf(e, "Card '%s' failure", key);
            failures.fail(key, result, FailurePublisher.describe(e), started);
        }
    }

    /**
     * The card's own work, in the refresh's project model (a peer computed inline keeps its reader's model);
     * a read of an undeclared peer fails the computation even when the card caught the exception.
     */
    private ObjectNode run(Card card, CardContext context, boolean outermost) throws Exception {
        ObjectNode data;
        try {
            data = card.compute(context);
        } finally {
            models.release(outermost);
        }
        if (!context.undeclaredPeerReads().isEmpty()) {
            throw new IllegalStateException("the card reads undeclared peers " + context.undeclaredPeerReads());
        }
        if (data == null || !data.path("summary").isObject()) {
            throw new IllegalStateException("the card returned no summary");
        }
        return data;
    }

    /** Stores and publishes the new entry; locked against the timeout: exactly one of done and error is published. */
    private void publish(CacheEntry entry, CompletableFuture<ObjectNode> result) {
        synchronized (result) {
            if (result.isDone()) {
                return; // timed out meanwhile: the error is already published
            }
            store.put(entry);
            activity.record(entry.key(), "ok", entry.elapsedS(), entry.data().get("summary"), null);
            ObjectNode payload = entry.payload(false);
            events.fire(BusEvent.of(EventTypes.CACHE_DONE, entry.key(), payload).withDuration(entry.elapsedS()));
            result.complete(payload);
        }
    }

    /** Adds the scans of watch paths the card discovered while computing (only the ones not yet scanned). */
    private Fingerprint withDiscovered(List<String> declared, Fingerprint before, Set<String> discovered) {
        List<String> missing = new ArrayList<>();
        for (String path : discovered) {
            if (!before.parts().containsKey(path)) {
                missing.add(path);
            }
        }
        // Paths discovered earlier but no longer found are dropped, unless the card declares them itself.
        Map<String, PatternScan> scans = new LinkedHashMap<>();
        before.parts().forEach((pattern, scan) -> {
            if (declared.contains(pattern) || discovered.contains(pattern)) {
                scans.put(pattern, scan);
            }
        });
        for (String path : missing) {
            scans.put(path, scanner.scan(path));
        }
        return scans.keySet().equals(before.parts().keySet()) ? before : scanner.combine(scans);
    }
}
