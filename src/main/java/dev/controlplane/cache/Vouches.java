package dev.controlplane.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the staleness watcher vouches for: while its OS watches are healthy and no event touched a card since
 * it compared the files, a request is a hit without reading the tree again. Every file event for a key bumps
 * its doubt count, so a vouch based on an older reading is refused.
 */
final class Vouches {
    /** Entry digests vouched for, by key. */
    private final Map<String, String> vouched = new ConcurrentHashMap<>();
    /** Bumped by every file event for a key. */
    private final Map<String, Long> doubts = new ConcurrentHashMap<>();

    long doubtCount(String key) {
        return doubts.getOrDefault(key, 0L);
    }

    void doubt(Collection<String> keys) {
        synchronized (doubts) {
            for (String key : keys) {
                doubts.merge(key, 1L, Long::sum);
                vouched.remove(key);
            }
        }
    }

    void doubtAll() {
        doubt(List.copyOf(vouched.keySet()));
    }

    /** Records the vouch unless an event touched {@code key} after {@code doubtCount} was read. */
    void vouch(String key, String entryDigest, long doubtCount) {
        synchronized (doubts) {
            if (doubtCount(key) == doubtCount) {
                vouched.put(key, entryDigest);
            }
        }
    }

    /** True when the entry with this digest is vouched for. */
    boolean vouchedFor(String key, String entryDigest) {
        return entryDigest.equals(vouched.get(key));
    }
}
