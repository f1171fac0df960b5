package dev.controlplane.cache;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Accumulates one pattern's files for a full scan, reusing the previous scan's path strings. */
final class ScanCollector {
    private final PatternScan previous;
    private final List<String> paths = new ArrayList<>();
    private final List<long[]> stamps = new ArrayList<>();
    final List<String> directories = new ArrayList<>();
    boolean truncated;

    ScanCollector(PatternScan previous) {
        this.previous = previous;
    }

    void add(String path, BasicFileAttributes attrs) {
        paths.add(previous == null ? path : previous.intern(path));
        stamps.add(new long[] { attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) });
    }

    PatternScan build(String pattern) {
        Integer[] order = new Integer[paths.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> paths.get(a).compareTo(paths.get(b)));
        String[] sortedPaths = new String[order.length];
        long[] sizes = new long[order.length];
        long[] mtimes = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            sortedPaths[k] = paths.get(i);
            sizes[k] = stamps.get(i)[0];
            mtimes[k] = stamps.get(i)[1];
        }
        List<String> dirs = new ArrayList<>(directories);
        dirs.sort(null);
        return ScanDigest.assemble(pattern, sortedPaths, sizes, mtimes, dirs, truncated);
    }
}
