package dev.controlplane.cards;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a card declares about itself, in one place: the card returns one of these from
 * {@link Card#spec()} (built once, kept in a constant) and the {@link Card} accessors read it.
 *
 * <pre>{@code
 * static final CardSpec SPEC = CardSpec.card("audit:scores").title("Scores").description("...")
 *         .tab(Tab.AUDIT).order(50).alias("/api/audit/scores").peers("docs", "testing").build();
 * }</pre>
 */
public record CardSpec(String key, String title, String description, List<Tab> tabs, int order, String alias,
        List<String> watchPaths, Set<String> peers, Pref defaultPref, int schema, Optional<Duration> maxAge) {

    public CardSpec {
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("card '" + key + "' is on no tab");
        }
        tabs = List.copyOf(tabs);
        watchPaths = List.copyOf(watchPaths);
        // Declaration order, kept: a hash set's order changes from one JVM to the next.
        peers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(peers));
    }

    public static Builder card(String key) {
        return new Builder(key);
    }

    /** Fills a {@link CardSpec}; tab and alias have no default. */
    public static final class Builder {
        private final String key;
        private String title;
        private String description = "";
        private List<Tab> tabs = List.of();
        private int order;
        private String alias;
        private List<String> watchPaths = List.of();
        private Set<String> peers = Set.of();
        private Pref defaultPref = Pref.AUTO;
        private int schema = 1;
        private Optional<Duration> maxAge = Optional.empty();

        private Builder(String key) {
            this.key = key;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        /** The tabs the card is shown on, its home first. */
        public Builder tab(Tab home, Tab... more) {
            tabs = new java.util.ArrayList<>(List.of(home));
            tabs.addAll(List.of(more));
            return this;
        }

        public Builder tabs(List<Tab> value) {
            tabs = value;
            return this;
        }

        public Builder order(int value) {
            order = value;
            return this;
        }

        public Builder alias(String value) {
            alias = value;
            return this;
        }

        /** Watch paths, same syntax as {@link Card#watchPaths()}. */
        public Builder watch(String... paths) {
            watchPaths = List.of(paths);
            return this;
        }

        public Builder watch(List<String> paths) {
            watchPaths = paths;
            return this;
        }

        /** The cards this one reads (see {@link Card#peers()}). */
        public Builder peers(String... keys) {
            peers = new java.util.LinkedHashSet<>(List.of(keys));
            return this;
        }

        public Builder peers(Collection<String> keys) {
            peers = new java.util.LinkedHashSet<>(keys);
            return this;
        }

        public Builder defaultPref(Pref value) {
            defaultPref = value;
            return this;
        }

        public Builder schema(int value) {
            schema = value;
            return this;
        }

        public Builder maxAge(Duration value) {
            maxAge = Optional.of(value);
            return this;
        }

        public Builder maxAge(Optional<Duration> value) {
            maxAge = value;
            return this;
        }

        public CardSpec build() {
            return new CardSpec(key, title == null ? key : title, description, tabs, order,
                    java.util.Objects.requireNonNull(alias, "card '" + key + "' declares no alias"), watchPaths, peers, defaultPref, schema, maxAge);
        }
    }
}
