package dev.controlplane.cache;

/** No card (or, for a bust, no scope) has this name. */
public class UnknownCardException extends RuntimeException {
    private final String key;

    public UnknownCardException(String key) {
        super("unknown card '" + key + "'");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
