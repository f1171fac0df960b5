package dev.controlplane.watch;

import dev.controlplane.cache.Fingerprint;

/**
 * The watcher's memory of one cached card: which cache entry it refers to, the fingerprint that entry was
 * computed from (when known: entries loaded from disk only have digests until the first check), and what was
 * last announced as stale, so each change is announced once.
 */
final class StaleState {
    /** The entry this state is about: a recompute is a new entry even when its files are the same. */
    final double entryCachedAt;
    final String entryDigest;
    Fingerprint baseline;
    String firedDigest;
    Fingerprint firedFingerprint;
    long firedAtMillis;

    StaleState(double entryCachedAt, String entryDigest, Fingerprint baseline) {
        this.entryCachedAt = entryCachedAt;
        this.entryDigest = entryDigest;
        this.baseline = baseline;
    }

    boolean stale() {
        return firedDigest != null;
    }

    void fired(Fingerprint now, long atMillis) {
        firedDigest = now.digest();
        firedFingerprint = now;
        firedAtMillis = atMillis;
    }

    /** The files match the entry again (e.g. an edit was undone): the next change fires again. */
    void rearm() {
        firedDigest = null;
        firedFingerprint = null;
        firedAtMillis = 0;
    }
}
