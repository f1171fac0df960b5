package dev.controlplane.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardRegistry;

/**
 * Where computations run: one at a time per card (concurrent requests for a card share one computation),
 * different cards in parallel on a bounded pool, never on an event-loop thread, each failed by its timeout
 * if it runs too long.
 */
final class Computations {
    private final CardComputation computation;
    private final FailurePublisher failures;
    private final ComputeTimeouts limits;
    private final ExecutorService workers;
    private final ScheduledExecutorService timeouts;
    private final Map<String, CompletableFuture<ObjectNode>> inflight = new ConcurrentHashMap<>();
    /** Keys whose computation is executing now (not merely queued for a worker). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** How the cards computed here read their peers: inline on the reader's thread, through this pool. */
    private final CardContext.Peers peers;

    Computations(CardComputation computation, FailurePublisher failures, ComputeTimeouts limits, int workers,
            CardRegistry registry, CacheStore store, FreshnessCheck freshness) {
        this.computation = computation;
        this.peers = new PeerReads(registry, store, freshness, this, limits);
        this.failures = failures;
        this.limits = limits;
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), daemon("card-compute"));
        this.timeouts = Executors.newSingleThreadScheduledExecutor(daemon("card-timeout"));
    }

    /** Starts (or joins) the computation of {@code card} on a worker; the future holds payload or failure. */
    CompletableFuture<ObjectNode> start(Card card, MissReason reason) {
        CompletableFuture<ObjectNode> created = new CompletableFuture<>();
        CompletableFuture<ObjectNode> existing = inflight.putIfAbsent(card.key(), created);
        while (existing != null && existing.isDone()) {
            // Finished, not yet forgotten: joining it would answer this request with an older computation.
            inflight.remove(card.key(), existing);
            existing = inflight.putIfAbsent(card.key(), created);
        }
        if (existing != null) {
            return existing;
        }
        created.whenComplete((payload, failure) -> inflight.remove(card.key(), created));
        long started = System.nanoTime();
        Future<?> task;
        try {
            task = workers.submit(() -> run(card, reason, created, started));
        } catch (RuntimeException e) {
            failures.fail(card.key(), created, "the server is shutting down", started);
            return created;
        }
        Duration limit = limits.of(card);
        timeouts.schedule(() -> {
            if (failures.fail(card.key(), created, "timed out after " + limit.toSeconds() + " s", started)) {
                task.cancel(true);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return created;
    }

    /** Computes {@code card} on the calling thread (a worker, or a reader computing its peer inline). */
    void run(Card card, MissReason reason, CompletableFuture<ObjectNode> result, long started) {
        String key = card.key();
        running.add(key);
        try {
            computation.compute(card, reason, result, started, peers);
        } finally {
            running.remove(key);
        }
    }

    /** True while a computation of {@code key} is started or queued. */
    boolean computing(String key) {
        return inflight.containsKey(key);
    }

    /** The computation of {@code key} executing now on some thread (not merely queued), if any. */
    Optional<CompletableFuture<ObjectNode>> executing(String key) {
        CompletableFuture<ObjectNode> future = inflight.get(key);
        return future != null && running.contains(key) ? Optional.of(future) : Optional.empty();
    }

    void shutdown() {
        workers.shutdownNow();
        timeouts.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
