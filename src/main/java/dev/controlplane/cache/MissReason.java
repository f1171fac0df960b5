package dev.controlplane.cache;

import java.util.Locale;

/** Why a card is (re)computed: {@code cache:miss.reason} on the wire. */
public enum MissReason {
    /** Never computed, busted, or stored with another schema. */
    ABSENT,
    /** Its watched files changed. */
    EXPIRED,
    /** The user asked ({@code ?bust=1}, refresh button). */
    FORCED,
    /** Older than the card's declared maximum age. */
    TTL,
    /**
     * A remote key's scheduled check, or a local card following a remote key that changed: quiet (no
     * {@code cache:miss}), so open tabs show no spinner for a check that usually finds nothing new.
     */
    REMOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
