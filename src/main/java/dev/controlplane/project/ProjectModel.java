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
 * What the cards of one refresh know about the project, read once and shared: the tree is walked once (with
 * the skip rules of {@link ProjectWalker}) into a {@link FileIndex} that answers every walk from the root or a
 * directory below it, each directory listing is made once, and each manifest is parsed once per file state
 * (path, size, modification time). The cache layer decides how long a
 * model lives (one refresh, dropped at the first file event); cards only ask it.
 * <p>
 * A replay is exactly the walk the card would have made: same files in the same order, the same caps, the
 * same unreadable count up to where the card stopped.
 */
public final class ProjectModel {
    private final Path root;
    private final Map<WalkKey, RecordedWalk> walks = new ConcurrentHashMap<>();
    private final Map<Path, List<DirectoryEntry>> listings = new ConcurrentHashMap<>();
    private volatile FileIndex index;
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

    /**
     * As {@link ProjectWalker#walk(Path, int, int, ProjectWalker.FileHandler)}, without walking the disk again:
     * a start the {@link FileIndex} holds (the root, any directory its one walk entered) is replayed from it; any
     * other start (a hidden or skipped directory such as {@code .github/workflows}, a path through a link) is
     * walked once per start and depth and replayed to the next card that asks.
     */
    public ProjectWalker.Summary walk(Path start, int depth, int maxFiles, ProjectWalker.FileHandler handler) {
        return walk(start, depth, maxFiles, handler, null);
    }

    /**
     * As {@link ProjectWalker#walk(Path, int, int, ProjectWalker.FileHandler, Predicate)}: {@code onDirectory}
     * is asked about each directory the walk would enter, and a refused one is left out with its subtree.
     */
    public ProjectWalker.Summary walk(Path start, int depth, int maxFiles, ProjectWalker.FileHandler handler,
            Predicate<Path> onDirectory) {
        if (maxFiles > ProjectWalker.DEFAULT_MAX_FILES) {
            return ProjectWalker.walk(start, depth, maxFiles, handler, onDirectory);
        }
        if (indexable(start)) {
            FileIndex index = index();
            if (index.answers(start, depth)) {
                return index.replay(start, depth, maxFiles, handler, onDirectory);
            }
        }
        if (onDirectory != null) {
            // Only when the index cannot answer (it hit the file cap): a pruned walk is not worth recording.
            return ProjectWalker.walk(start, depth, maxFiles, handler, onDirectory);
        }
        RecordedWalk recorded = walks.computeIfAbsent(new WalkKey(start.normalize(), depth), k -> new RecordedWalk());
        return recorded.replay(this, start, depth, maxFiles, handler);
    }

    /** Regular files the file index holds (the tree as one walk from the root sees it). */
    public int indexedFiles() {
        return index().files();
    }

    /** A start the index may hold: inside the root, with no skipped directory on the way (the root itself counts). */
    private boolean indexable(Path start) {
        if (start.equals(root)) {
            return true;
        }
        if (!start.startsWith(root)) {
            return false;
        }
        for (Path name : root.relativize(start)) {
            if (ProjectWalker.skipped(name) || name.toString().equals("..") || name.toString().equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Locked: cards starting together must not each walk the tree; an interrupted walk is made again. */
    private FileIndex index() {
        FileIndex done = index;
        if (done != null) {
            return done;
        }
        synchronized (this) {
            if (index == null) {
                FileIndex made = new FileIndex(root);
                walksMade.incrementAndGet();
                index = made;
            }
            return index;
        }
    }

    /**
     * The entries directly in {@code dir} (files, directories, links, each as {@link Files#readAttributes} with
     * no link followed sees it), in the order the directory lists them; listed once per model. Not a walk: no
     * skip rule applies, so a card can look into {@code .github/} or {@code stacks/} as it is. An unreadable or
     * missing directory lists nothing.
     */
    public List<DirectoryEntry> list(Path dir) {
        return listings.computeIfAbsent(dir, DirectoryEntry::list);
    }

    /** The regular files directly in {@code dir} (not links), in listing order. */
    public List<Path> regularFilesIn(Path dir) {
        return list(dir).stream().filter(DirectoryEntry::isFile).map(DirectoryEntry::path).toList();
    }

    /**
     * The workflow files GitHub Actions reads: regular {@code *.yml}/{@code *.yaml} files directly in
     * {@code .github/workflows/}, sorted by name. The walk skips {@code .github} (a hidden directory), so this is
     * the one documented way a card looks there. A link in place of the directory is not followed.
     */
    public List<Path> githubWorkflows() {
        Path dir = root.resolve(".github").resolve("workflows");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return regularFilesIn(dir).stream()
                .filter(file -> {
                    String name = file.getFileName().toString();
                    return name.endsWith(".yml") || name.endsWith(".yaml");
                })
                .sorted()
                .toList();
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
            if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                model.walksMade.incrementAndGet(); // asking about a missing directory walks nothing
            }
            truncated = summary.truncated();
            visits = seen; // only after a complete walk: an interrupted one threw above and is made again
        }
    }
}
