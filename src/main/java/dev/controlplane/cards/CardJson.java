package dev.controlplane.cards;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for the JSON shapes every card shares. */
public final class CardJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardJson() {
    }

    public static ObjectNode object() {
        return JSON.objectNode();
    }

    public static ArrayNode array() {
        return JSON.arrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    public static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode node = JSON.objectNode();
        counts.forEach(node::put);
        return node;
    }

    /**
     * Keeps at most {@code max} items of the array {@code field} and records the real length as
     * {@code <field>_total} (always, so the shape never changes): a 50,000-file project must not turn one
     * card into hundreds of kilobytes that every page load and every new stream carries.
     */
    public static ObjectNode cap(ObjectNode node, String field, int max) {
        JsonNode value = node.get(field);
        int total = value != null && value.isArray() ? value.size() : 0;
        if (value != null && value.isArray() && total > max) {
            ArrayNode kept = JSON.arrayNode();
            for (int i = 0; i < max; i++) {
                kept.add(value.get(i));
            }
            node.set(field, kept);
        }
        node.put(field + "_total", total);
        return node;
    }

    /** Sets the badge: {@code summary {text, level}}. */
    public static ObjectNode summary(ObjectNode card, String text, Level level) {
        ObjectNode summary = card.putObject("summary");
        summary.put("text", text);
        summary.put("level", level.id());
        return card;
    }

    /** {@code "1 test"}, {@code "7 tests"}. */
    public static String plural(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** One entry of {@code missing_tools: [{id, label, install_hint}]}. */
    public static ObjectNode missingTool(String id, String label, String installHint) {
        ObjectNode tool = JSON.objectNode();
        tool.put("id", id);
        tool.put("label", label);
        tool.put("install_hint", installHint);
        return tool;
    }
}
