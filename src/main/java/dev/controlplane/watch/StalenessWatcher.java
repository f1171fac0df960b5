package dev.controlplane.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;


import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.Fingerprint;
import dev.controlplane.cache.FingerprintScanner;
import dev.controlplane.cache.PatternScan;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * Tells every open dashboard, at once, that a cached card's files changed — without recomputing anything.
 * <p>
 * A scheduled poll compares each cached card's current fingerprint with the one stored in the cache. The OS
 * watch service is the fast path: an event in a watched directory triggers, after a short debounce that
 * gathers an editor's save sequence, a check of only the cards that watch that path. Once the watch service
 * covers everything, the poll runs rarely (it only has to catch what the OS cannot report).
 * <p>
 * This class schedules: the poll, the checks (on one thread, so no two interleave) and the OS watches. What
 * the OS reports is gathered by {@link ChangeQueue}; whether a card is stale, and its announcement, is
 * {@link StaleEvaluator}'s.
 */
@ApplicationScoped
public class StalenessWatcher {
    static final long COALESCE_MILLIS = StaleEvaluator.COALESCE_MILLIS;

    private final CardCache cache;
    private final FingerprintScanner scanner;
    private final AutoRefresher autoRefresher;
    private final StaleEvaluator evaluator;
    private final ChangeQueue queue;
    private final Path root;
    private final boolean useWatchService;
    private final long pollMillis;
    private final long healthyPollMillis;

    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "staleness-check");
        thread.setDaemon(true);
        return thread;
    });
    private final WatchedDirectories watched;

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private volatile long lastFullCheckMillis;
    private volatile double lastPollMs;
    private volatile double lastCheckMs;
    private volatile DirectoryWatcher directories;
    /** Which directory stood at the project's path at the last poll. */
    private final RootIdentity rootIdentity;
    /** Set by a check that found no project directory; only the checker thread reads and writes it. */
    private boolean rootWasMissing;

    public StalenessWatcher(CardCache cache, FingerprintScanner scanner, Event<BusEvent> events, Vertx vertx,
            AutoRefresher autoRefresher, ProjectDirectory project, ControlPlaneConfig config) {
        this.cache = cache;
        this.scanner = scanner;
        this.autoRefresher = autoRefresher;
        this.root = project.root();
        this.evaluator = new StaleEvaluator(scanner, events, autoRefresher, root);
        this.watched = new WatchedDirectories(scanner, root);
        this.rootIdentity = new RootIdentity(root);
        this.queue = new ChangeQueue(vertx, () -> submit(this::checkPending));
        this.useWatchService = config.watch().service();
        this.pollMillis = config.watch().interval().toMillis();
        this.healthyPollMillis = Math.max(pollMillis, config.watch().healthyPollInterval().toMillis());
    }

    void start(@Observes StartupEvent ignored) {
        if (useWatchService) {
            DirectoryWatcher watcher = new DirectoryWatcher(root, this::nudge);
            if (watcher.start()) {
                directories = watcher;
            }
        }
        submit(this::checkAll);
    }

    void stop(@Observes ShutdownEvent ignored) {
        DirectoryWatcher watcher = directories;
        directories = null;
        if (watcher != null) {
            watcher.close();
        }
        checker.shutdownNow();
    }

    /**
     * A card was just computed or busted: check it at once, which also registers the directories it now
     * watches, so the fast path covers it from the first save on (the bus stays the one publisher; this only
     * queues work for the checker thread).
     */
    void onCacheChange(@Observes BusEvent event) {
        if (EventTypes.CACHE_DONE.equals(event.type())) {
            queue.keys(List.of(event.key()));
        } else if (EventTypes.CACHE_BUST.equals(event.type())) {
            event.data().path("keys").forEach(key -> evaluator.forget(key.asText()));
        }
    }

    /** The safety net under the watch service, and the only mechanism without it. */
    @Scheduled(every = "${controlplane.watch.interval:5s}", delayed = "${controlplane.watch.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        DirectoryWatcher watcher = directories;
        boolean healthy = watcher != null && watcher.healthy();
        cache.shareProjectModel(healthy);
        if (!healthy) {
            cache.doubtAll(); // without complete OS watches nobody can vouch for the files
        }
        if (rootIdentity.changed()) {
            // The project's path went away, came back, or another directory stands there now: the OS watches
            // follow the old directory and report none of it, so only a full check can tell what the files are.
            cache.doubtAll();
            lastFullCheckMillis = 0;
        }
        if (healthy && System.currentTimeMillis() - lastFullCheckMillis < healthyPollMillis) {
            return;
        }
        long started = System.nanoTime();
        Future<?> done = submit(this::checkAll);
        if (done != null) {
            try {
                done.get(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Log.warnf("Staleness poll failed: %s", e.toString());
            }
        }
        polls.incrementAndGet();
        lastPollMs = (System.nanoTime() - started) / 1_000_000.0;
    }

    /** From the watch-service thread: something under {@code path} changed ({@code null}: anything may have). */
    private void nudge(Path path) {
        if (path == null) {
            cache.doubtAll();
            queue.everything();
        } else {
            // At once, before the debounce: from now on a request for these cards reads the files again.
            List<Path> one = List.of(path);
            List<String> keys = new ArrayList<>();
            for (CacheEntry entry : cache.entries().values()) {
                if (watched.affected(entry, one)) {
                    keys.add(entry.key());
                }
            }
            cache.doubt(keys);
            queue.path(path);
        }
    }

    private Future<?> submit(Runnable task) {
        try {
            return checker.submit(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // The watcher never dies of a bad check: log, and the next check starts afresh.
                    Log.warnf(e, "Staleness check failed");
                }
            });
        } catch (RejectedExecutionException e) {
            return null; // shutting down
        }
    }

    private void checkAll() {
        queue.clear();
        lastFullCheckMillis = System.currentTimeMillis();
        check(cache.entries().keySet(), null);
    }

    private void checkPending() {
        if (queue.takeAll()) {
            checkAll();
            return;
        }
        Set<String> recomputed = new LinkedHashSet<>(queue.takeKeys());
        List<Path> paths = queue.takePaths();
        Set<String> touched = new LinkedHashSet<>();
        if (!paths.isEmpty()) {
            for (CacheEntry entry : cache.entries().values()) {
                if (watched.affected(entry, paths)) {
                    touched.add(entry.key());
                }
            }
        }
        if (!recomputed.isEmpty()) {
            check(recomputed, null); // a fresh entry: scan its patterns fully, once
        }
        touched.removeAll(recomputed);
        if (!touched.isEmpty()) {
            check(touched, paths); // re-read only what the OS reported
        }
    }

    /**
     * Compares the given cards with their cache entries. With {@code changed} paths (from the OS), patterns
     * are updated by re-reading just those paths; without, they are scanned in full.
     */
    private void check(Collection<String> keys, List<Path> changed) {
        if (!Files.isDirectory(root)) {
            rootWasMissing = true; // announced as every file gone, which it is while it lasts
        } else if (rootWasMissing) {
            // Back (moved away and back, or restored): its return is no OS event, and what was announced while
            // it was gone ("every file deleted") no longer holds. Forget it and check every card in full: those
            // whose files are as cached are quiet again, and a change is named against the cached files alone.
            rootWasMissing = false;
            evaluator.forgetAll();
            compare(cache.entries().keySet(), null);
            return;
        }
        compare(keys, changed);
    }

    /** The check itself; see {@link #check}. */
    private void compare(Collection<String> keys, List<Path> changed) {
        long started = System.nanoTime();
        checks.incrementAndGet();
        Map<String, CacheEntry> entries = cache.entries();
        evaluator.retain(entries.keySet());
        Map<String, PatternScan> scans = new HashMap<>();
        Map<String, Long> doubtsBefore = new HashMap<>();
        Map<CacheEntry, Fingerprint> current = new LinkedHashMap<>();
        for (String key : keys) {
            CacheEntry entry = entries.get(key);
            if (entry == null) {
                continue;
            }
            doubtsBefore.put(key, cache.doubtCount(key));
            Map<String, PatternScan> parts = new LinkedHashMap<>();
            for (String pattern : entry.watch()) {
                PatternScan scan = scans.computeIfAbsent(pattern,
                        p -> changed == null ? scanner.scan(p) : scanner.rescan(p, changed));
                watched.scanned(pattern, scan);
                parts.put(pattern, scan);
            }
            current.put(entry, scanner.combine(parts));
        }
        // Newly watched directories may have changed before they were watched: vouch only when none were added.
        DirectoryWatcher watcher = directories;
        boolean newDirectories = watcher != null && watched.sync(watcher, entries.values());
        boolean canVouch = !newDirectories && watcher != null && watcher.healthy();
        // Told at every check, not only at the next poll (5 s later): the first check after start-up finds the
        // watches complete, and the first refresh then shares one project model instead of one per card (on
        // 100k files, four workers each holding their own 30 MB file index filled the 128 MiB heap).
        cache.shareProjectModel(watcher != null && watcher.healthy());
        current.forEach((entry, fingerprint) -> {
            if (evaluator.evaluate(entry, fingerprint) && canVouch) {
                cache.vouch(entry.key(), entry.stored().digest(), doubtsBefore.get(entry.key()));
            }
        });
        if (newDirectories) {
            queue.keys(current.keySet().stream().map(CacheEntry::key).toList());
        }
        lastCheckMs = (System.nanoTime() - started) / 1_000_000.0;
    }

    public WatchStats stats() {
        DirectoryWatcher watcher = directories;
        boolean healthy = watcher != null && watcher.healthy();
        long stale = evaluator.stale();
        String problem = watcher != null ? watcher.problem() : (useWatchService ? "not started" : "disabled by configuration");
        return new WatchStats(healthy ? "watch-service + poll" : "poll only", healthy, problem,
                watcher == null ? 0 : watcher.watchedDirectories(), evaluator.tracked(), (int) stale,
                (healthy ? healthyPollMillis : pollMillis) / 1000.0, polls.get(), checks.get(), lastPollMs,
                lastCheckMs, watcher == null ? 0 : watcher.events(), evaluator.fired(), autoRefresher.enabled(),
                autoRefresher.refreshes());
    }
}
