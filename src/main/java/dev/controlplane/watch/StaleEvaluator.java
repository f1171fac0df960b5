package dev.controlplane.watch;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.Fingerprint;
import dev.controlplane.cache.FingerprintScanner;
import dev.controlplane.cache.PatternScan;
import dev.controlplane.cards.CardJson;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;

/**
 * Decides, for one cached card and the current reading of its files, whether it is stale, and announces it:
 * once per change ({@code state:stale}), folding further saves within {@value #COALESCE_MILLIS} ms into that
 * announcement, again for a later change while still stale, and re-armed by a new entry. A reader's entry
 * holds its peers' watch paths too (the registry derives them), so a peer's change reaches it here without
 * any extra rule. Called from the watcher's one checking thread only.
 */
final class StaleEvaluator {
    static final long COALESCE_MILLIS = 1000;
    static final int MAX_CHANGED = 10;

    private final FingerprintScanner scanner;
    private final Event<BusEvent> events;
    private final AutoRefresher autoRefresher;
    private final Path root;
    private final Map<String, StaleState> states = new ConcurrentHashMap<>();
    private final AtomicLong fired = new AtomicLong();

    StaleEvaluator(FingerprintScanner scanner, Event<BusEvent> events, AutoRefresher autoRefresher, Path root) {
        this.scanner = scanner;
        this.events = events;
        this.autoRefresher = autoRefresher;
        this.root = root;
    }

    /** Forgets what was announced about {@code key} (its entry was busted). */
    void forget(String key) {
        states.remove(key);
    }

    /** Forgets every announcement (they described a project directory that is back now). */
    void forgetAll() {
        states.clear();
    }

    /** Keeps only the states of cards still cached. */
    void retain(Collection<String> keys) {
        states.keySet().retainAll(keys);
    }

    int tracked() {
        return states.size();
    }

    int stale() {
        return (int) states.values().stream().filter(StaleState::stale).count();
    }

    long fired() {
        return fired.get();
    }

    /** Announces the card stale if its files changed; returns true when they match its entry. */
    boolean evaluate(CacheEntry entry, Fingerprint now) {
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
}
