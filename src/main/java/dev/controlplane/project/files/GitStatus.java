package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code git status --porcelain=v2 --branch -z} says about a working tree: the branch headers and the
 * changed paths, grouped the way the git card reports them. Counts are real; the name lists keep the first
 * {@link #MAX_NAMES} (a tree with 50,000 untracked files must not produce a 50,000-entry payload).
 */
public final class GitStatus {
    public static final int MAX_NAMES = 20;

    /** A count plus the first names counted. */
    public static final class Bucket {
        private final List<String> names = new ArrayList<>();
        private int count;

        void add(String path) {
            count++;
            if (names.size() < MAX_NAMES) {
                names.add(path);
            }
        }

        public int count() {
            return count;
        }

        public List<String> names() {
            return List.copyOf(names);
        }
    }

    String oid;
    public String head;
    public String upstream;
    public int ahead;
    public int behind;
    public final Bucket staged = new Bucket();
    public final Bucket modified = new Bucket();
    public final Bucket untracked = new Bucket();
    public final Bucket unmerged = new Bucket();
    public int renamed;

    private GitStatus() {
    }

    /** {@code (detached)} in {@code branch.head}: HEAD points at a commit, not a branch. */
    public boolean detached() {
        return "(detached)".equals(head);
    }

    /** {@code (initial)} in {@code branch.oid}: the branch has no commit yet. */
    public boolean unborn() {
        return oid == null || "(initial)".equals(oid);
    }

    public boolean dirty() {
        return staged.count() + modified.count() + untracked.count() + unmerged.count() > 0;
    }

    /**
     * Parses NUL-separated porcelain v2 records. {@code ignored} drops paths the card must not count (the
     * dashboard's own {@code .state/}).
     */
    public static GitStatus parse(String output, Predicate<String> ignored) {
        GitStatus status = new GitStatus();
        String[] records = output.split("\0", -1);
        for (int i = 0; i < records.length; i++) {
            String record = records[i];
            if (record.isEmpty()) {
                continue;
            }
            switch (record.charAt(0)) {
                case '#' -> status.header(record);
                // 1 XY sub mH mI mW hH hI path
                case '1' -> status.change(field(record, 9, 8), field(record, 9, 1), ignored);
                // 2 XY sub mH mI mW hH hI Xscore path NUL origPath: the original path is the next record
                case '2' -> {
                    i++;
                    String path = field(record, 10, 9);
                    if (path != null && !ignored.test(path)) {
                        status.renamed++;
                    }
                    status.change(path, field(record, 10, 1), ignored);
                }
                // u XY sub m1 m2 m3 mW h1 h2 h3 path
                case 'u' -> status.add(status.unmerged, field(record, 11, 10), ignored);
                case '?' -> status.add(status.untracked, record.length() > 2 ? record.substring(2) : null, ignored);
                default -> {
                    // '!' (ignored files) is not requested; anything else is a format we do not know yet.
                }
            }
        }
        return status;
    }

    private void header(String record) {
        String[] parts = record.split(" ");
        if (parts.length < 3) {
            return;
        }
        switch (parts[1]) {
            case "branch.oid" -> oid = parts[2];
            case "branch.head" -> head = parts[2];
            case "branch.upstream" -> upstream = parts[2];
            case "branch.ab" -> {
                ahead = Math.abs(parseInt(parts[2]));
                behind = parts.length > 3 ? Math.abs(parseInt(parts[3])) : 0;
            }
            default -> {
            }
        }
    }

    /** X is the index (staged) side, Y the working-tree side; '.' means unchanged. */
    private void change(String path, String xy, Predicate<String> ignored) {
        if (path == null || xy == null || xy.length() < 2 || ignored.test(path)) {
            return;
        }
        if (xy.charAt(0) != '.') {
            staged.add(path);
        }
        if (xy.charAt(1) != '.') {
            modified.add(path);
        }
    }

    private void add(Bucket bucket, String path, Predicate<String> ignored) {
        if (path != null && !ignored.test(path)) {
            bucket.add(path);
        }
    }

    /** Field {@code index} of a record with {@code count} space-separated fields (the last one, a path, may hold spaces). */
    private static String field(String record, int count, int index) {
        String[] fields = record.split(" ", count);
        return fields.length == count ? fields[index] : null;
    }

    private static int parseInt(String signed) {
        try {
            return Integer.parseInt(signed.replace("+", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
