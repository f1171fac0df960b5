package dev.controlplane.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardRegistry;

/**
 * Peer reads for card contexts: another card's current result, for cards that summarise others. Fresh cache
 * entries are used as they are; a computation already executing is joined; anything else is computed on the
 * calling thread (and published and stored like any computation). Never waiting on a merely queued
 * computation is what keeps a full worker pool from deadlocking. Remote keys are read from the cache only.
 */
final class PeerReads implements CardContext.Peers {
    private final CardRegistry registry;
    private final CacheStore store;
    private final FreshnessCheck freshness;
    private final Computations computations;
    private final ComputeTimeouts limits;

    PeerReads(CardRegistry registry, CacheStore store, FreshnessCheck freshness, Computations computations,
            ComputeTimeouts limits) {
        this.registry = registry;
        this.store = store;
        this.freshness = freshness;
        this.computations = computations;
        this.limits = limits;
    }

    @Override
    public ObjectNode get(String key) throws Exception {
        Card card = registry.find(key).orElseThrow(() -> new UnknownCardException(key));
        Optional<CompletableFuture<ObjectNode>> executing = computations.executing(key);
        if (executing.isPresent()) {
            return unwrap(card, executing.get());
        }
        MissReason reason = freshness.check(card);
        if (reason == null) {
            return store.get(key).orElseThrow().payload(true);
        }
        CompletableFuture<ObjectNode> inline = new CompletableFuture<>();
        computations.run(card, reason, inline, System.nanoTime());
        return unwrap(card, inline);
    }

    @Override
    public ObjectNode cached(String key) {
        return store.get(key).map(entry -> entry.payload(true)).orElse(null);
    }

    private ObjectNode unwrap(Card card, CompletableFuture<ObjectNode> future) throws InterruptedException {
        String key = card.key();
        try {
            return future.get(limits.of(card).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new CardFailedException(key, "card '" + key + "' is not available: "
                    + (e.getCause() == null ? "timed out" : e.getCause().getMessage()));
        }
    }
}
