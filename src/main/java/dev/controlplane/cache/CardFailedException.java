package dev.controlplane.cache;

/** A card's computation failed or timed out; its last good data (if any) is still in the cache. */
public class CardFailedException extends RuntimeException {
    private final String key;

    public CardFailedException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
