package dev.controlplane.cards;

import java.util.Locale;
import java.util.Optional;

/** How the dashboard treats a card: load on open, load on click, or not shown. */
public enum Pref {
    AUTO, MANUAL, HIDDEN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Pref> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Pref pref : values()) {
            if (pref.id().equals(value)) {
                return Optional.of(pref);
            }
        }
        return Optional.empty();
    }
}
