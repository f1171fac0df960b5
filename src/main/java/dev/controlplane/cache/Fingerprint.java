package dev.controlplane.cache;

import java.util.Map;

/**
 * The state of a card's watched files at one moment, in memory: the scan of every pattern (kept so a later
 * scan can name what changed), the content hashes of "racy" files (modified so recently that a same-size
 * rewrite within the filesystem's timestamp granularity would look unchanged), and the overall digest.
 */
public record Fingerprint(String digest, Map<String, PatternScan> parts, Map<String, String> racy, long takenAtMillis) {

    /** What is written to disk: digests only, no file lists. */
    public StoredFingerprint stored() {
        Map<String, String> partDigests = new java.util.LinkedHashMap<>();
        parts.forEach((pattern, scan) -> partDigests.put(pattern, scan.digest()));
        return new StoredFingerprint(digest, partDigests, racy);
    }
}
