package dev.controlplane.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.controlplane.support.ProjectWalker;

/**
 * What the cards of one refresh know about the project, read once and shared: each walk of the tree (with
 * the skip rules of {@link ProjectWalker}) is made once and replayed to every card that asks for it, and each
 * manifest is parsed once per file state (path, size, modification time). The cache layer decides how long a
 * model lives (one refresh, dropped at the first file event); cards only ask it.
 * <p>
 * A replay is exactly the walk the card would have made: same files in the same order, the same caps, the
 * same unreadable count up to where the card stopped.
 */
public final class ProjectModel {
    private final Path root;
    private final Map<WalkKey, RecordedWalk> walks = new ConcurrentHashMap<>();
    private final Map<ParseKey, Parsed> parses = new ConcurrentHashMap<>();
    private final AtomicInteger walksMade = new AtomicInteger();
    private final AtomicInteger parsesMade = new AtomicInteger();

    public ProjectModel(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** How many walks of the disk this model made (the rest were replays). */
    public int walksMade() {
        return walksMade.get();
    }

    /** How many manifest parses this model made (the rest were answered from memory). */
    public int parsesMade() {
        return parsesMade.get();
    }

    /** As {@link ProjectWalker#walk(Path, int, int, ProjectWalker.FileHandler)}, walked once per model. */
    public ProjectWalker.Summary walk(Path start, int depth, int maxFiles, ProjectWalker.FileHandler handler) {
        if (maxFiles > ProjectWalker.DEFAULT_MAX_FILES) {
            return ProjectWalker.walk(start, depth, maxFiles, handler);
        }
        RecordedWalk recorded = walks.computeIfAbsent(new WalkKey(start.normalize(), depth), k -> new RecordedWalk());
        return recorded.replay(this, start, depth, maxFiles, handler);
    }

    /** As {@link ProjectWalker#files(Path, int, int, Predicate)}, from the shared walk. */
    public List<Path> files(Path start, int depth, int limit, Predicate<Path> filter) {
        List<Path> found = new ArrayList<>();
        walk(start, depth, ProjectWalker.DEFAULT_MAX_FILES, (file, attrs) -> {
            if (filter.test(file)) {
                found.add(file);
            }
            return found.size() < limit;
        });
        return found;
    }

    /** A file's content parsed once per file state; the parser's own failures are not remembered. */
    @SuppressWarnings("unchecked")
    public <T> T parse(Path file, String parser, Parser<T> parse) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        ParseKey key = new ParseKey(file.normalize(), parser, attrs.size(), attrs.lastModifiedTime().toMillis());
        Parsed done = parses.get(key);
        if (done == null) {
            parsesMade.incrementAndGet();
            done = new Parsed(parse.parse(file));
            parses.put(key, done);
        }
        return (T) done.value();
    }

    /** Reads and parses one file. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private record WalkKey(Path start, int depth) {
    }

    private record ParseKey(Path file, String parser, long size, long mtime) {
    }

    private record Parsed(Object value) {
    }

    /** One visit of the recorded walk: a file with its attributes, or an unreadable entry (file == null). */
    private record Visit(Path file, BasicFileAttributes attrs) {
    }

    /** A walk made once (by the first card to ask) and replayed to the others. */
    private static final class RecordedWalk {
        private List<Visit> visits;
        private boolean truncated;

        synchronized ProjectWalker.Summary replay(ProjectModel model, Path start, int depth, int maxFiles,
                ProjectWalker.FileHandler handler) {
            if (visits == null) {
                record(model, start, depth);
            }
            int files = 0;
            int unreadable = 0;
            for (Visit visit : visits) {
                if (visit.file() == null) {
                    unreadable++;
                    continue;
                }
                if (files >= maxFiles) {
                    return new ProjectWalker.Summary(files, true, unreadable);
                }
                files++;
                if ((files & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("walk of " + start + " interrupted");
                }
                if (!handler.onFile(visit.file(), visit.attrs())) {
                    return new ProjectWalker.Summary(files, false, unreadable);
                }
            }
            return new ProjectWalker.Summary(files, truncated, unreadable);
        }

        private void record(ProjectModel model, Path start, int depth) {
            List<Visit> seen = new ArrayList<>();
            // Unreadable entries are not reported one by one: keep their count at the end, where a full
            // replay reads it (a walk stopped early by its card sees at most that many).
            ProjectWalker.Summary summary = ProjectWalker.walk(start, depth, ProjectWalker.DEFAULT_MAX_FILES,
                    (file, attrs) -> seen.add(new Visit(Objects.requireNonNull(file), attrs)));
            for (int i = 0; i < summary.unreadable(); i++) {
                seen.add(new Visit(null, null));
            }
            model.walksMade.incrementAndGet();
            truncated = summary.truncated();
            visits = seen; // only after a complete walk: an interrupted one threw above and is made again
        }
    }
}
