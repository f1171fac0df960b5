package dev.controlplane.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;

/**
 * Invalidates a scope ({@code devops}, {@code integrations}, {@code audit}, {@code all}) or one card with every
 * card that reads it (transitively, from the declared peers), publishes {@code cache:bust {scope, keys}}, and recomputes in the background what the dashboard
 * shows by itself: cards set to {@code auto}, plus the card the user named.
 */
@ApplicationScoped
public class CacheBuster {
    private final CardRegistry registry;
    private final CardCache cache;
    private final Preferences preferences;
    private final BackgroundRecompute recompute;
    private final Event<BusEvent> events;

    public CacheBuster(CardRegistry registry, CardCache cache, Preferences preferences, BackgroundRecompute recompute,
            Event<BusEvent> events) {
        this.registry = registry;
        this.cache = cache;
        this.preferences = preferences;
        this.recompute = recompute;
        this.events = events;
    }

    /** What a bust did. */
    public record Result(String scope, List<String> keys, List<String> recomputing) {
    }

    /** @throws UnknownCardException when {@code target} is neither a scope nor a card */
    public Result bust(String target) {
        boolean scope = registry.isScope(target);
        if (!scope && registry.find(target).isEmpty()) {
            throw new UnknownCardException(target);
        }
        List<String> keys = scope ? registry.scope(target) : List.copyOf(registry.withDependents(target));
        cache.invalidate(keys);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("scope", target);
        data.set("keys", CardJson.strings(keys));
        events.fire(BusEvent.of(EventTypes.CACHE_BUST, "", data));

        Map<String, MissReason> toCompute = new LinkedHashMap<>();
        for (String key : keys) {
            Pref pref = preferences.of(key);
            if (pref == Pref.AUTO || key.equals(target)) {
                toCompute.put(key, MissReason.FORCED);
            }
        }
        recompute.enqueue(toCompute);
        return new Result(target, keys, List.copyOf(toCompute.keySet()));
    }
}
