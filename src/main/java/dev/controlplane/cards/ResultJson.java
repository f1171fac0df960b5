package dev.controlplane.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A card's typed result (a record whose shape is fixed) as the {@link ObjectNode} a card returns: Jackson
 * writes the fields in the record's order, under their {@code @JsonProperty} names, instead of a hand-written
 * chain of {@code put}s. The records carry {@code @RegisterForReflection}: native images serialise them by
 * reflection.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {
    }

    public static ObjectNode tree(Object result) {
        return MAPPER.valueToTree(result);
    }
}
