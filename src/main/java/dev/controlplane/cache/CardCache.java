package dev.controlplane.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.ProjectDirectory;

/**
 * Serves cards: from the cache while their watched files are unchanged, otherwise by computing them once
 * (concurrent requests for one card share one computation; different cards compute in parallel on a bounded
 * pool, never on an event-loop thread). Every step is published: {@code cache:hit}, {@code cache:miss},
 * {@code cache:done}, {@code cache:error}. A failed or timed-out computation never replaces the last good
 * entry. This is the cache's face for api/ and watch/; the work is done by {@link FreshnessCheck} (is an
 * entry good), {@link Computations} (where and how long computations run), {@link CardComputation} (one
 * computation), {@link PeerReads} (a card reading another), {@link FailurePublisher} and {@link Vouches}.
 */
@ApplicationScoped
public class CardCache {
    private final CardRegistry registry;
    private final CacheStore store;
    private final Event<BusEvent> events;
    private final ComputeTimeouts limits;
    /** One reading of the project per refresh, shared by the cards computed in it. */
    private final ProjectModels models;
    private final Vouches vouches = new Vouches();
    private final FreshnessCheck freshness;
    private final Computations computations;

    public CardCache(CardRegistry registry, CacheStore store, FingerprintScanner scanner, ActivityLog activity,
            Event<BusEvent> events, ProjectDirectory project, ControlPlaneConfig config) {
        this.registry = registry;
        this.store = store;
        this.events = events;
        this.limits = ComputeTimeouts.of(config.cache());
        this.models = new ProjectModels(project.root());
        this.freshness = new FreshnessCheck(registry, store, scanner, vouches, project);
        FailurePublisher failures = new FailurePublisher(activity, events);
        CardComputation computation = new CardComputation(registry, store, scanner, activity, events, project,
                Math.max(1, config.watch().depth()), models, failures);
        this.computations = new Computations(computation, failures, limits, config.cache().workers(),
                registry, store, freshness);
    }

    /**
     * A refresh starts (a background batch, a forced request): its cards read the project afresh, files no
     * watch covers included, and share that reading.
     */
    public void newRefresh() {
        models.invalidate();
    }

    /** Told by the watcher: with complete OS watches the cards of a refresh share one project model. */
    public void shareProjectModel(boolean healthyWatches) {
        models.share(healthyWatches);
    }

    @PreDestroy
    void shutdown() {
        computations.shutdown();
    }

    /**
     * The card's payload with {@code _cache}, from the cache when nothing it watches changed (blocking: call
     * from a worker thread).
     *
     * @throws UnknownCardException when no card has this key
     * @throws CardFailedException  when the computation fails or times out
     */
    public ObjectNode get(String key, boolean force) {
        Served served = serve(key, force);
        return served.hit() != null ? served.hit().payload(true) : served.computed();
    }

    /**
     * As {@link #get}, but a hit hands back its entry instead of a copy of the payload: the API writes the
     * entry's stored bytes, so a hit the watcher vouches for neither copies nor serialises the card's tree.
     */
    public Served serve(String key, boolean force) {
        Card card = registry.find(key).orElseThrow(() -> new UnknownCardException(key));
        MissReason reason = force ? MissReason.FORCED : check(card);
        if (force) {
            newRefresh();
        }
        if (reason == null) {
            CacheEntry entry = store.get(key).orElseThrow();
            ObjectNode hit = JsonNodeFactory.instance.objectNode();
            hit.put("age_seconds", entry.ageSeconds(System.currentTimeMillis() / 1000.0));
            events.fire(BusEvent.of(EventTypes.CACHE_HIT, key, hit));
            return Served.hit(entry);
        }
        return Served.computed(await(card, computations.start(card, reason)));
    }

    /**
     * Why the card would be recomputed now, or null when its cache entry is still good. Reads the watched
     * files (blocking).
     */
    public MissReason check(Card card) {
        return freshness.check(card);
    }

    /** Starts (or joins) a computation in the background; the future holds the payload or the failure. */
    public CompletableFuture<ObjectNode> refresh(String key, MissReason reason) {
        Card card = registry.find(key).orElseThrow(() -> new UnknownCardException(key));
        return computations.start(card, reason);
    }

    public Optional<CacheEntry> entry(String key) {
        return store.get(key);
    }

    public Map<String, CacheEntry> entries() {
        return store.all();
    }

    /** How many file events touched {@code key} so far: read before comparing files, passed to {@link #vouch}. */
    public long doubtCount(String key) {
        return vouches.doubtCount(key);
    }

    /** The OS reported a change under {@code keys}: their next request reads the files again. */
    public void doubt(Collection<String> keys) {
        models.invalidate();
        vouches.doubt(keys);
    }

    /** The OS watches are not (or no longer) complete: nothing is vouched for. */
    public void doubtAll() {
        models.invalidate();
        vouches.doubtAll();
    }

    /**
     * The watcher compared the files of {@code key} with its entry and found them equal, and no event has
     * touched it since {@code doubtCount} was read: requests may skip the comparison until the next event.
     */
    public void vouch(String key, String entryDigest, long doubtCount) {
        vouches.vouch(key, entryDigest, doubtCount);
    }

    /** True while a computation of {@code key} runs. */
    public boolean computing(String key) {
        return computations.computing(key);
    }

    /** Drops the entries of {@code keys}; the next request recomputes them. */
    public void invalidate(Collection<String> keys) {
        store.remove(keys);
    }

    private ObjectNode await(Card card, CompletableFuture<ObjectNode> future) {
        String key = card.key();
        Duration limit = limits.of(card);
        try {
            return future.get(limit.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CardFailedException failed) {
                throw failed;
            }
            throw new CardFailedException(key, FailurePublisher.describe(e.getCause()));
        } catch (TimeoutException e) {
            throw new CardFailedException(key, "timed out after " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardFailedException(key, "interrupted");
        }
    }

    /** The last computation time of a card, for slowest-first ordering (unknown = slowest). */
    public double lastElapsed(String key) {
        return store.get(key).map(CacheEntry::elapsedS).orElse(Double.MAX_VALUE);
    }

    /** The summary of a card's cached payload, if any. */
    public Optional<JsonNode> summary(String key) {
        return store.get(key).map(e -> e.data().get("summary"));
    }
}
