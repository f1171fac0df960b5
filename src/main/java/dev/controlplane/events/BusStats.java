package dev.controlplane.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Counters of the event bus, served by {@code GET /api/events/stats}. */
@RegisterForReflection
public record BusStats(
        @JsonProperty("instance_id") String instanceId,
        long seq,
        int subscribers,
        @JsonProperty("buffer_size") int bufferSize,
        @JsonProperty("buffer_capacity") int bufferCapacity,
        @JsonProperty("subscriber_buffer") int subscriberBuffer,
        @JsonProperty("dropped_subscribers") long droppedSubscribers,
        @JsonProperty("total_subscriptions") long totalSubscriptions,
        @JsonProperty("latest_keys") int latestKeys,
        @JsonProperty("stale_keys") int staleKeys) {
}
