package dev.controlplane.events;

/** The event types of the wire contract ({@code domain:action}). */
public final class EventTypes {
    public static final String SYS_READY = "sys:ready";
    public static final String SYS_HEARTBEAT = "sys:heartbeat";
    public static final String SYS_WARMING = "sys:warming";
    public static final String SYS_WARM = "sys:warm";
    public static final String STATE_SNAPSHOT = "state:snapshot";
    public static final String STATE_STALE = "state:stale";
    public static final String CACHE_HIT = "cache:hit";
    public static final String CACHE_MISS = "cache:miss";
    public static final String CACHE_DONE = "cache:done";
    public static final String CACHE_ERROR = "cache:error";
    public static final String CACHE_BUST = "cache:bust";
    public static final String PREFS_CHANGED = "prefs:changed";

    private EventTypes() {
    }
}
