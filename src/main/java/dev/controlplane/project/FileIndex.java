package dev.controlplane.project;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.controlplane.support.ProjectWalker;

/**
 * The project's file index: one walk of the whole tree from the root (skip rules of {@link ProjectWalker}, no
 * links, {@link #DEPTH} levels), recorded in walk order with the directories it entered and the entries it
 * could not read. Any walk that starts at the root or at a directory this walk entered is answered from it,
 * exactly as that walk would have gone: a depth-first walk visits a subtree as one contiguous run, so a
 * sub-walk is the run of its start directory, cut to its own depth and file cap.
 * <p>
 * A start the index does not hold (a skipped or hidden directory such as {@code .github/workflows}, a path
 * through a link, a directory deeper than the index can answer for) is not answered here; nor is anything
 * when the index itself hit the file cap, because a partial index could not tell a sub-walk where it ends.
 */
final class FileIndex {
    /** Deep enough that a walk of {@code CardContext.MIN_COMPUTE_DEPTH} levels from a directory 40 levels down fits. */
    static final int DEPTH = 64;

    private static final byte FILE = 0;
    private static final byte DIRECTORY = 1;
    /** Counted by a walk that reaches this depth (a file that vanished, an entry whose attributes failed). */
    private static final byte UNREADABLE = 2;
    /** Counted only by a walk that would have opened it (a directory that could not be listed). */
    private static final byte UNREADABLE_DIRECTORY = 3;

    private final Path root;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Path, Integer> directories = new HashMap<>();
    private final boolean truncated;
    private final int files;

    /**
     * One visit: for a directory, {@code end} is the index just past its subtree. A file's entry is also the
     * attributes handed to a replay: its size and modification time kept as two longs instead of the file
     * system's attribute object (about a third of the index's memory on a 100,000-file tree).
     */
    private static final class Entry implements BasicFileAttributes {
        final Path path;
        final byte kind;
        final short depth;
        private final long size;
        private final long modifiedNanos;
        int end;

        Entry(Path path, BasicFileAttributes attrs, byte kind, int depth) {
            this.path = path;
            this.kind = kind;
            this.depth = (short) depth;
            this.size = attrs == null ? 0 : attrs.size();
            this.modifiedNanos = attrs == null ? 0 : attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        }

        @Override
        public FileTime lastModifiedTime() {
            return FileTime.from(modifiedNanos, TimeUnit.NANOSECONDS);
        }

        /** Not kept: a card that needs it reads the file itself. */
        @Override
        public FileTime lastAccessTime() {
            return lastModifiedTime();
        }

        /** Not kept, as {@link #lastAccessTime()}. */
        @Override
        public FileTime creationTime() {
            return lastModifiedTime();
        }

        @Override
        public boolean isRegularFile() {
            return kind == FILE;
        }

        @Override
        public boolean isDirectory() {
            return kind == DIRECTORY;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Object fileKey() {
            return null;
        }
    }

    /** Walks the tree under {@code root} once. */
    FileIndex(Path root) {
        this.root = root;
        ProjectWalker.Summary summary = ProjectWalker.walk(root, DEPTH, ProjectWalker.DEFAULT_MAX_FILES,
                (file, attrs) -> entries.add(new Entry(file, attrs, FILE, depth(file))),
                dir -> {
                    directories.put(dir, entries.size());
                    entries.add(new Entry(dir, null, DIRECTORY, depth(dir)));
                    return true;
                },
                bad -> entries.add(new Entry(bad, null,
                        Files.isDirectory(bad, LinkOption.NOFOLLOW_LINKS) ? UNREADABLE_DIRECTORY : UNREADABLE,
                        depth(bad))));
        truncated = summary.truncated();
        files = summary.files();
        closeDirectories();
    }

    private int depth(Path path) {
        return path.startsWith(root) ? path.getNameCount() - root.getNameCount() : 0;
    }

    /** Sets each directory's end: the first later entry outside it (walk order is depth first). */
    private void closeDirectories() {
        Deque<Entry> open = new ArrayDeque<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            while (!open.isEmpty() && !entry.path.startsWith(open.peek().path)) {
                open.pop().end = i;
            }
            if (entry.kind == DIRECTORY) {
                open.push(entry);
            }
        }
        while (!open.isEmpty()) {
            open.pop().end = entries.size();
        }
    }

    /** Regular files the index holds. */
    int files() {
        return files;
    }

    /** Whether a walk from {@code start} to {@code depth} levels can be answered from the index. */
    boolean answers(Path start, int depth) {
        if (truncated) {
            return false;
        }
        Integer at = directories.get(start);
        return at != null && entries.get(at).depth + depth <= DEPTH;
    }

    /** Replays the walk {@link ProjectWalker#walk} would make; only when {@link #answers} said so. */
    ProjectWalker.Summary replay(Path start, int depth, int maxFiles, ProjectWalker.FileHandler handler,
            Predicate<Path> onDirectory) {
        int maxDepth = Math.max(1, depth);
        int at = directories.get(start);
        Entry top = entries.get(at);
        if (onDirectory != null && !onDirectory.test(start)) {
            return new ProjectWalker.Summary(0, false, 0);
        }
        int files = 0;
        int unreadable = 0;
        for (int i = at + 1; i < top.end; i++) {
            Entry entry = entries.get(i);
            int below = entry.depth - top.depth;
            switch (entry.kind) {
                case DIRECTORY -> {
                    if (below >= maxDepth || (onDirectory != null && !onDirectory.test(entry.path))) {
                        i = entry.end - 1; // not entered: its whole subtree is left out
                    }
                }
                case UNREADABLE -> unreadable += below <= maxDepth ? 1 : 0;
                case UNREADABLE_DIRECTORY -> unreadable += below < maxDepth ? 1 : 0;
                default -> {
                    if (below > maxDepth) {
                        continue;
                    }
                    if (files >= maxFiles) {
                        return new ProjectWalker.Summary(files, true, unreadable);
                    }
                    files++;
                    if ((files & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("walk of " + start + " interrupted");
                    }
                    if (!handler.onFile(entry.path, entry)) {
                        return new ProjectWalker.Summary(files, false, unreadable);
                    }
                }
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("walk of " + start + " interrupted");
        }
        return new ProjectWalker.Summary(files, false, unreadable);
    }
}
