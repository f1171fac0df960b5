package dev.controlplane.events;

import java.util.List;

/**
 * Parses the resume positions a client sends ({@code ?since=N}, {@code Last-Event-ID}). A position is never an
 * error on the stream: anything unusable counts as "no position", which earns the client a snapshot.
 */
final class StreamPosition {
    static final long NONE = 0;

    private StreamPosition() {
    }

    /** The largest well-formed, positive position among {@code values}; {@link #NONE} if there is none. */
    static long largest(List<String> values) {
        long best = NONE;
        if (values == null) {
            return best;
        }
        for (String value : values) {
            best = Math.max(best, parse(value));
        }
        return best;
    }

    static long parse(String value) {
        if (value == null) {
            return NONE;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 19) {
            return NONE;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
