package dev.controlplane.support;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Walks a project safely: never follows symbolic links (so no loop and no escape from the project), skips
 * the usual build/vendor/tool directories and hidden directories met on the way (never the start directory
 * itself: {@code .github/workflows/} is a valid start), and survives unreadable directories and files that
 * vanish mid-walk. A walk stops early when the computing thread is interrupted (a card timed out).
 */
public final class ProjectWalker {

    /** Directories never descended into (a start directory is always walked, even if named here). */
    public static final Set<String> SKIP_DIRS = Set.of(".git", "node_modules", "target", "build", "dist", ".venv",
            "venv", "__pycache__", ".tox", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".gradle", ".idea",
            ".next", ".nuxt", ".terraform", "site-packages", ".state");

    /** Default cap on the files one walk visits: bounds the time and memory a huge tree can cost. */
    public static final int DEFAULT_MAX_FILES = 200_000;

    private ProjectWalker() {
    }

    /** What a walk sees of a regular file. */
    public interface FileHandler {
        /** @return false to stop the walk */
        boolean onFile(Path file, BasicFileAttributes attrs);
    }

    /** A walk's outcome: how many files were visited and whether a limit cut it short. */
    public record Summary(int files, boolean truncated, int unreadable) {
    }

    public static boolean skipped(Path dir) {
        Path name = dir.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        return SKIP_DIRS.contains(n) || n.startsWith(".");
    }

    /**
     * Visits the regular files under {@code start} to {@code maxDepth} levels (1 = only the files directly in
     * {@code start}). Symbolic links are reported to nobody: neither files nor directories behind a link.
     */
    public static Summary walk(Path start, int maxDepth, int maxFiles, FileHandler handler) {
        return walk(start, maxDepth, maxFiles, handler, null);
    }

    /** As {@link #walk(Path, int, int, FileHandler)}, also reporting every directory entered. */
    public static Summary walk(Path start, int maxDepth, int maxFiles, FileHandler handler,
            Predicate<Path> onDirectory) {
        return walk(start, maxDepth, maxFiles, handler, onDirectory, null);
    }

    /**
     * As {@link #walk(Path, int, int, FileHandler, Predicate)}, also naming each entry counted as unreadable
     * (a directory that could not be opened or listed, a file that vanished): what a recorded walk needs to
     * replay a part of itself exactly.
     */
    public static Summary walk(Path start, int maxDepth, int maxFiles, FileHandler handler,
            Predicate<Path> onDirectory, Consumer<Path> onUnreadable) {
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return new Summary(0, false, 0);
        }
        Visitor visitor = new Visitor(start, maxFiles, handler, onDirectory, onUnreadable);
        try {
            Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Math.max(1, maxDepth),
                    visitor);
        } catch (IOException e) {
            visitor.unreadable(start);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("walk of " + start + " interrupted");
        }
        return new Summary(visitor.files, visitor.truncated, visitor.unreadable);
    }

    /** Collects the files under {@code start} that match {@code filter}, at most {@code limit}. */
    public static List<Path> files(Path start, int maxDepth, int limit, Predicate<Path> filter) {
        List<Path> found = new ArrayList<>();
        walk(start, maxDepth, DEFAULT_MAX_FILES, (file, attrs) -> {
            if (filter.test(file)) {
                found.add(file);
            }
            return found.size() < limit;
        });
        return found;
    }

    private static final class Visitor implements FileVisitor<Path> {
        private final Path start;
        private final int maxFiles;
        private final FileHandler handler;
        private final Predicate<Path> onDirectory;
        private final Consumer<Path> onUnreadable;
        int files;
        int unreadable;
        boolean truncated;

        Visitor(Path start, int maxFiles, FileHandler handler, Predicate<Path> onDirectory,
                Consumer<Path> onUnreadable) {
            this.onUnreadable = onUnreadable;
            this.start = start;
            this.maxFiles = maxFiles;
            this.handler = handler;
            this.onDirectory = onDirectory;
        }

        void unreadable(Path entry) {
            unreadable++;
            if (onUnreadable != null) {
                onUnreadable.accept(entry);
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (Thread.currentThread().isInterrupted()) {
                return FileVisitResult.TERMINATE;
            }
            if (!dir.equals(start) && skipped(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (onDirectory != null && !onDirectory.test(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // At the depth limit directories arrive here too; links are never followed.
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            if (files >= maxFiles) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            files++;
            if ((files & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                return FileVisitResult.TERMINATE;
            }
            return handler.onFile(file, attrs) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            // Unreadable directory, or a file that vanished between listing and reading: keep going.
            unreadable(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                unreadable(dir);
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
