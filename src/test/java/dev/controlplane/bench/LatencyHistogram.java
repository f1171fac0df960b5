package dev.controlplane.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Millions of latency samples without keeping them: 10 µs buckets up to 100 ms, then 1 ms buckets up to 100 s
 * (anything later lands in the last bucket). Thread-safe; good enough for p50/p99 at the precision reported.
 */
final class LatencyHistogram {
    private static final int FINE_BUCKETS = 10_000;          // 0..100 ms in 10 µs steps
    private static final int COARSE_BUCKETS = 100_000;       // 100 ms..100 s in 1 ms steps
    private final AtomicLongArray buckets = new AtomicLongArray(FINE_BUCKETS + COARSE_BUCKETS);
    private final LongAdder count = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLong maxMicros = new java.util.concurrent.atomic.AtomicLong();

    void record(long micros) {
        long v = Math.max(0, micros);
        int bucket = v < 100_000 ? (int) (v / 10) : (int) Math.min(FINE_BUCKETS + COARSE_BUCKETS - 1, FINE_BUCKETS + (v - 100_000) / 1000);
        buckets.incrementAndGet(bucket);
        count.increment();
        maxMicros.accumulateAndGet(v, Math::max);
    }

    /** Adds another histogram's samples to this one. */
    void merge(LatencyHistogram other) {
        for (int i = 0; i < buckets.length(); i++) {
            long v = other.buckets.get(i);
            if (v != 0) {
                buckets.addAndGet(i, v);
            }
        }
        count.add(other.count());
        maxMicros.accumulateAndGet(other.maxMicros.get(), Math::max);
    }

    long count() {
        return count.sum();
    }

    /** The p-th percentile in milliseconds (upper edge of its bucket), NaN when empty. */
    double percentileMillis(double p) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return upperEdgeMicros(i) / 1000.0;
            }
        }
        return maxMillis();
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : maxMicros.get() / 1000.0;
    }

    private static long upperEdgeMicros(int bucket) {
        return bucket < FINE_BUCKETS ? (bucket + 1) * 10L : 100_000L + (bucket - FINE_BUCKETS + 1) * 1000L;
    }
}
