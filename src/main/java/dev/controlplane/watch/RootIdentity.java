package dev.controlplane.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which directory stands at the project's path. The OS watches follow a directory, not a path: when the
 * project is moved away, comes back, or another directory takes its place, no watch reports it, so the poll
 * asks this.
 */
final class RootIdentity {
    private final Path root;
    private Object key;
    private boolean known;

    RootIdentity(Path root) {
        this.root = root;
    }

    /** True (once per change) when the directory at the path is not the one of the last call, or is gone. */
    boolean changed() {
        Object now;
        try {
            now = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            now = null;
        }
        boolean changed = known && !Objects.equals(key, now);
        key = now;
        known = true;
        return changed;
    }
}
