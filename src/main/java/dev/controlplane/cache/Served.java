package dev.controlplane.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a card request got: a fresh cache entry (a hit: its payload is {@link CacheEntry#payload} with
 * {@code fresh: true}) or the payload a computation just produced. Exactly one of the two is set.
 */
public record Served(CacheEntry hit, ObjectNode computed) {

    static Served hit(CacheEntry entry) {
        return new Served(entry, null);
    }

    static Served computed(ObjectNode payload) {
        return new Served(null, payload);
    }
}
