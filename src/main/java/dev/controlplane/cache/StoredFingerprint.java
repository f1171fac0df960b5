package dev.controlplane.cache;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The persisted part of a {@link Fingerprint}: overall digest, one digest per watch pattern (to say which
 * pattern changed after a restart), and the content hashes of racy files.
 */
public record StoredFingerprint(String digest, Map<String, String> parts, Map<String, String> racy) {

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("digest", digest);
        ObjectNode partsNode = node.putObject("parts");
        parts.forEach(partsNode::put);
        ObjectNode racyNode = node.putObject("racy");
        racy.forEach(racyNode::put);
        return node;
    }

    public static StoredFingerprint fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("digest").isTextual()) {
            return null;
        }
        return new StoredFingerprint(node.get("digest").asText(), strings(node.path("parts")),
                strings(node.path("racy")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                map.put(e.getKey(), e.getValue().asText());
            }
        });
        return map;
    }
}
