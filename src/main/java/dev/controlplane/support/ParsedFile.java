package dev.controlplane.support;

import java.util.Optional;

/**
 * A manifest read by a real parser: the value, or why there is none. A malformed or oversized file is a
 * warning on the card, never a failure of the card.
 */
public record ParsedFile<T>(T value, String warning) {

    public static <T> ParsedFile<T> ok(T value) {
        return new ParsedFile<>(value, null);
    }

    public static <T> ParsedFile<T> failed(String warning) {
        return new ParsedFile<>(null, warning);
    }

    public boolean isOk() {
        return warning == null && value != null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }
}
