package dev.controlplane.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.controlplane.support.ToolRunner;

/**
 * A repository's size, history and hygiene from the git CLI. Every command runs with
 * {@code --no-optional-locks}, so reading never takes the index lock an editor or another git may hold. Works on
 * a shallow clone (the history is what the clone holds, and {@code shallow} says so).
 */
public final class RepoHistory {
    public static final long LARGE_BYTES = 500 * 1024;
    private static final Set<String> BINARY_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "ico", "webp",
            "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "war", "ear", "class", "exe", "dll", "so",
            "dylib", "a", "o", "bin", "iso", "dmg", "mp3", "mp4", "mov", "avi", "woff", "woff2", "ttf", "otf", "eot",
            "psd", "sqlite", "db", "parquet", "pyc", "wasm");

    public record Objects(long count, long sizeKb, long packs, long packSizeKb) {
    }

    public record Author(String name, int commits) {
    }

    public record History(int totalCommits, int authorCount, List<Author> authors, String firstCommitDate,
            String latestCommitDate, long ageDays, int branchCount, int tagCount, boolean shallow) {
    }

    public record TrackedFile(String path, long sizeKb) {
    }

    /** {@code available} false (with {@code reason}) when git is missing or the directory is no repository. */
    public record Result(boolean available, String reason, boolean gitMissing, Objects objects, History history,
            List<TrackedFile> large, List<TrackedFile> binary) {
    }

    private RepoHistory() {
    }

    /** @param git runs {@code git <args>} in the project (the card passes {@code ctx::run}) */
    public static Result read(Function<String[], ToolRunner.Result> git) {
        ToolRunner.Result inside = git(git, "rev-parse", "--is-inside-work-tree");
        if (!inside.found()) {
            return unavailable("git is not installed", true);
        }
        if (!inside.ok() || !"true".equals(inside.stdout().trim())) {
            return unavailable("not a git repository", false);
        }
        boolean shallow = "true".equals(git(git, "rev-parse", "--is-shallow-repository").stdout().trim());
        Objects objects = objects(git(git, "count-objects", "-v").stdout());
        ToolRunner.Result count = git(git, "rev-list", "--count", "HEAD");
        int commits = count.ok() ? parseInt(count.stdout().trim()) : 0;
        List<Author> authors = new ArrayList<>();
        for (String line : lines(git(git, "shortlog", "-sn", "--all", "--no-merges").stdout())) {
            String trimmed = line.trim();
            int tab = trimmed.indexOf('\t');
            if (tab > 0) {
                authors.add(new Author(trimmed.substring(tab + 1).trim(), parseInt(trimmed.substring(0, tab).trim())));
            }
        }
        authors.sort(Comparator.comparingInt(Author::commits).reversed().thenComparing(Author::name));
        String first = "";
        for (String line : lines(git(git, "log", "--max-parents=0", "--format=%cI", "HEAD").stdout())) {
            if (first.isEmpty() || line.trim().compareTo(first) < 0) {
                first = line.trim();
            }
        }
        String latest = commits == 0 ? "" : git(git, "log", "-1", "--format=%cI", "HEAD").stdout().trim();
        long age = 0;
        try {
            if (!first.isEmpty()) {
                age = Math.max(0, Duration.between(OffsetDateTime.parse(first), OffsetDateTime.now()).toDays());
            }
        } catch (DateTimeParseException e) {
            age = 0;
        }
        int branches = lines(git(git, "branch", "--list").stdout()).size();
        int tags = lines(git(git, "tag", "--list").stdout()).size();
        History history = new History(commits, authors.size(), authors.subList(0, Math.min(10, authors.size())), first,
                latest, age, branches, tags, shallow);
        List<TrackedFile> large = new ArrayList<>();
        List<TrackedFile> binary = new ArrayList<>();
        if (commits > 0) {
            tracked(git(git, "ls-tree", "-r", "-l", "-z", "HEAD").stdout(), large, binary);
        }
        return new Result(true, "", false, objects, history, large, binary);
    }

    /** {@code <mode> <type> <sha> <size>\t<path>\0}: blobs over 500 KB are large; binary by extension. */
    static void tracked(String listing, List<TrackedFile> large, List<TrackedFile> binary) {
        for (String entry : listing.split("\0")) {
            int tab = entry.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = entry.substring(0, tab).trim().split("\\s+");
            if (meta.length < 4 || !"blob".equals(meta[1])) {
                continue;
            }
            String path = entry.substring(tab + 1);
            long size = parseLong(meta[3]);
            TrackedFile file = new TrackedFile(path, (size + 1023) / 1024);
            if (size > LARGE_BYTES) {
                large.add(file);
            }
            int dot = path.lastIndexOf('.');
            if (dot > path.lastIndexOf('/') && BINARY_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                binary.add(file);
            }
        }
        large.sort(Comparator.comparingLong(TrackedFile::sizeKb).reversed().thenComparing(TrackedFile::path));
        binary.sort(Comparator.comparingLong(TrackedFile::sizeKb).reversed().thenComparing(TrackedFile::path));
    }

    static Objects objects(String countObjects) {
        long count = 0;
        long size = 0;
        long inPack = 0;
        long packs = 0;
        long sizePack = 0;
        for (String line : lines(countObjects)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            long value = parseLong(line.substring(colon + 1).trim());
            switch (line.substring(0, colon).trim()) {
                case "count" -> count = value;
                case "size" -> size = value;
                case "in-pack" -> inPack = value;
                case "packs" -> packs = value;
                case "size-pack" -> sizePack = value;
                default -> {
                }
            }
        }
        return new Objects(count + inPack, size + sizePack, packs, sizePack);
    }

    private static ToolRunner.Result git(Function<String[], ToolRunner.Result> git, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "git";
        command[1] = "--no-optional-locks";
        System.arraycopy(args, 0, command, 2, args.length);
        return git.apply(command);
    }

    private static Result unavailable(String reason, boolean missing) {
        return new Result(false, reason, missing, new Objects(0, 0, 0, 0),
                new History(0, 0, List.of(), "", "", 0, 0, 0, false), List.of(), List.of());
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static int parseInt(String value) {
        return (int) Math.min(Integer.MAX_VALUE, parseLong(value));
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
