package dev.controlplane.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.controlplane.support.ProjectWalker;
import dev.controlplane.support.RelativePath;

/**
 * Updates a directory pattern's scan for a few changed paths: every entry at or below a changed path is
 * dropped, then the path is read again (a file: one stat; a directory: a walk of just that directory). The
 * rules are the full walk's — same depth limit, same skipped directories, links never followed — so the
 * result equals a fresh scan.
 */
final class IncrementalScan {
    private final Path root;
    private final Path start;
    private final int depth;
    private final PatternScan previous;

    IncrementalScan(Path root, Path start, int depth, PatternScan previous) {
        this.root = root;
        this.start = start;
        this.depth = depth;
        this.previous = previous;
    }

    /** The updated scan, or null when a full scan is needed (the walker hit its file cap). */
    PatternScan apply(Collection<Path> changed) {
        List<String> prefixes = new ArrayList<>();
        TreeMap<String, long[]> added = new TreeMap<>();
        TreeSet<String> addedDirs = new TreeSet<>();
        for (Path path : changed) {
            String rel = rel(path);
            prefixes.add(rel);
            Path below = start.relativize(path);
            if (skipped(below) || below.getNameCount() > depth) {
                continue; // the full walk never sees it either
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // gone: dropping its entries was the whole update
            }
            if (attrs.isRegularFile()) {
                added.put(rel, stamp(attrs));
            } else if (attrs.isDirectory() && below.getNameCount() < depth && !ProjectWalker.skipped(path)) {
                ProjectWalker.Summary walked = ProjectWalker.walk(path, depth - below.getNameCount(),
                        ProjectWalker.DEFAULT_MAX_FILES, (file, fileAttrs) -> {
                            added.put(rel(file), stamp(fileAttrs));
                            return true;
                        }, dir -> {
                            addedDirs.add(rel(dir));
                            return true;
                        });
                if (walked.truncated()) {
                    return null;
                }
            }
        }
        return merge(prefixes, added, addedDirs);
    }

    private PatternScan merge(List<String> prefixes, TreeMap<String, long[]> added, TreeSet<String> addedDirs) {
        List<String> paths = new ArrayList<>(previous.size() + added.size());
        List<long[]> stamps = new ArrayList<>(previous.size() + added.size());
        var next = added.entrySet().iterator();
        var pending = next.hasNext() ? next.next() : null;
        for (int i = 0; i < previous.size(); i++) {
            String path = previous.path(i);
            while (pending != null && pending.getKey().compareTo(path) < 0) {
                paths.add(pending.getKey());
                stamps.add(pending.getValue());
                pending = next.hasNext() ? next.next() : null;
            }
            if (pending != null && pending.getKey().equals(path)) {
                paths.add(path);
                stamps.add(pending.getValue());
                pending = next.hasNext() ? next.next() : null;
            } else if (!covered(path, prefixes)) {
                paths.add(path);
                stamps.add(new long[] { previous.fileSize(i), previous.mtime(i) });
            }
        }
        while (pending != null) {
            paths.add(pending.getKey());
            stamps.add(pending.getValue());
            pending = next.hasNext() ? next.next() : null;
        }
        String[] sortedPaths = paths.toArray(String[]::new);
        long[] sizes = new long[sortedPaths.length];
        long[] mtimes = new long[sortedPaths.length];
        for (int k = 0; k < sortedPaths.length; k++) {
            sizes[k] = stamps.get(k)[0];
            mtimes[k] = stamps.get(k)[1];
        }
        TreeSet<String> dirs = new TreeSet<>();
        for (String dir : previous.directories()) {
            if (!covered(dir, prefixes)) {
                dirs.add(dir);
            }
        }
        dirs.addAll(addedDirs);
        return ScanDigest.assemble(previous.pattern(), sortedPaths, sizes, mtimes, new ArrayList<>(dirs), false);
    }

    /** True when {@code path} is one of the changed paths or below one. */
    private static boolean covered(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A path below the start directory that passes through a directory the walker skips. */
    private static boolean skipped(Path below) {
        for (int i = 0; i < below.getNameCount() - 1; i++) {
            if (ProjectWalker.skipped(below.getName(i))) {
                return true;
            }
        }
        return false;
    }

    private static long[] stamp(BasicFileAttributes attrs) {
        return new long[] { attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) };
    }

    private String rel(Path path) {
        return RelativePath.of(root, path);
    }
}
