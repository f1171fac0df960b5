package dev.controlplane.watch;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.Fingerprint;
import dev.controlplane.cache.FingerprintScanner;
import dev.controlplane.cache.PatternScan;
import dev.controlplane.cache.WatchPattern;
import dev.controlplane.cards.CardJson;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;
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
 * Each change is announced once per card ({@code state:stale}); further saves within {@value #COALESCE_MILLIS}
 * ms of an announcement are folded into it; a later change while still stale is announced again with its own
 * paths. A recomputed card re-arms. Checks run on one thread, so no two checks interleave.
 */
@ApplicationScoped
public class StalenessWatcher {
    static final long COALESCE_MILLIS = 1000;
    static final long NUDGE_DEBOUNCE_MILLIS = 50;
    static final int MAX_CHANGED = 10;

    private final CardCache cache;
    private final FingerprintScanner scanner;
    private final Event<BusEvent> events;
    private final Vertx vertx;
    private final AutoRefresher autoRefresher;
    private final Path root;
    private final boolean useWatchService;
    private final long pollMillis;
    private final long healthyPollMillis;

    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "staleness-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, StaleState> states = new ConcurrentHashMap<>();
    /** Directories each pattern covered at its last scan: what the watch service must observe. */
    private final Map<String, List<String>> patternDirectories = new ConcurrentHashMap<>();
    private final Set<Path> pendingPaths = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingKeys = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pendingAll = new AtomicBoolean();
    private final AtomicBoolean nudgeScheduled = new AtomicBoolean();

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();
    private volatile long lastFullCheckMillis;
    private volatile double lastPollMs;
    private volatile double lastCheckMs;
    private volatile DirectoryWatcher directories;
    /** The inode of the project root at the last poll (null when unknown or missing). */
    private Object rootKey;

    public StalenessWatcher(CardCache cache, FingerprintScanner scanner, Event<BusEvent> events, Vertx vertx,
            AutoRefresher autoRefresher, ProjectDirectory project, ControlPlaneConfig config) {
        this.cache = cache;
        this.scanner = scanner;
        this.events = events;
        this.vertx = vertx;
        this.autoRefresher = autoRefresher;
        this.root = project.root();
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
            pendingKeys.add(event.key());
            scheduleNudge();
        } else if (EventTypes.CACHE_BUST.equals(event.type())) {
            event.data().path("keys").forEach(key -> states.remove(key.asText()));
        }
    }

    /** The safety net under the watch service, and the only mechanism without it. */
    @Scheduled(every = "${controlplane.watch.interval:5s}", delayed = "${controlplane.watch.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        DirectoryWatcher watcher = directories;
        boolean healthy = watcher != null && watcher.healthy();
        if (!healthy) {
            cache.doubtAll(); // without complete OS watches nobody can vouch for the files
        }
        if (rootReplaced()) {
            // Another directory now stands at the project's path: the OS watches follow the old one.
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

    /** True (once) when the project root is no longer the directory it was at the last poll. */
    private boolean rootReplaced() {
        Object key;
        try {
            key = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
        } catch (java.io.IOException e) {
            key = null;
        }
        boolean replaced = rootKey != null && !rootKey.equals(key);
        rootKey = key;
        return replaced;
    }

    /** From the watch-service thread: something under {@code path} changed ({@code null}: anything may have). */
    private void nudge(Path path) {
        if (path == null) {
            pendingAll.set(true);
            cache.doubtAll();
        } else {
            pendingPaths.add(path);
            // At once, before the debounce: from now on a request for these cards reads the files again.
            List<Path> one = List.of(path);
            List<String> keys = new ArrayList<>();
            for (CacheEntry entry : cache.entries().values()) {
                if (affected(entry, one)) {
                    keys.add(entry.key());
                }
            }
            cache.doubt(keys);
        }
        scheduleNudge();
    }

    private void scheduleNudge() {
        if (nudgeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(NUDGE_DEBOUNCE_MILLIS, id -> {
                nudgeScheduled.set(false);
                submit(this::checkPending);
            });
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
        pendingAll.set(false);
        pendingPaths.clear();
        pendingKeys.clear();
        lastFullCheckMillis = System.currentTimeMillis();
        check(cache.entries().keySet(), null);
    }

    private void checkPending() {
        if (pendingAll.get()) {
            checkAll();
            return;
        }
        Set<String> recomputed = new LinkedHashSet<>(drain(pendingKeys));
        List<Path> paths = drain(pendingPaths);
        Set<String> touched = new LinkedHashSet<>();
        if (!paths.isEmpty()) {
            for (CacheEntry entry : cache.entries().values()) {
                if (affected(entry, paths)) {
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

    private static <T> List<T> drain(Set<T> pending) {
        List<T> items = new ArrayList<>(pending);
        pending.removeAll(items);
        return items;
    }

    private boolean affected(CacheEntry entry, List<Path> paths) {
        for (String text : entry.watch()) {
            WatchPattern pattern = WatchPattern.parse(text);
            for (Path path : paths) {
                if (PatternPaths.affects(pattern, root, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Compares the given cards with their cache entries. With {@code changed} paths (from the OS), patterns
     * are updated by re-reading just those paths; without, they are scanned in full.
     */
    private void check(Collection<String> keys, List<Path> changed) {
        long started = System.nanoTime();
        checks.incrementAndGet();
        Map<String, CacheEntry> entries = cache.entries();
        states.keySet().retainAll(entries.keySet());
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
                patternDirectories.put(pattern, watchDirectories(pattern, scan));
                parts.put(pattern, scan);
            }
            current.put(entry, scanner.combine(parts));
        }
        // Newly watched directories may have changed before they were watched: vouch only when none were added.
        boolean newDirectories = syncDirectories(entries.values());
        DirectoryWatcher watcher = directories;
        boolean canVouch = !newDirectories && watcher != null && watcher.healthy();
        current.forEach((entry, fingerprint) -> {
            if (evaluate(entry, fingerprint) && canVouch) {
                cache.vouch(entry.key(), entry.stored().digest(), doubtsBefore.get(entry.key()));
            }
        });
        if (newDirectories) {
            pendingKeys.addAll(current.keySet().stream().map(CacheEntry::key).toList());
            scheduleNudge();
        }
        lastCheckMs = (System.nanoTime() - started) / 1_000_000.0;
    }

    private List<String> watchDirectories(String pattern, PatternScan scan) {
        List<String> dirs = new ArrayList<>(scan.directories());
        if (dirs.isEmpty()) {
            // Not there yet: watch where it would appear.
            dirs.add(PatternPaths.relative(root, WatchPattern.parse(pattern).watchedDirectory(root)));
        }
        return dirs;
    }

    /** Announces the card stale if its files changed; returns true when they match its entry. */
    private boolean evaluate(CacheEntry entry, Fingerprint now) {
        String key = entry.key();
        StaleState state = states.get(key);
        if (state == null || state.entryCachedAt != entry.cachedAt() || !state.entryDigest.equals(entry.stored().digest())) {
            // A new entry (a recompute, even of identical files) re-arms: what was announced is about the old one.
            state = new StaleState(entry.cachedAt(), entry.stored().digest(), entry.fingerprint());
            states.put(key, state);
        }
        if (scanner.matches(entry.stored(), now)) {
            if (state.baseline == null) {
                state.baseline = now; // loaded from disk: from now on changes can be named
            }
            state.rearm();
            return true;
        }
        long nowMillis = System.currentTimeMillis();
        if (!state.stale()) {
            List<String> changed = state.baseline != null ? FingerprintScanner.changed(state.baseline, now, MAX_CHANGED)
                    : changedSince(entry, now);
            if (changed.isEmpty()) {
                // Same names, sizes and times: a same-tick rewrite, or a write racing this very check.
                changed = scanner.racyChanges(entry.stored(), MAX_CHANGED);
            }
            fire(entry, state, now, changed, nowMillis);
        } else if (!now.digest().equals(state.firedDigest)) {
            if (nowMillis - state.firedAtMillis < COALESCE_MILLIS) {
                state.fired(now, state.firedAtMillis); // folded into the announcement just made
                autoRefresher.changed(key);
            } else {
                fire(entry, state, now, FingerprintScanner.changed(state.firedFingerprint, now, MAX_CHANGED),
                        nowMillis);
            }
        }
        return false;
    }

    /** Without the fingerprint the entry was computed from (restart): files modified since it was cached. */
    private List<String> changedSince(CacheEntry entry, Fingerprint now) {
        long cachedNanos = (long) (entry.cachedAt() * 1_000_000_000d);
        List<String> changed = new ArrayList<>();
        for (PatternScan scan : now.parts().values()) {
            for (int i = 0; i < scan.size() && changed.size() < MAX_CHANGED; i++) {
                if (scan.mtime(i) > cachedNanos && !changed.contains(scan.path(i))) {
                    changed.add(scan.path(i));
                }
            }
        }
        if (changed.isEmpty()) {
            // Only deletions: name the watch paths whose contents differ.
            now.parts().forEach((pattern, scan) -> {
                String before = entry.stored().parts().get(pattern);
                if (changed.size() < MAX_CHANGED && !scan.digest().equals(before)) {
                    changed.add(pattern);
                }
            });
        }
        return changed;
    }

    private void fire(CacheEntry entry, StaleState state, Fingerprint now, List<String> changed, long nowMillis) {
        double detected = nowMillis / 1000.0;
        double fileMtime = 0;
        for (String path : changed) {
            fileMtime = Math.max(fileMtime, mtimeOrNow(path, detected));
        }
        if (fileMtime == 0) {
            fileMtime = detected;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("file_mtime", Clock.ofSeconds(fileMtime));
        data.put("cache_mtime", Clock.ofSeconds(entry.cachedAt()));
        data.put("stale_by_s", Math.max(0, Math.round((fileMtime - entry.cachedAt()) * 1000) / 1000.0));
        data.set("changed", CardJson.strings(changed));
        state.fired(now, nowMillis);
        fired.incrementAndGet();
        events.fire(BusEvent.of(EventTypes.STATE_STALE, entry.key(), data));
        autoRefresher.changed(entry.key());
    }

    /** A deleted file's "modification time" is when the deletion was seen. */
    private double mtimeOrNow(String relative, double now) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(root.resolve(relative), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attrs.isDirectory() ? now : attrs.lastModifiedTime().toMillis() / 1000.0;
        } catch (java.io.IOException e) {
            return now;
        }
    }

    private boolean syncDirectories(Collection<CacheEntry> entries) {
        DirectoryWatcher watcher = directories;
        if (watcher == null) {
            return false;
        }
        for (CacheEntry entry : entries) {
            for (String pattern : entry.watch()) {
                patternDirectories.computeIfAbsent(pattern, p -> watchDirectories(p, scanner.scan(p)));
            }
        }
        // Patterns stay watched after their card is busted: it is being recomputed, and a save between its
        // recomputation and a re-registration would otherwise go unseen. (There are a few dozen at most.)
        Set<Path> wanted = new LinkedHashSet<>();
        patternDirectories.values().forEach(dirs -> dirs.forEach(dir -> wanted.add(root.resolve(dir).normalize())));
        return watcher.sync(wanted);
    }

    public WatchStats stats() {
        DirectoryWatcher watcher = directories;
        boolean healthy = watcher != null && watcher.healthy();
        long stale = states.values().stream().filter(StaleState::stale).count();
        String problem = watcher != null ? watcher.problem() : (useWatchService ? "not started" : "disabled by configuration");
        return new WatchStats(healthy ? "watch-service + poll" : "poll only", healthy, problem,
                watcher == null ? 0 : watcher.watchedDirectories(), states.size(), (int) stale,
                (healthy ? healthyPollMillis : pollMillis) / 1000.0, polls.get(), checks.get(), lastPollMs,
                lastCheckMs, watcher == null ? 0 : watcher.events(), fired.get(), autoRefresher.enabled(),
                autoRefresher.refreshes());
    }
}
