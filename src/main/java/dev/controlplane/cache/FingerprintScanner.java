package dev.controlplane.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.support.ProjectWalker;
import dev.controlplane.support.RelativePath;

/**
 * Takes fingerprints of watch patterns. A fingerprint covers paths, sizes and modification times of every
 * watched file, so edits, new files, deletions and renames all change it (a max-mtime rule would miss
 * deletions). Files modified within {@link #RACY_WINDOW_NANOS} of the scan also get a content hash, the way
 * git handles racy timestamps: a same-size rewrite in the same timestamp tick is still seen.
 */
@ApplicationScoped
public class FingerprintScanner {
    /** Files younger than this at scan time get their content hashed (covers 1-2 s filesystem granularity). */
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long MAX_HASHED_BYTES = 64L * 1024 * 1024;

    private final Path root;
    private final int depth;
    private final Map<String, PatternScan> lastScans = new ConcurrentHashMap<>();

    public FingerprintScanner(ProjectDirectory project, ControlPlaneConfig config) {
        this.root = project.root();
        this.depth = Math.max(1, config.watch().depth());
    }

    public Path root() {
        return root;
    }

    /** Fingerprint of a set of patterns, scanning each now. */
    public Fingerprint take(Collection<String> patterns) {
        Map<String, PatternScan> scans = new LinkedHashMap<>();
        for (String pattern : new LinkedHashSet<>(patterns)) {
            scans.put(pattern, scan(pattern));
        }
        return combine(scans);
    }

    /** Fingerprint from scans already made (the watcher scans each pattern once per round for every card). */
    public Fingerprint combine(Map<String, PatternScan> scans) {
        long now = System.currentTimeMillis();
        long racyFrom = TimeUnit.MILLISECONDS.toNanos(now) - RACY_WINDOW_NANOS;
        TreeMap<String, String> racy = new TreeMap<>();
        MessageDigest digest = ScanDigest.sha256();
        List<String> patterns = new ArrayList<>(scans.keySet());
        patterns.sort(null);
        for (String pattern : patterns) {
            PatternScan scan = scans.get(pattern);
            ScanDigest.update(digest, pattern);
            ScanDigest.update(digest, scan.digest());
            for (int i = 0; i < scan.size(); i++) {
                if (scan.mtime(i) >= racyFrom) {
                    racy.put(scan.path(i), contentHash(scan.path(i)));
                }
            }
        }
        return new Fingerprint(ScanDigest.hex(digest), scans, racy, now);
    }

    /**
     * True when {@code current} shows the same files as {@code stored}: same digest, and every file that was
     * racy when {@code stored} was taken still has the same content.
     */
    public boolean matches(StoredFingerprint stored, Fingerprint current) {
        if (stored == null || !stored.digest().equals(current.digest())) {
            return false;
        }
        for (Map.Entry<String, String> racy : stored.racy().entrySet()) {
            if (!racy.getValue().equals(contentHash(racy.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The racy files of {@code stored} whose content is no longer what it was, at most {@code limit}. */
    public List<String> racyChanges(StoredFingerprint stored, int limit) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> racy : stored.racy().entrySet()) {
            if (changed.size() < limit && !racy.getValue().equals(contentHash(racy.getKey()))) {
                changed.add(racy.getKey());
            }
        }
        return changed;
    }

    /** The scan of one pattern now. */
    public PatternScan scan(String patternText) {
        WatchPattern pattern = WatchPattern.parse(patternText);
        PatternScan previous = lastScans.get(patternText);
        ScanCollector collector = new ScanCollector(previous);
        if (pattern.staysInside(root)) {
            switch (pattern.kind()) {
                case DIRECTORY -> scanDirectory(pattern, collector);
                case FILE -> scanFile(pattern, collector);
                case GLOB -> scanGlob(pattern, collector);
            }
        }
        PatternScan scan = collector.build(patternText);
        // Reuse the previous scan when nothing differs, so cards sharing a pattern share one object. Directories
        // count here (a new empty directory must be watched) but not in the digest (it changes no file).
        if (previous != null && previous.digest().equals(scan.digest())
                && previous.directories().equals(scan.directories())) {
            return previous;
        }
        lastScans.put(patternText, scan);
        return scan;
    }

    private void scanDirectory(WatchPattern pattern, ScanCollector collector) {
        Path start = root.resolve(pattern.directory()).normalize();
        ProjectWalker.Summary summary = ProjectWalker.walk(start, depth, ProjectWalker.DEFAULT_MAX_FILES,
                (file, attrs) -> {
                    collector.add(rel(file), attrs);
                    return true;
                }, dir -> {
                    collector.directories.add(rel(dir));
                    return true;
                });
        collector.truncated = summary.truncated();
    }

    private void scanFile(WatchPattern pattern, ScanCollector collector) {
        Path dir = pattern.watchedDirectory(root);
        collector.directories.add(rel(dir));
        Path file = dir.resolve(pattern.name());
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isRegularFile()) {
                collector.add(rel(file), attrs);
            }
        } catch (IOException e) {
            // absent: the empty scan is its fingerprint; creating it changes the digest
        }
    }

    private void scanGlob(WatchPattern pattern, ScanCollector collector) {
        Path dir = pattern.watchedDirectory(root);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            collector.directories.add(rel(dir));
            return;
        }
        collector.directories.add(rel(dir));
        PathMatcher matcher = pattern.nameMatcher();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (name == null || !matcher.matches(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile()) {
                        collector.add(rel(entry), attrs);
                    }
                } catch (IOException e) {
                    // vanished between listing and stat
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable directory: nothing to fingerprint
        }
    }

    /** See {@link FingerprintDiff#changed}; kept here for the watcher, which imports the scanner. */
    public static List<String> changed(Fingerprint before, Fingerprint after, int limit) {
        return FingerprintDiff.changed(before, after, limit);
    }

    /** Content hash of a project file, or a marker when it is gone or unreadable. */
    String contentHash(String relative) {
        Path file = root.resolve(relative);
        MessageDigest digest = ScanDigest.sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0 && total < MAX_HASHED_BYTES) {
                digest.update(buffer, 0, n);
                total += n;
            }
            return ScanDigest.hex(digest);
        } catch (IOException e) {
            return "absent";
        }
    }

    private String rel(Path path) {
        return RelativePath.of(root, path);
    }

    /**
     * The scan of a pattern brought up to date for the paths the OS reported changed, re-reading only those:
     * a save in a 50,000-file tree costs a few stats instead of a walk. Falls back to a full scan whenever the
     * update could differ from one (no previous scan, a truncated one, the watched directory itself changed).
     * The result is identical to what {@link #scan(String)} would return.
     */
    public PatternScan rescan(String patternText, Collection<Path> changed) {
        WatchPattern pattern = WatchPattern.parse(patternText);
        PatternScan previous = lastScans.get(patternText);
        if (pattern.kind() != WatchPattern.Kind.DIRECTORY || previous == null || previous.truncated()
                || !pattern.staysInside(root)) {
            return scan(patternText);
        }
        Path start = root.resolve(pattern.directory()).normalize();
        List<Path> inside = new ArrayList<>();
        for (Path path : changed) {
            Path normal = path.normalize();
            if (start.startsWith(normal)) {
                return scan(patternText); // the watched directory itself, or a parent, appeared or went away
            }
            if (normal.startsWith(start)) {
                inside.add(normal);
            }
        }
        if (inside.isEmpty()) {
            return previous;
        }
        PatternScan updated = new IncrementalScan(root, start, depth, previous).apply(inside);
        if (updated == null) {
            return scan(patternText);
        }
        if (previous.digest().equals(updated.digest()) && previous.directories().equals(updated.directories())) {
            return previous;
        }
        lastScans.put(patternText, updated);
        return updated;
    }
}
