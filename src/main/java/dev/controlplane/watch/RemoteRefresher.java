package dev.controlplane.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.MissReason;
import dev.controlplane.cache.Preferences;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventBus;
import dev.controlplane.events.EventTypes;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the remote keys ({@code gh-*}) current while someone is looking: every
 * {@code controlplane.remote.interval}, and at once when the git card's files change (a push, a branch switch),
 * but only while at least one event stream is connected — nobody watching, no call to GitHub. A check that
 * finds the same data publishes nothing (the cache compares). When GitHub cannot be reached or rate-limits,
 * the wait doubles up to {@value #MAX_BACKOFF_MINUTES} minutes and resets on the next good answer.
 */
@ApplicationScoped
public class RemoteRefresher {
    static final long MAX_BACKOFF_MINUTES = 10;
    /** Cards whose files show a push or a branch switch ({@code .git/HEAD}, {@code .git/refs/}, {@code .git/config}). */
    private static final Set<String> GIT_KEYS = Set.of("git", "github");

    private final CardRegistry registry;
    private final CardCache cache;
    private final Preferences preferences;
    private final EventBus bus;
    private final Duration interval;
    private final long waitMillis;
    private final ExecutorService triggered = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "remote-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean triggerQueued = new AtomicBoolean();

    private Duration delay;
    private long notBeforeMillis;

    public RemoteRefresher(CardRegistry registry, CardCache cache, Preferences preferences, EventBus bus,
            ControlPlaneConfig config) {
        this.registry = registry;
        this.cache = cache;
        this.preferences = preferences;
        this.bus = bus;
        this.interval = config.remote().interval();
        this.delay = interval;
        this.waitMillis = config.cache().computeTimeout().toMillis() + 5000;
    }

    @PreDestroy
    void shutdown() {
        triggered.shutdownNow();
    }

    @Scheduled(every = "${controlplane.remote.interval:60s}", delayed = "${controlplane.remote.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        synchronized (this) {
            if (System.currentTimeMillis() < notBeforeMillis) {
                return; // backing off
            }
        }
        refreshNow();
    }

    /** A push or a branch switch shows in the git card's files: check GitHub now rather than in a minute. */
    void onGitChange(@Observes BusEvent event) {
        if (!EventTypes.STATE_STALE.equals(event.type()) || !GIT_KEYS.contains(event.key())) {
            return;
        }
        if (triggerQueued.compareAndSet(false, true)) {
            try {
                triggered.execute(() -> {
                    triggerQueued.set(false);
                    refreshNow();
                });
            } catch (RejectedExecutionException e) {
                triggerQueued.set(false); // shutting down
            }
        }
    }

    /**
     * Checks every shown remote key now (the scheduled tick without its back-off wait; tests call it to avoid
     * waiting for the schedule). Nothing is checked while no event stream is connected.
     *
     * @return the keys whose data changed
     */
    public synchronized Set<String> refreshNow() {
        Set<String> changed = new LinkedHashSet<>();
        if (bus.stats().subscribers() == 0) {
            return changed;
        }
        List<String> keys = remoteKeys();
        // gh-workflows takes its last conclusions from gh-runs: check it once the runs are in.
        List<String> first = keys.stream().filter(k -> !"gh-workflows".equals(k)).toList();
        List<String> then = keys.stream().filter("gh-workflows"::equals).toList();
        boolean backOff = false;
        for (List<String> round : List.of(first, then)) {
            Map<String, Double> before = new LinkedHashMap<>();
            List<CompletableFuture<?>> futures = new ArrayList<>();
            for (String key : round) {
                before.put(key, cache.entry(key).map(CacheEntry::cachedAt).orElse(Double.NaN));
                futures.add(cache.refresh(key, MissReason.REMOTE).handle((payload, failure) -> null));
            }
            await(futures);
            for (String key : round) {
                var entry = cache.entry(key);
                if (entry.isPresent() && entry.get().cachedAt() != before.get(key)) {
                    changed.add(key);
                }
                String state = entry.map(e -> e.data().path("state").asText("")).orElse("");
                backOff |= "offline".equals(state) || "rate_limited".equals(state);
            }
        }
        schedule(backOff);
        return changed;
    }

    /** The wait before the next scheduled check: the interval, doubled per failed check up to the maximum. */
    public synchronized Duration currentDelay() {
        return delay;
    }

    private synchronized void schedule(boolean backOff) {
        Duration max = Duration.ofMinutes(MAX_BACKOFF_MINUTES);
        delay = !backOff ? interval : delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
        // The schedule ticks every interval: skip ticks until the delay has passed (less one tick's slack).
        notBeforeMillis = backOff ? System.currentTimeMillis() + delay.toMillis() - interval.toMillis() / 2 : 0;
        if (backOff) {
            Log.debugf("GitHub unreachable or rate-limited: next check in %d s", delay.toSeconds());
        }
    }

    private List<String> remoteKeys() {
        List<String> keys = new ArrayList<>();
        for (Card card : registry.all()) {
            if (card instanceof RemoteCard && preferences.of(card.key()) != Pref.HIDDEN) {
                keys.add(card.key());
            }
        }
        return keys;
    }

    private void await(List<CompletableFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Log.debugf("Remote refresh ended with %s", e.toString());
        }
    }
}
