package dev.controlplane.jobs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.logging.Log;

/**
 * A job's output: every (masked) line appended to {@code .state/jobs/<id>.log}, and the last lines kept in
 * memory with their numbers (1-based) for the live stream and {@code log_tail}. The file keeps at most
 * {@code maxBytes}: past that its head is dropped down to three quarters (so the rewrite is rare) and
 * {@link #firstLineInFile()} says which line the file now starts with.
 */
final class JobLog {
    /** Lines kept in memory: what the live stream can still send when it falls behind a fast producer. */
    static final int RING_LINES = 10_000;
    static final int TAIL_LINES = 200;

    private final Path file;
    private final long maxBytes;
    private final ArrayDeque<String> ring = new ArrayDeque<>();
    private Writer writer;
    private long bytes;
    private long total;
    private long firstLineInFile = 1;

    JobLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = Math.max(1024, maxBytes);
    }

    synchronized void append(String line) {
        total++;
        ring.addLast(line);
        if (ring.size() > RING_LINES) {
            ring.removeFirst();
        }
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
            writer.write(line);
            writer.write('\n');
            bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > maxBytes) {
                keepTail();
            }
        } catch (IOException e) {
            Log.debugf("Could not write %s: %s", file, e.getMessage());
        }
    }

    /** Drops the head of the file down to 3/4 of the limit, whole lines only. */
    private void keepTail() throws IOException {
        writer.close();
        writer = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long target = maxBytes * 3 / 4;
        long size = bytes;
        int drop = 0;
        while (drop < lines.size() && size > target) {
            size -= lines.get(drop).getBytes(StandardCharsets.UTF_8).length + 1;
            drop++;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, lines.subList(drop, lines.size()), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        firstLineInFile += drop;
        bytes = size;
    }

    synchronized void flush() {
        try {
            if (writer != null) {
                writer.flush();
            }
        } catch (IOException e) {
            Log.debugf("Could not flush %s: %s", file, e.getMessage());
        }
    }

    synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            Log.debugf("Could not close %s: %s", file, e.getMessage());
        }
        writer = null;
    }

    synchronized long total() {
        return total;
    }

    synchronized long firstLineInFile() {
        return firstLineInFile;
    }

    /** Number of the oldest line still in memory. */
    private long firstInRing() {
        return total - ring.size() + 1;
    }

    /** Up to {@code max} lines from line {@code from} on, as far as memory still holds them (may start later). */
    synchronized Batch from(long from, int max) {
        long start = Math.max(from, firstInRing());
        List<String> lines = new ArrayList<>();
        long index = firstInRing();
        for (String line : ring) {
            if (index >= start) {
                if (lines.size() >= max) {
                    break;
                }
                lines.add(line);
            }
            index++;
        }
        return new Batch(start, lines);
    }

    /** The last {@link #TAIL_LINES} lines. */
    synchronized List<String> tail() {
        return from(total - TAIL_LINES + 1, TAIL_LINES).lines();
    }

    /** Lines with their first number. */
    record Batch(long fromLine, List<String> lines) {
        boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    /** The log file from line {@code fromLine} on (lines dropped from its head are gone). */
    static InputStream read(Path file, long firstLineInFile, long fromLine) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        long skip = fromLine - firstLineInFile;
        while (skip > 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            if (c == '\n') {
                skip--;
            }
        }
        return in;
    }
}
