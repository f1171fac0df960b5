package dev.controlplane.cards;

import java.util.Locale;

/** The colour of a card's badge ({@code summary.level}). */
public enum Level {
    OK, DEGRADED, FAILED, NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
