package dev.controlplane.cache;

import java.util.Arrays;
import java.util.List;

/**
 * The files one watch pattern covered at one moment: sorted project-relative paths with their size and
 * modification time (parallel arrays keep 100,000 entries to a few MB), the directories walked (what the OS
 * watch service must observe) and a digest of it all. Immutable; scans with equal digests are interchangeable.
 */
public final class PatternScan {
    private final String pattern;
    private final String[] paths;
    private final long[] sizes;
    private final long[] mtimes;
    private final List<String> directories;
    private final String digest;
    private final boolean truncated;

    PatternScan(String pattern, String[] paths, long[] sizes, long[] mtimes, List<String> directories, String digest,
            boolean truncated) {
        this.pattern = pattern;
        this.paths = paths;
        this.sizes = sizes;
        this.mtimes = mtimes;
        this.directories = directories;
        this.digest = digest;
        this.truncated = truncated;
    }

    public String pattern() {
        return pattern;
    }

    public String digest() {
        return digest;
    }

    public int size() {
        return paths.length;
    }

    public String path(int i) {
        return paths[i];
    }

    /** Modification time in nanoseconds since the epoch. */
    public long mtime(int i) {
        return mtimes[i];
    }

    public long fileSize(int i) {
        return sizes[i];
    }

    public List<String> directories() {
        return directories;
    }

    public boolean truncated() {
        return truncated;
    }

    /** Index of {@code path}, or a negative number when absent. */
    public int indexOf(String path) {
        return Arrays.binarySearch(paths, path);
    }

    /** The same string instance as in this scan, so consecutive scans share their path strings. */
    String intern(String path) {
        int i = indexOf(path);
        return i >= 0 ? paths[i] : path;
    }

    public long maxMtime() {
        long max = 0;
        for (long m : mtimes) {
            max = Math.max(max, m);
        }
        return max;
    }
}
