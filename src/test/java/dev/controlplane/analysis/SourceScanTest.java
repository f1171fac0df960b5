package dev.controlplane.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.testing.TestFiles;

/**
 * The structure and health cards share one parse per file: two scans of the same files, even at the same time
 * (Analyze computes both cards in parallel), return the same facts; a changed file is read again, alone.
 */
class SourceScanTest {
    @TempDir
    Path dir;

    @Test
    void scansAtTheSameTimeShareOneParsePerFileAndAChangedFileIsReadAgain() throws Exception {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String rel = "src/demo/C" + i + ".java";
            TestFiles.write(dir.resolve(rel), "package demo;\n\nclass C" + i + " {\n    int f(int a) {\n"
                    + "        return a > " + i + " ? a : -a;\n    }\n}\n");
            files.add(new SourceFile(dir.resolve(rel), rel, "java"));
        }
        CompletableFuture<SourceScan.Result> first = CompletableFuture.supplyAsync(() -> SourceScan.scan(files));
        CompletableFuture<SourceScan.Result> second = CompletableFuture.supplyAsync(() -> SourceScan.scan(files));
        List<FileFacts> a = first.get().files();
        List<FileFacts> b = second.get().files();
        assertEquals(40, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertSame(a.get(i), b.get(i), files.get(i).rel());
        }
        assertEquals(2, a.get(7).functions().get(0).complexity());

        Files.writeString(files.get(7).path(), "package demo;\n\nclass C7 {\n    int f(int a) {\n"
                + "        return a > 7 && a < 9 ? a : -a;\n    }\n}\n");
        List<FileFacts> c = SourceScan.scan(files).files();
        assertNotSame(a.get(7), c.get(7));
        assertEquals(3, c.get(7).functions().get(0).complexity());
        assertSame(a.get(8), c.get(8));
    }
}
