package dev.controlplane.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads source files into {@link FileFacts}, streaming: each file is parsed, its facts handed to a consumer in
 * the given order, and then dropped with its syntax tree. Files larger than {@value #MAX_BYTES} bytes (generated
 * or minified code) are counted by lines only; unreadable files are skipped and counted.
 *
 * <p>Nothing is kept per file: holding the facts of every file (the earlier per-file memo) took the 128 MiB
 * workstation heap on the generated 100k-file tree (75k sources) into an {@link OutOfMemoryError}. Sharing one
 * parse between the structure and health cards is {@link CodeAnalysis}'s job, on aggregates.
 */
public final class SourceScan {
    static final int MAX_BYTES = 1_000_000;
    /**
     * Files parsed in parallel before their facts are consumed in order: large enough to keep both cores busy,
     * small enough that the facts in flight cost nothing next to the rest.
     */
    private static final int CHUNK = 256;

    /** The scan of a file list: facts per file (in the given order), parse errors, time spent. */
    public record Result(List<FileFacts> files, int parseErrors, int unreadable, long parseMs) {
    }

    /** What a streaming scan counted; {@code complete} is false when the caller was interrupted part-way. */
    public record Counts(int read, int parseErrors, int unreadable, long parseMs, boolean complete) {
    }

    /** Marker in the parallel read for a file that could not be read. */
    private static final FileFacts UNREADABLE = new FileFacts(new SourceFile(java.nio.file.Path.of(""), "", ""), 0,
            List.of(), List.of(), List.of(), "", 0, true);

    private SourceScan() {
    }

    /** Every file's facts in one list: for small trees and tests (a whole tree goes through {@link #each}). */
    public static Result scan(List<SourceFile> files) {
        List<FileFacts> result = new ArrayList<>(files.size());
        Counts counts = each(files, result::add);
        return new Result(result, counts.parseErrors(), counts.unreadable(), counts.parseMs());
    }

    /**
     * Hands each readable file's facts to {@code sink}, in the order of {@code files}. Stops (with
     * {@code complete = false}) when the calling thread is interrupted, e.g. by the card's time-out.
     */
    public static Counts each(List<SourceFile> files, Consumer<FileFacts> sink) {
        long started = System.nanoTime();
        int read = 0;
        int errors = 0;
        int unreadable = 0;
        Thread caller = Thread.currentThread();
        for (int from = 0; from < files.size(); from += CHUNK) {
            if (caller.isInterrupted()) {
                return new Counts(read, errors, unreadable, (System.nanoTime() - started) / 1_000_000, false);
            }
            // Files are independent: read a chunk on the common pool (results in order), then consume it.
            List<FileFacts> chunk = files.subList(from, Math.min(files.size(), from + CHUNK)).parallelStream()
                    .map(SourceScan::read).toList();
            for (FileFacts facts : chunk) {
                if (facts == UNREADABLE) {
                    unreadable++;
                    continue;
                }
                read++;
                errors += facts.parsed() ? 0 : 1;
                sink.accept(facts);
            }
        }
        return new Counts(read, errors, unreadable, (System.nanoTime() - started) / 1_000_000, true);
    }

    static FileFacts read(SourceFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return UNREADABLE;
            }
            String text = new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8);
            if (attributes.size() > MAX_BYTES) {
                return new FileFacts(file, FileFacts.countLines(text), List.of(), List.of(), List.of(), "", 0,
                        !"java".equals(file.language()));
            }
            return "java".equals(file.language()) ? JavaSourceStats.read(file, text) : ScriptSourceStats.read(file, text);
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return UNREADABLE;
        }
    }
}
