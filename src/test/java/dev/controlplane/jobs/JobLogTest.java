package dev.controlplane.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk log keeps its tail within the size limit; line numbers stay true. */
class JobLogTest {

    @Test
    void keepsTheTailOfALogOverTheLimitAndServesFromAnyLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("j1.log");
        JobLog log = new JobLog(file, 10_000);
        for (int i = 1; i <= 5_000; i++) {
            log.append("line " + i);
        }
        log.close();

        assertTrue(Files.size(file) <= 10_000, "file size " + Files.size(file));
        assertEquals(5_000, log.total());
        long first = log.firstLineInFile();
        assertTrue(first > 1);
        List<String> lines = Files.readAllLines(file);
        assertEquals("line " + first, lines.get(0));
        assertEquals("line 5000", lines.get(lines.size() - 1));

        try (InputStream in = JobLog.read(file, first, 4_998)) {
            assertEquals("line 4998\nline 4999\nline 5000\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void batchesFollowLineNumbersAndTheTailHasTheLast200(@TempDir Path dir) {
        JobLog log = new JobLog(dir.resolve("j2.log"), 1 << 20);
        for (int i = 1; i <= 450; i++) {
            log.append("l" + i);
        }
        JobLog.Batch batch = log.from(101, 50);
        assertEquals(101, batch.fromLine());
        assertEquals("l101", batch.lines().get(0));
        assertEquals(50, batch.lines().size());
        List<String> tail = log.tail();
        assertEquals(200, tail.size());
        assertEquals("l251", tail.get(0));
        assertTrue(log.from(451, 10).isEmpty());
        log.close();
    }
}
