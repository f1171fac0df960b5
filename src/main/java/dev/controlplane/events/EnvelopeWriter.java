package dev.controlplane.events;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.Clock;

/**
 * Serialises the wire envelope (v1): {@code {"v":1,"ts":..,"seq":..,"type":..,"key":..,"data":{..}}} plus the
 * optional top-level {@code error} and {@code duration_s}. One line: SSE {@code data:} cannot hold a newline,
 * and Jackson escapes every newline inside strings.
 */
@ApplicationScoped
public class EnvelopeWriter {
    public static final int VERSION = 1;

    private final ObjectMapper mapper;

    public EnvelopeWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(BusEvent event, long seq) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("v", VERSION);
        envelope.put("ts", Clock.now());
        envelope.put("seq", seq);
        envelope.put("type", event.type());
        envelope.put("key", event.key());
        envelope.set("data", event.data());
        if (event.error() != null) {
            envelope.put("error", event.error());
        }
        if (event.durationS() != null) {
            envelope.put("duration_s", event.durationS());
        }
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Envelope of " + event.type() + " is not serialisable", e);
        }
    }
}
