package dev.controlplane.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;

/**
 * Invalidates a scope ({@code devops}, {@code integrations}, {@code audit}, {@code all}, {@code audit:l2}) or one
 * card with every card that reads it (transitively, from the declared peers), publishes {@code cache:bust
 * {scope, keys, recomputing, outdated}}, and recomputes in the background, peers first: every card of a scope
 * the user asked to refresh (preferences only decide what the page loads); for "all" or a single card, that
 * card and the {@code auto} cards reached, the others kept and marked outdated.
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

    /** What a bust did: {@code outdated} = results kept in place and marked outdated instead of dropped. */
    public record Result(String scope, List<String> keys, List<String> recomputing, List<String> outdated) {
        public Result(String scope, List<String> keys, List<String> recomputing) {
            this(scope, keys, recomputing, List.of());
        }
    }

    /**
     * @throws UnknownCardException when {@code target} is neither a scope nor a card
     */
    public Result bust(String target) {
        boolean scope = registry.isScope(target);
        if (!scope && registry.find(target).isEmpty()) {
            throw new UnknownCardException(target);
        }
        // Preferences only decide what the page loads. A scope the user asks to refresh (a tab's refresh, Analyze
        // for audit:l2) recomputes every card in it; "all", or the readers reached by a card's bust, recompute
        // the auto cards, and a manual or hidden card keeps its last result, marked outdated, instead of losing it.
        // A nested scope (audit:l2) is on-demand analysis: its parent's bust keeps it the same way.
        boolean onDemand = scope && isNested(target);
        boolean askedForScope = scope && !CardRegistry.SCOPE_ALL.equals(target);
        List<String> keys = new ArrayList<>(scope ? registry.scope(target) : List.copyOf(registry.withDependents(target)));
        List<String> outdated = new ArrayList<>();
        for (Card card : registry.all()) {
            String key = card.key();
            boolean nestedUnder = scope && !onDemand
                    && card.scopes().stream().anyMatch(s -> isNested(s) && under(s, target));
            boolean notAsked = keys.contains(key) && !askedForScope && !key.equals(target)
                    && preferences.of(key) != Pref.AUTO;
            if (nestedUnder || notAsked) {
                keys.remove(key);
                if (cache.entry(key).isPresent()) {
                    outdated.add(key);
                }
            }
        }
        cache.invalidate(keys);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("scope", target);
        data.set("keys", CardJson.strings(keys));
        data.set("outdated", CardJson.strings(outdated));
        Map<String, MissReason> toCompute = new LinkedHashMap<>();
        for (String key : keys) {
            toCompute.put(key, MissReason.FORCED);
        }
        data.set("recomputing", CardJson.strings(toCompute.keySet()));
        events.fire(BusEvent.of(EventTypes.CACHE_BUST, "", data));
        for (String key : outdated) {
            markOutdated(key, target);
        }
        recompute.enqueue(toCompute);
        return new Result(target, List.copyOf(keys), List.copyOf(toCompute.keySet()), List.copyOf(outdated));
    }

    private static boolean isNested(String scope) {
        return scope.indexOf(':') > 0;
    }

    /** Whether nested scope {@code scope} lies under bust target {@code target} ({@code all} covers all). */
    private static boolean under(String scope, String target) {
        return CardRegistry.SCOPE_ALL.equals(target) || scope.startsWith(target + ":");
    }

    /** Announces a kept result as outdated, the way the staleness watcher announces a changed file. */
    private void markOutdated(String key, String scope) {
        cache.entry(key).ifPresent(entry -> {
            ObjectNode stale = JsonNodeFactory.instance.objectNode();
            double now = System.currentTimeMillis() / 1000.0;
            stale.put("file_mtime", Clock.ofSeconds(now));
            stale.put("cache_mtime", Clock.ofSeconds(entry.cachedAt()));
            stale.put("stale_by_s", Math.max(0, Math.round((now - entry.cachedAt()) * 1000) / 1000.0));
            stale.set("changed", CardJson.strings(List.of()));
            stale.put("reason", "the '" + scope + "' refresh recomputed what this analysis is based on");
            events.fire(BusEvent.of(EventTypes.STATE_STALE, key, stale));
        });
    }
}
