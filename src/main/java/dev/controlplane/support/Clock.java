package dev.controlplane.support;

import java.math.BigDecimal;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Wire times: epoch seconds as a fractional JSON number with microsecond resolution. Written as a
 * {@link BigDecimal} so the JSON reads {@code 1795730712.156241}, not {@code 1.795730712156241E9}.
 */
public final class Clock {
    private Clock() {
    }

    public static BigDecimal now() {
        return of(Instant.now());
    }

    public static BigDecimal of(Instant instant) {
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
        return BigDecimal.valueOf(micros, 6);
    }

    public static BigDecimal of(FileTime time) {
        return of(time.toInstant());
    }

    public static BigDecimal ofSeconds(double epochSeconds) {
        return BigDecimal.valueOf(Math.round(epochSeconds * 1_000_000d), 6);
    }

    /** A duration in nanoseconds as seconds, rounded to the millisecond. */
    public static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }
}
