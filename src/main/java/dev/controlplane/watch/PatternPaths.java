package dev.controlplane.watch;

import java.nio.file.Path;

import dev.controlplane.cache.WatchPattern;
import dev.controlplane.support.RelativePath;

/** Which watch patterns a changed path concerns. */
final class PatternPaths {
    private PatternPaths() {
    }

    /**
     * True when a change at {@code changed} can alter what {@code pattern} covers: a path inside a watched
     * directory, the watched file itself, a name matching a glob, or an ancestor of any of them (a directory
     * created, deleted or renamed above the watched path).
     */
    static boolean affects(WatchPattern pattern, Path root, Path changed) {
        Path target = changed.normalize();
        if (!target.startsWith(root)) {
            return false;
        }
        Path dir = pattern.watchedDirectory(root);
        switch (pattern.kind()) {
            case DIRECTORY -> {
                return target.startsWith(dir) || dir.startsWith(target);
            }
            case FILE -> {
                Path file = dir.resolve(pattern.name());
                return target.equals(file) || file.startsWith(target);
            }
            case GLOB -> {
                Path parent = target.getParent();
                if (parent != null && parent.equals(dir) && target.getFileName() != null) {
                    return pattern.nameMatcher().matches(target.getFileName());
                }
                return dir.startsWith(target) && !dir.equals(target);
            }
            default -> {
                return false;
            }
        }
    }

    static String relative(Path root, Path path) {
        return RelativePath.of(root, path);
    }
}
