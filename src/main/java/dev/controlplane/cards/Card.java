package dev.controlplane.cards;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One status card: what it is called, where it sits, which files it depends on, and how to compute it.
 * A card is pure computation over the project directory (and optional external tools): no HTTP, no cache.
 * Adding a card means adding one {@code @ApplicationScoped} class that implements this; the registry finds it.
 */
public interface Card {

    /**
     * The card's whole declaration (key, title, tabs, watch paths, peers, ...), built once into a constant.
     * Every accessor below reads it. A card without one (null) overrides key, title, description, tab,
     * order, watchPaths and alias itself, and gets the defaults for the rest.
     */
    default CardSpec spec() {
        return null;
    }

    /** The cache key, used on the wire ({@code testing}, {@code audit:system}, {@code audit:l2:repo}). */
    default String key() {
        return spec().key();
    }

    default String title() {
        return spec().title();
    }

    /** One line saying what the card checks. */
    default String description() {
        return spec().description();
    }

    /** The first tab the card is shown on (its home). */
    default Tab tab() {
        return spec().tabs().get(0);
    }

    /** Every tab the card is shown on: one card, one cache entry, drawn on each (default: its home tab). */
    default List<Tab> tabs() {
        return spec() == null ? List.of(tab()) : spec().tabs();
    }

    /** Position within the tab (lower first). */
    default int order() {
        return spec().order();
    }

    /**
     * Files and directories whose change makes the card stale, relative to the project root: a trailing
     * {@code /} means "the directory, walked"; a {@code *} in a root-level name is a glob ({@code Dockerfile*}).
     * Paths discovered while computing are added through {@link CardContext#watch(String)}.
     */
    default List<String> watchPaths() {
        return spec().watchPaths();
    }

    /** The original HTTP path kept as an alias of {@code /api/cards/{key}}. */
    default String alias() {
        return spec().alias();
    }

    /**
     * Bust scopes this card belongs to: the tabs it is shown on, in the order they are declared (home first).
     * Ordered so {@code GET /api/cards} prints the same on every start; {@code Set.copyOf} would not.
     */
    default Set<String> scopes() {
        Set<String> scopes = new java.util.LinkedHashSet<>();
        tabs().forEach(tab -> scopes.add(tab.id()));
        return java.util.Collections.unmodifiableSet(scopes);
    }

    /**
     * The cards whose results this one reads through {@link CardContext#peer(String)}: the one declaration
     * from which the registry derives staleness (a dependent watches its peers' files too), bust cascades,
     * recompute order and cycle checks. Reading a peer not listed here fails.
     */
    default Set<String> peers() {
        return spec() == null ? Set.of() : spec().peers();
    }

    /**
     * True for a deep analysis of the whole tree (on demand, minutes on a large project): it gets
     * {@code controlplane.cache.analysis-timeout} instead of the status cards' {@code compute-timeout}.
     */
    default boolean deepAnalysis() {
        return false;
    }

    default Pref defaultPref() {
        return spec() == null ? Pref.AUTO : spec().defaultPref();
    }

    /**
     * Version of the payload's shape. A cached entry with another schema is recomputed, so an upgrade never
     * shows an old shape.
     */
    default int schema() {
        return spec() == null ? 1 : spec().schema();
    }

    /** A maximum age for facts that no file reflects (daemon state, auth, upstream). Default: none. */
    default Optional<Duration> maxAge() {
        return spec() == null ? Optional.empty() : spec().maxAge();
    }

    /**
     * Computes the card. The result always has the same shape, including {@code summary {text, level}}.
     * Throwing means the computation failed (the last good data is kept and the error shown).
     */
    ObjectNode compute(CardContext context) throws Exception;
}
