package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import dev.controlplane.cards.Level;

/**
 * What a remote key can say besides "here is the data": each is a normal card state with its badge and a hint,
 * never a card error (the dashboard cannot fix a missing login by recomputing).
 */
public enum GhState {
    OK("ok", Level.OK),
    NO_GH("no gh", Level.NONE),
    NOT_AUTHENTICATED("sign in", Level.NONE),
    NO_GITHUB_REMOTE("no GitHub remote", Level.NONE),
    OFFLINE("offline", Level.DEGRADED),
    RATE_LIMITED("rate limited", Level.DEGRADED);

    private final String badge;
    private final Level level;

    GhState(String badge, Level level) {
        this.badge = badge;
        this.level = level;
    }

    /** {@code state} on the wire. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String badge() {
        return badge;
    }

    public Level level() {
        return level;
    }

    /** Whether the next scheduled check should wait longer (the condition will not clear within a minute). */
    public boolean backOff() {
        return this == OFFLINE || this == RATE_LIMITED;
    }
}
