package dev.controlplane.analysis;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.controlplane.support.ProjectWalker;

/**
 * Reads every source file once into {@link FileFacts}. Files larger than {@value #MAX_BYTES} bytes (generated
 * or minified code) are counted by lines only; unreadable files are skipped and counted. Results are memoised by
 * path, size and modification time, so the structure and health cards of one "Analyze" parse each file once
 * (the parse is ~90 % of either card's time), and a later run re-parses only the files that changed.
 *
 * <p>The memo covers as many files as one walk returns ({@link #MEMO_LIMIT}): a smaller bound made a 50k-file
 * tree (38k sources) clear it half-way and parse everything twice. It is held through one {@link SoftReference},
 * so under heap pressure the collector drops it whole before an {@link OutOfMemoryError}; the next scan then
 * parses again, which is slower, never wrong.
 */
public final class SourceScan {
    static final int MAX_BYTES = 1_000_000;
    private static final int MEMO_LIMIT = ProjectWalker.DEFAULT_MAX_FILES;
    private static volatile SoftReference<Map<Path, Memo>> memo = new SoftReference<>(new ConcurrentHashMap<>());

    private record Memo(long size, long modified, FileFacts facts) {
        boolean matches(SourceFile file, long fileSize, long fileModified) {
            return size == fileSize && modified == fileModified && facts.file().equals(file);
        }
    }

    /** The scan of a file list: facts per file (in the given order), parse errors, time spent. */
    public record Result(List<FileFacts> files, int parseErrors, int unreadable, long parseMs) {
    }

    /** Markers in the parallel read: a file that could not be read, a file left unread after a timeout. */
    private static final FileFacts UNREADABLE = marker();
    private static final FileFacts SKIPPED = marker();

    private SourceScan() {
    }

    private static FileFacts marker() {
        return new FileFacts(new SourceFile(java.nio.file.Path.of(""), "", ""), 0, List.of(), List.of(), List.of(), "",
                0, true);
    }

    private static FileFacts orUnreadable(FileFacts facts) {
        return facts == null ? UNREADABLE : facts;
    }

    public static Result scan(List<SourceFile> files) {
        long started = System.nanoTime();
        List<FileFacts> result = new ArrayList<>(files.size());
        int errors = 0;
        int unreadable = 0;
        Thread caller = Thread.currentThread();
        // Files are independent: read them on the common pool (in order), stopping when the card times out.
        List<FileFacts> read = files.parallelStream()
                .map(file -> caller.isInterrupted() ? SKIPPED : orUnreadable(read(file)))
                .toList();
        for (FileFacts facts : read) {
            if (facts == SKIPPED) {
                break;
            }
            if (facts == UNREADABLE) {
                unreadable++;
                continue;
            }
            errors += facts.parsed() ? 0 : 1;
            result.add(facts);
        }
        return new Result(result, errors, unreadable, (System.nanoTime() - started) / 1_000_000);
    }

    private static FileFacts parse(SourceFile file, long size) throws IOException {
        String text = new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8);
        if (size > MAX_BYTES) {
            return new FileFacts(file, FileFacts.countLines(text), List.of(), List.of(), List.of(), "", 0,
                    !"java".equals(file.language()));
        }
        return "java".equals(file.language()) ? JavaSourceStats.read(file, text) : ScriptSourceStats.read(file, text);
    }

    /** The memo, a new empty one when the collector has dropped it. */
    private static Map<Path, Memo> memos() {
        Map<Path, Memo> memos = memo.get();
        if (memos == null) {
            synchronized (SourceScan.class) {
                memos = memo.get();
                if (memos == null) {
                    memos = new ConcurrentHashMap<>();
                    memo = new SoftReference<>(memos);
                }
            }
        }
        return memos;
    }

    static FileFacts read(SourceFile file) {
        try {
            // One stat per file, not three: on a memo hit this is all the read costs.
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return null;
            }
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Map<Path, Memo> memos = memos();
            Memo known = memos.get(file.path());
            if (known != null && known.matches(file, size, modified)) {
                return known.facts;
            }
            if (memos.size() > MEMO_LIMIT) {
                memos.clear();
            }
            // compute() holds the entry while the file is parsed: "Analyze" computes structure and quality at the
            // same time (same dependency level), so the second scan to reach a file waits for the first one's
            // parse instead of repeating it. Entries are files, so two scans rarely wait on different files.
            IOException[] failed = {null};
            Memo stored = memos.compute(file.path(), (path, old) -> {
                if (old != null && old.matches(file, size, modified)) {
                    return old;
                }
                try {
                    return new Memo(size, modified, parse(file, size));
                } catch (IOException e) {
                    failed[0] = e;
                    return null;
                }
            });
            return failed[0] != null || stored == null ? null : stored.facts;
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return null;
        }
    }
}
