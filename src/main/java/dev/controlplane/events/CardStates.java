package dev.controlplane.events;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.Clock;

/**
 * What a snapshot says of each card: its last {@code cache:done} payload, when that was computed, and whether
 * the card is stale. Kept apart from the ring and the subscribers of {@link EventBus}, which only feeds it. Not
 * thread-safe on purpose: the bus calls it under its own lock, in publication order, so a snapshot and the
 * position it is taken at always agree.
 */
final class CardStates {
    private final Map<String, Latest> latest = new LinkedHashMap<>();
    private final Set<String> stale = new HashSet<>();

    /** Keeps what a snapshot needs: the last payload per card, and which cards are stale. */
    void track(BusEvent event) {
        switch (event.type()) {
            case EventTypes.CACHE_DONE -> {
                latest.put(event.key(), new Latest(event.data(), cachedAt(event.data())));
                stale.remove(event.key());
            }
            case EventTypes.STATE_STALE -> {
                // A check that started before a recompute may report on the entry the recompute replaced.
                Latest current = latest.get(event.key());
                JsonNode about = event.data().path("cache_mtime");
                if (current == null || !about.isNumber() || about.asDouble() >= current.cachedAt() - 1e-6) {
                    stale.add(event.key());
                }
            }
            case EventTypes.CACHE_BUST -> {
                JsonNode keys = event.data().path("keys");
                for (JsonNode key : keys) {
                    latest.remove(key.asText());
                    stale.remove(key.asText());
                }
            }
            default -> {
            }
        }
    }

    /** A card's last known payload, put in without an event (see {@link EventBus#seed}). */
    void seed(String key, JsonNode payload, double cachedAt, boolean isStale) {
        latest.put(key, new Latest(payload, cachedAt));
        if (isStale) {
            stale.add(key);
        } else {
            stale.remove(key);
        }
    }

    /** The cards with a known payload, in the order they were first computed. */
    Set<String> keys() {
        return latest.keySet();
    }

    int size() {
        return latest.size();
    }

    int staleCount() {
        return stale.size();
    }

    /** The {@code state:snapshot} data: per card its payload, when it was cached, its age and staleness. */
    ObjectNode snapshot() {
        double now = System.currentTimeMillis() / 1000.0;
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        latest.forEach((key, entry) -> {
            ObjectNode item = snapshot.putObject(key);
            item.set("data", entry.payload());
            item.put("cached_at", Clock.ofSeconds(entry.cachedAt()));
            item.put("age_s", Math.max(0, Math.round((now - entry.cachedAt()) * 1000) / 1000.0));
            item.put("stale", stale.contains(key));
        });
        return snapshot;
    }

    private static double cachedAt(JsonNode payload) {
        JsonNode at = payload.path("_cache").path("computed_at");
        return at.isNumber() ? at.asDouble() : System.currentTimeMillis() / 1000.0;
    }

    private record Latest(JsonNode payload, double cachedAt) {
    }
}
