package dev.controlplane.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.FingerprintScanner;
import dev.controlplane.cache.PatternScan;
import dev.controlplane.cache.WatchPattern;

/**
 * Which directories the OS must watch: for each watch pattern of a cached card, the directories it covered at
 * its last scan (or, when it does not exist yet, where it would appear).
 */
final class WatchedDirectories {
    private final FingerprintScanner scanner;
    private final Path root;
    private final Map<String, List<String>> byPattern = new ConcurrentHashMap<>();

    WatchedDirectories(FingerprintScanner scanner, Path root) {
        this.scanner = scanner;
        this.root = root;
    }

    /** Records what a fresh scan of {@code pattern} covered. */
    void scanned(String pattern, PatternScan scan) {
        byPattern.put(pattern, directories(pattern, scan));
    }

    /** Registers the directories of every entry's patterns; true when directories were added. */
    boolean sync(DirectoryWatcher watcher, Collection<CacheEntry> entries) {
        for (CacheEntry entry : entries) {
            for (String pattern : entry.watch()) {
                byPattern.computeIfAbsent(pattern, p -> directories(p, scanner.scan(p)));
            }
        }
        // Patterns stay watched after their card is busted: it is being recomputed, and a save between its
        // recomputation and a re-registration would otherwise go unseen. (There are a few dozen at most.)
        Set<Path> wanted = new LinkedHashSet<>();
        byPattern.values().forEach(dirs -> dirs.forEach(dir -> wanted.add(root.resolve(dir).normalize())));
        return watcher.sync(wanted);
    }

    /** True when a change at one of {@code paths} can concern {@code entry}. */
    boolean affected(CacheEntry entry, List<Path> paths) {
        for (String text : entry.watch()) {
            WatchPattern pattern = WatchPattern.parse(text);
            for (Path path : paths) {
                if (PatternPaths.affects(pattern, root, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> directories(String pattern, PatternScan scan) {
        List<String> dirs = new ArrayList<>(scan.directories());
        if (dirs.isEmpty()) {
            // Not there yet: watch where it would appear.
            dirs.add(PatternPaths.relative(root, WatchPattern.parse(pattern).watchedDirectory(root)));
        }
        return dirs;
    }
}
