package dev.controlplane.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the bus knows at one stream position: the page renders it and then connects with {@code since=position},
 * so nothing published in between is missed.
 *
 * @param entries {@code {key: {data, cached_at, age_s, stale}}}
 */
public record SnapshotView(String instanceId, long position, ObjectNode entries) {
}
