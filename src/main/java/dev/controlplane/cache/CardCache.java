package dev.controlplane.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Clock;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.support.ToolRunner;
import io.quarkus.logging.Log;

/**
 * Serves cards: from the cache while their watched files are unchanged, otherwise by computing them once
 * (concurrent requests for one card share one computation; different cards compute in parallel on a bounded
 * pool, never on an event-loop thread). Every step is published: {@code cache:hit}, {@code cache:miss},
 * {@code cache:done}, {@code cache:error}. A failed or timed-out computation never replaces the last good
 * entry.
 */
@ApplicationScoped
public class CardCache {
    private static final int MAX_ERROR_LENGTH = 500;

    private final CardRegistry registry;
    private final CacheStore store;
    private final FingerprintScanner scanner;
    private final ActivityLog activity;
    private final Event<BusEvent> events;
    private final ProjectDirectory project;
    private final Duration computeTimeout;
    private final int depth;
    private final ExecutorService workers;
    private final ScheduledExecutorService timeouts;
    private final Map<String, CompletableFuture<ObjectNode>> inflight = new ConcurrentHashMap<>();
    /**
     * Entry digests the staleness watcher vouches for: while its OS watches are healthy and no event touched
     * the card since it compared the files, a request is a hit without reading the tree again.
     */
    private final Map<String, String> vouched = new ConcurrentHashMap<>();
    /** Bumped by every file event for a key, so a vouch based on an older reading is refused. */
    private final Map<String, Long> doubts = new ConcurrentHashMap<>();
    /** Keys whose computation is executing now (not merely queued for a worker). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** One reading of the project per refresh, shared by the cards computed in it. */
    private final ProjectModels models;

    public CardCache(CardRegistry registry, CacheStore store, FingerprintScanner scanner, ActivityLog activity,
            Event<BusEvent> events, ProjectDirectory project, ControlPlaneConfig config) {
        this.registry = registry;
        this.store = store;
        this.scanner = scanner;
        this.activity = activity;
        this.events = events;
        this.project = project;
        this.computeTimeout = config.cache().computeTimeout();
        this.depth = Math.max(1, config.watch().depth());
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.cache().workers()), daemon("card-compute"));
        this.timeouts = Executors.newSingleThreadScheduledExecutor(daemon("card-timeout"));
        this.models = new ProjectModels(project.root());
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
        workers.shutdownNow();
        timeouts.shutdownNow();
    }

    /**
     * The card's payload with {@code _cache}, from the cache when nothing it watches changed (blocking: call
     * from a worker thread).
     *
     * @throws UnknownCardException when no card has this key
     * @throws CardFailedException  when the computation fails or times out
     */
    public ObjectNode get(String key, boolean force) {
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
            return entry.payload(true);
        }
        return await(key, compute(card, reason));
    }

    /**
     * Why the card would be recomputed now, or null when its cache entry is still good. Reads the watched
     * files (blocking).
     */
    public MissReason check(Card card) {
        Optional<CacheEntry> cached = store.get(card.key());
        if (cached.isEmpty() || cached.get().schema() != card.schema()) {
            return MissReason.ABSENT;
        }
        CacheEntry entry = cached.get();
        Optional<Duration> maxAge = registry.graph().maxAge(card.key());
        if (maxAge.isPresent() && System.currentTimeMillis() / 1000.0 - entry.cachedAt() > maxAge.get().toSeconds()) {
            return MissReason.TTL;
        }
        // A project directory renamed away keeps its OS watches (they follow the inode) and so its vouches:
        // without this look the cards would be served as fresh for a project that is not there.
        if (entry.stored().digest().equals(vouched.get(card.key())) && project.exists()) {
            return null;
        }
        Fingerprint now = scanner.take(entry.watch());
        if (!scanner.matches(entry.stored(), now)) {
            return MissReason.EXPIRED;
        }
        return null;
    }

    /** Starts (or joins) a computation in the background; the future holds the payload or the failure. */
    public CompletableFuture<ObjectNode> refresh(String key, MissReason reason) {
        Card card = registry.find(key).orElseThrow(() -> new UnknownCardException(key));
        return compute(card, reason);
    }

    public Optional<CacheEntry> entry(String key) {
        return store.get(key);
    }

    public Map<String, CacheEntry> entries() {
        return store.all();
    }

    /** How many file events touched {@code key} so far: read before comparing files, passed to {@link #vouch}. */
    public long doubtCount(String key) {
        return doubts.getOrDefault(key, 0L);
    }

    /** The OS reported a change under {@code keys}: their next request reads the files again. */
    public void doubt(Collection<String> keys) {
        models.invalidate();
        synchronized (doubts) {
            for (String key : keys) {
                doubts.merge(key, 1L, Long::sum);
                vouched.remove(key);
            }
        }
    }

    /** The OS watches are not (or no longer) complete: nothing is vouched for. */
    public void doubtAll() {
        models.invalidate();
        doubt(List.copyOf(vouched.keySet()));
    }

    /**
     * The watcher compared the files of {@code key} with its entry and found them equal, and no event has
     * touched it since {@code doubtCount} was read: requests may skip the comparison until the next event.
     */
    public void vouch(String key, String entryDigest, long doubtCount) {
        synchronized (doubts) {
            if (doubtCount(key) == doubtCount) {
                vouched.put(key, entryDigest);
            }
        }
    }

    /** True while a computation of {@code key} runs. */
    public boolean computing(String key) {
        return inflight.containsKey(key);
    }

    /** Drops the entries of {@code keys}; the next request recomputes them. */
    public void invalidate(Collection<String> keys) {
        store.remove(keys);
    }

    private CompletableFuture<ObjectNode> compute(Card card, MissReason reason) {
        CompletableFuture<ObjectNode> created = new CompletableFuture<>();
        CompletableFuture<ObjectNode> running = inflight.putIfAbsent(card.key(), created);
        while (running != null && running.isDone()) {
            // Finished, not yet forgotten: joining it would answer this request with an older computation.
            inflight.remove(card.key(), running);
            running = inflight.putIfAbsent(card.key(), created);
        }
        if (running != null) {
            return running;
        }
        created.whenComplete((payload, failure) -> inflight.remove(card.key(), created));
        long started = System.nanoTime();
        Future<?> task;
        try {
            task = workers.submit(() -> run(card, reason, created, started));
        } catch (RuntimeException e) {
            fail(card.key(), created, "the server is shutting down", started);
            return created;
        }
        timeouts.schedule(() -> {
            if (fail(card.key(), created, "timed out after " + computeTimeout.toSeconds() + " s", started)) {
                task.cancel(true);
            }
        }, computeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return created;
    }

    private void run(Card card, MissReason reason, CompletableFuture<ObjectNode> result, long started) {
        String key = card.key();
        running.add(key);
        try {
            compute(card, reason, result, started);
        } finally {
            running.remove(key);
        }
    }

    private void compute(Card card, MissReason reason, CompletableFuture<ObjectNode> result, long started) {
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
            ObjectNode data;
            CardContext context = new CardContext(project.root(), project.stateDir(), depth,
                    ToolRunner.DEFAULT_TIMEOUT, card.peers(), peers, model);
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
            CacheEntry entry = new CacheEntry(key, data, System.currentTimeMillis() / 1000.0, elapsed,
                    card.schema(), List.copyOf(fingerprint.parts().keySet()), fingerprint.stored(), fingerprint);
            // Locked against the timeout: exactly one of done and error is published, before waiters wake.
            synchronized (result) {
                if (result.isDone()) {
                    return; // timed out meanwhile: the error is already published
                }
                store.put(entry);
                activity.record(key, "ok", elapsed, data.get("summary"), null);
                ObjectNode payload = entry.payload(false);
                events.fire(BusEvent.of(EventTypes.CACHE_DONE, key, payload).withDuration(elapsed));
                result.complete(payload);
            }
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            fail(key, result, "cancelled", started);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            Log.warnf("Card '%s' failed: %s", key, e.toString());
            Log.debugf(e, "Card '%s' failure", key);
            fail(key, result, describe(e), started);
        }
    }

    /** Peer reads for card contexts: computed on demand ({@link #peer}) or cached only (remote keys). */
    private final CardContext.Peers peers = new CardContext.Peers() {
        @Override
        public ObjectNode get(String key) throws Exception {
            return peer(key);
        }

        @Override
        public ObjectNode cached(String key) {
            return store.get(key).map(entry -> entry.payload(true)).orElse(null);
        }
    };

    /**
     * Another card's current result, for cards that summarise others. Fresh cache entries are used as they
     * are; a computation already executing is joined; anything else is computed on the calling thread (and
     * published and stored like any computation). Never waiting on a merely queued computation is what keeps
     * a full worker pool from deadlocking.
     */
    private ObjectNode peer(String key) throws Exception {
        Card card = registry.find(key).orElseThrow(() -> new UnknownCardException(key));
        CompletableFuture<ObjectNode> executing = inflight.get(key);
        if (executing != null && running.contains(key)) {
            return unwrap(key, executing);
        }
        MissReason reason = check(card);
        if (reason == null) {
            return store.get(key).orElseThrow().payload(true);
        }
        CompletableFuture<ObjectNode> inline = new CompletableFuture<>();
        run(card, reason, inline, System.nanoTime());
        return unwrap(key, inline);
    }

    private ObjectNode unwrap(String key, CompletableFuture<ObjectNode> future) throws InterruptedException {
        try {
            return future.get(computeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new CardFailedException(key, "card '" + key + "' is not available: "
                    + (e.getCause() == null ? "timed out" : e.getCause().getMessage()));
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

    /** Publishes the failure once, whichever of the computation and the timeout comes first. */
    private boolean fail(String key, CompletableFuture<ObjectNode> result, String message, long started) {
        synchronized (result) {
            if (result.isDone()) {
                return false;
            }
            double elapsed = Clock.seconds(System.nanoTime() - started);
            activity.record(key, "error", elapsed, null, message);
            events.fire(BusEvent.of(EventTypes.CACHE_ERROR, key, JsonNodeFactory.instance.objectNode())
                    .withError(message).withDuration(elapsed));
            result.completeExceptionally(new CardFailedException(key, message));
            return true;
        }
    }

    private ObjectNode await(String key, CompletableFuture<ObjectNode> future) {
        try {
            return future.get(computeTimeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CardFailedException failed) {
                throw failed;
            }
            throw new CardFailedException(key, describe(e.getCause()));
        } catch (TimeoutException e) {
            throw new CardFailedException(key, "timed out after " + computeTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardFailedException(key, "interrupted");
        }
    }

    /** A one-line message for users: never a stack trace, never longer than a few lines of text. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replaceAll("\\s+", " ").trim();
        if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
            text = "the project is too large or too deeply nested to compute this card (" + e.getClass().getSimpleName() + ")";
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
    }

    /** The last computation time of a card, for slowest-first ordering (unknown = slowest). */
    public double lastElapsed(String key) {
        return store.get(key).map(CacheEntry::elapsedS).orElse(Double.MAX_VALUE);
    }

    /** The summary of a card's cached payload, if any. */
    public Optional<JsonNode> summary(String key) {
        return store.get(key).map(e -> e.data().get("summary"));
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
