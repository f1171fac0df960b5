package dev.controlplane.cache;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.Clock;

/**
 * One cached card: its payload as computed, when, the fingerprint of its watched files taken just before the
 * computation (so an edit during the computation makes the next request recompute), and the watch paths in
 * effect (the card's own plus those it discovered).
 *
 * @param fingerprint the in-memory fingerprint, or null after a restart (only {@code stored} survives)
 */
public record CacheEntry(String key, ObjectNode data, double cachedAt, double elapsedS, int schema,
        List<String> watch, StoredFingerprint stored, Fingerprint fingerprint) {

    public double ageSeconds(double now) {
        return Math.max(0, Math.round((now - cachedAt) * 1000) / 1000.0);
    }

    /** The payload as served: the card's data plus {@code _cache {computed_at, fresh, age_seconds}}. */
    public ObjectNode payload(boolean fresh) {
        return payload(fresh, System.currentTimeMillis() / 1000.0);
    }

    /** {@link #payload(boolean)} as of {@code now} (epoch seconds). */
    public ObjectNode payload(boolean fresh, double now) {
        ObjectNode payload = data.deepCopy();
        payload.set("_cache", cacheMeta(fresh, now));
        return payload;
    }

    /** The {@code _cache} object of {@link #payload(boolean, double)}. */
    public ObjectNode cacheMeta(boolean fresh, double now) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("computed_at", Clock.ofSeconds(cachedAt));
        meta.put("fresh", fresh);
        meta.put("age_seconds", ageSeconds(now));
        return meta;
    }

    /** {@code {data, cached_at, fingerprint, elapsed_s, schema, watch}} as in {@code devops_cache.json}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("data", data);
        node.put("cached_at", Clock.ofSeconds(cachedAt));
        node.set("fingerprint", stored.toJson());
        node.put("elapsed_s", elapsedS);
        node.put("schema", schema);
        node.set("watch", JsonNodeFactory.instance.arrayNode().addAll(watch.stream()
                .map(JsonNodeFactory.instance::textNode).toList()));
        return node;
    }

    /** Null when the stored form is not usable (it is then recomputed). */
    public static CacheEntry fromJson(String key, JsonNode node) {
        if (node == null || !node.path("data").isObject() || !node.path("cached_at").isNumber()) {
            return null;
        }
        StoredFingerprint stored = StoredFingerprint.fromJson(node.get("fingerprint"));
        if (stored == null) {
            return null;
        }
        List<String> watch = new ArrayList<>();
        node.path("watch").forEach(w -> watch.add(w.asText()));
        return new CacheEntry(key, (ObjectNode) node.get("data"), node.get("cached_at").asDouble(),
                node.path("elapsed_s").asDouble(0), node.path("schema").asInt(0), List.copyOf(watch), stored, null);
    }
}
