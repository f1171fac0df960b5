package dev.controlplane.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;

/**
 * Every card bean, found by CDI at build time (no runtime scanning, so native images see them all), validated
 * once: keys unique and well-formed, aliases unique, peers naming real cards and forming no cycle.
 */
@ApplicationScoped
public class CardRegistry {
    public static final String SCOPE_ALL = "all";
    /** {@code name}, {@code tab:name} or {@code tab:group:name} ({@code audit:l2:repo}). */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){0,2}");

    private final Map<String, Card> byKey = new LinkedHashMap<>();
    private final Map<String, Card> byAlias = new LinkedHashMap<>();
    private final PeerGraph graph;

    public CardRegistry(@All List<Card> cards) {
        List<Card> sorted = new ArrayList<>(cards);
        sorted.sort(Comparator.comparing((Card c) -> c.tabs().get(0).ordinal()).thenComparingInt(Card::order)
                .thenComparing(Card::key));
        for (Card card : sorted) {
            if (!KEY.matcher(card.key()).matches()) {
                throw new IllegalStateException("Card key '" + card.key()
                        + "' is not of the form name, tab:name or tab:group:name");
            }
            if (byKey.put(card.key(), card) != null) {
                throw new IllegalStateException("Two cards share the key '" + card.key() + "'");
            }
            if (byAlias.put(card.alias(), card) != null) {
                throw new IllegalStateException("Two cards share the alias '" + card.alias() + "'");
            }
        }
        graph = new PeerGraph(byKey);
    }

    /** Who reads whom: dependents, inherited watch paths, recompute order (see {@link PeerGraph}). */
    public PeerGraph graph() {
        return graph;
    }

    /** All cards in display order (by tab, then order). */
    public List<Card> all() {
        return List.copyOf(byKey.values());
    }

    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    public Optional<Card> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    public Optional<Card> byAlias(String path) {
        return Optional.ofNullable(byAlias.get(path));
    }

    public boolean isScope(String name) {
        if (SCOPE_ALL.equals(name)) {
            return true;
        }
        return byKey.values().stream().anyMatch(card -> card.scopes().contains(name));
    }

    /** The keys a scope covers, in display order. */
    public List<String> scope(String name) {
        List<String> keys = new ArrayList<>();
        for (Card card : byKey.values()) {
            if (SCOPE_ALL.equals(name) || card.scopes().contains(name)) {
                keys.add(card.key());
            }
        }
        return keys;
    }

    /** A card and every card that reads it, transitively: what busting it invalidates. */
    public Set<String> withDependents(String key) {
        return byKey.containsKey(key) ? graph.withDependents(key) : Set.of(key);
    }
}
