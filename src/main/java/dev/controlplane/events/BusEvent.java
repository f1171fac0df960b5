package dev.controlplane.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What a producer fires (as a CDI event) to publish something on the stream. The {@link EventBus} is its one
 * synchronous observer: it stamps {@code seq}/{@code ts}, serialises the envelope once and fans it out.
 * <p>
 * The bus serialises {@code data} at once, so a producer may not rely on later mutations being seen, and
 * must not mutate it concurrently with firing.
 *
 * @param type      {@code domain:action}, see {@link EventTypes}
 * @param key       the card key, or empty
 * @param data      the event's payload (never null)
 * @param error     optional error message (top-level {@code error} on the wire)
 * @param durationS optional duration in seconds (top-level {@code duration_s} on the wire)
 */
public record BusEvent(String type, String key, JsonNode data, String error, Double durationS) {

    public BusEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type is required");
        }
        key = key == null ? "" : key;
        data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    public static BusEvent of(String type, String key, JsonNode data) {
        return new BusEvent(type, key, data, null, null);
    }

    public BusEvent withError(String message) {
        return new BusEvent(type, key, data, message, durationS);
    }

    public BusEvent withDuration(double seconds) {
        return new BusEvent(type, key, data, error, seconds);
    }
}
