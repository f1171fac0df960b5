package dev.controlplane.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pattern scans of the watcher's last full reading, lent to the check of a freshly computed card while no
 * OS event has come in since. During a first refresh every card is checked as it finishes, and most share their
 * patterns with cards checked just before (the peers' paths are inherited: project-status and audit:scores
 * carry nearly all of them); on a 50,000-file tree scanning them all again for each card was a quarter of the
 * process's CPU.
 * <p>
 * The trust is the one a vouch already rests on: scans are remembered only from a round in which the OS watches
 * were healthy and already covered every scanned directory (it added none), and they are lent only while the
 * watches are healthy and the event count has not moved. The periodic full check never borrows: it is the
 * safety net under the watches. Events are counted from any thread; the rest runs on the checker thread.
 * {@code S} is the scan type ({@code PatternScan} in the watcher).
 */
final class RecentScans<S> {
    private final AtomicLong events = new AtomicLong();
    private final Map<String, S> scans = new HashMap<>();
    private long generation = -1;

    /** Something may have changed on disk (an OS event, an overflow, the watches lost): nothing is lent. */
    void changed() {
        events.incrementAndGet();
    }

    /** Read before a round scans: what it scans is current as of this count. */
    long mark() {
        return events.get();
    }

    /** The scan of {@code pattern} remembered at the current event count, or null. */
    S lend(String pattern, boolean healthyWatches) {
        if (!healthyWatches || generation != events.get()) {
            return null;
        }
        return scans.get(pattern);
    }

    /** Keeps full scans taken by a round that started at {@code mark} and could vouch. */
    void remember(long mark, Map<String, ? extends S> taken) {
        if (mark != generation) {
            scans.clear();
            generation = mark;
        }
        scans.putAll(taken);
    }

    /** The watches are not (or were not) healthy: nothing scanned so far is vouched for by them. */
    void forget() {
        scans.clear();
        generation = -1;
    }

    int size() {
        return scans.size();
    }
}
