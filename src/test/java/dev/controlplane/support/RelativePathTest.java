package dev.controlplane.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The string form of a path relative to the root, the same as relativize gives it (fast path or not). */
class RelativePathTest {

    @ParameterizedTest
    @CsvSource({
        "/p/root, /p/root/a/b.txt",
        "/p/root, /p/root/a",
        "/p/root, /p/root",
        "/p/root, /p/rootx/a",
        "/p/root, /p/other/a",
        "/p/root, /p/root/./a",
        "/p/root, /p/root/../a",
        "/p/./root, /p/./root/a",
        "/p/root, /p/root/.hidden/..x/a",
        "/, /a/b",
        "/, /",
        "rel, rel/a",
        "rel, rel",
        "rel, other/x",
        "'', a/b",
    })
    void answersAsRelativize(String root, String file) {
        Path r = Path.of(root);
        Path f = Path.of(file);
        assertEquals(r.relativize(f).toString(), RelativePath.of(r, f), root + " -> " + file);
    }

    @org.junit.jupiter.api.Test
    void unrelatedPathsFailAsRelativize() {
        assertThrows(IllegalArgumentException.class, () -> RelativePath.of(Path.of("/abs"), Path.of("rel")));
    }
}
