package dev.controlplane.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.testing.TestFiles;

/**
 * The structure and health cards share one pass over the sources: two analyses of the same files, even at the
 * same time (Analyze computes both cards in parallel), return the same result; a changed file makes a new pass.
 * The pass keeps only what the cards list (the {@code keep} worst) and counts the rest; a cap on the files
 * analysed is reported, not hidden.
 */
class CodeAnalysisTest {
    @TempDir
    Path dir;

    /** 40 files; file i's method is {@code a > i ? a : -a} (complexity 2) and file 39's is 40 lines long. */
    private List<SourceFile> tree() {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String rel = "src/demo/C" + (i < 10 ? "0" : "") + i + ".java";
            String body = i == 39 ? "        a++;\n".repeat(70) : "";
            TestFiles.write(dir.resolve(rel), "package demo;\n\nclass C" + i + " {\n    int f(int a) {\n" + body
                    + "        return a > " + i + " ? a : -a;\n    }\n}\n");
            files.add(new SourceFile(dir.resolve(rel), rel, "java"));
        }
        return files;
    }

    private CodeAnalysis.Result analyse(List<SourceFile> files, int maxFiles, int keep) {
        try {
            return CodeAnalysis.analyse(dir, List.of(), files, maxFiles, keep);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void analysesAtTheSameTimeShareOnePassAndAChangedFileMakesANewOne() throws Exception {
        List<SourceFile> files = tree();
        CompletableFuture<CodeAnalysis.Result> first = CompletableFuture.supplyAsync(() -> analyse(files, 1000, 5));
        CompletableFuture<CodeAnalysis.Result> second = CompletableFuture.supplyAsync(() -> analyse(files, 1000, 5));
        CodeAnalysis.Result a = first.get();
        assertSame(a, second.get());
        assertEquals(40, a.files());
        assertEquals(40, a.filesTotal());
        assertFalse(a.truncated());
        assertEquals(7 * 39 + 77, a.stats().lines(), "7 lines a file, 70 more in C39");
        assertEquals(40, a.stats().functions());
        assertEquals(2, a.health().files().get(1).facts().maxComplexity());

        Files.writeString(files.get(7).path(), "package demo;\n\nclass C7 {\n    int f(int a) {\n"
                + "        return a > 7 && a < 9 ? a : -a;\n    }\n}\n");
        CodeAnalysis.Result c = CodeAnalysis.analyse(dir, List.of(), files, 1000, 5);
        assertNotSame(a, c);
        assertEquals(40, c.files());
    }

    @Test
    void keepsOnlyTheWorstAndCountsTheRest() throws Exception {
        CodeAnalysis.Result result = CodeAnalysis.analyse(dir, List.of(), tree(), 1000, 2);
        CodeHealth.Result health = result.health();
        assertEquals(40, health.fileCount());
        assertEquals(2, health.files().size());
        assertEquals("src/demo/C39.java", health.files().get(0).facts().file().rel(), "the 73-line method");
        assertEquals(8.5, health.files().get(0).score());
        assertEquals("src/demo/C00.java", health.files().get(1).facts().file().rel(), "ties: path order");
        assertEquals(List.of("long_function|warning|src/demo/C39.java:4|f: 73 lines"),
                health.hotspots().stream().map(h -> h.type() + "|" + h.severity() + "|" + h.file() + ":" + h.line()
                        + "|" + h.detail()).toList());
        assertEquals(1, health.hotspotCount());
        assertEquals(80, result.naming().totalSymbols(), "40 types + 40 methods");
    }

    @Test
    void aCapAnalysesTheFirstFilesAndSaysSo() throws Exception {
        CodeAnalysis.Result result = CodeAnalysis.analyse(dir, List.of(), tree(), 3, 50);
        assertEquals(3, result.files());
        assertEquals(40, result.filesTotal());
        assertTrue(result.truncated());
        assertEquals(21, result.stats().lines());
        assertEquals(3, result.health().fileCount());
        assertEquals(List.of("src/demo/C00.java", "src/demo/C01.java", "src/demo/C02.java"),
                result.health().files().stream().map(s -> s.facts().file().rel()).sorted().toList());
    }
}
