package dev.controlplane.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics over a handful of repeated measurements (the machine is noisy: report spread, not a mean). */
record Stats(int n, double min, double median, double max) {

    static Stats of(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.removeIf(v -> v == null || v.isNaN());
        if (sorted.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Collections.sort(sorted);
        return new Stats(sorted.size(), sorted.get(0), percentile(sorted, 50), sorted.get(sorted.size() - 1));
    }

    /** One derived figure (a percentile over {@code n} samples): only the median column is filled. */
    static Stats point(double value, int n) {
        return n == 0 || Double.isNaN(value) ? new Stats(0, Double.NaN, Double.NaN, Double.NaN)
                : new Stats(n, Double.NaN, value, Double.NaN);
    }

    static Stats single(double value) {
        return new Stats(1, value, value, value);
    }

    /** Nearest-rank percentile of an already sorted list. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        if (p == 50 && sorted.size() % 2 == 0) {
            int mid = sorted.size() / 2;
            return (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double percentileOf(List<Double> samples, double p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return percentile(sorted, p);
    }

    boolean empty() {
        return n == 0;
    }
}
