package dev.controlplane.cache;

/** No card (or, for a bust, no scope) has this name. */
public class UnknownCardException extends RuntimeException {
    private final String key;

    public UnknownCardException(String key) {
        super("unknown card '" + shorten(key) + "'");
        this.key = key;
    }

    /** A hostile key is echoed shortened and without control characters. */
    private static String shorten(String key) {
        String clean = String.valueOf(key).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }

    public String key() {
        return key;
    }
}
