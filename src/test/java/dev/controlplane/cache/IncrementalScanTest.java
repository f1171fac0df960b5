package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** An incremental rescan must equal a full scan, whatever happened to the tree. */
class IncrementalScanTest {
    @TempDir
    Path root;

    private FingerprintScanner scanner(int depth) {
        TestConfig config = new TestConfig(root);
        config.depth = depth;
        return new FingerprintScanner(new ProjectDirectory(config), config);
    }

    private static void assertSameScan(PatternScan expected, PatternScan actual) {
        assertEquals(expected.digest(), actual.digest());
        assertEquals(expected.directories(), actual.directories());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.path(i), actual.path(i));
        }
    }

    @Test
    void randomEditsCreationsDeletionsAndRenamesGiveTheFullScansResult() throws IOException {
        Random random = new Random(42);
        Path src = root.resolve("src");
        for (int i = 0; i < 60; i++) {
            TestFiles.write(src.resolve("p" + (i % 5) + "/q" + (i % 3) + "/F" + i + ".java"), "class F" + i + " {}");
        }
        FingerprintScanner incremental = scanner(4);
        incremental.scan("src/");
        for (int round = 0; round < 200; round++) {
            List<Path> changed = new ArrayList<>();
            mutate(random, src, changed);
            PatternScan updated = incremental.rescan("src/", changed);
            PatternScan full = scanner(4).scan("src/");
            assertSameScan(full, updated);
        }
    }

    private static void mutate(Random random, Path src, List<Path> changed) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int action = random.nextInt(7);
        String name = "n" + random.nextInt(1000);
        Path dir = src.resolve("p" + random.nextInt(6)).resolve("q" + random.nextInt(4));
        switch (action) {
            case 0 -> {
                Path created = firstMissing(dir.resolve(name + ".java"));
                TestFiles.write(dir.resolve(name + ".java"), "new");
                changed.add(created);
            }
            case 1 -> {
                if (!files.isEmpty()) {
                    Path file = files.get(random.nextInt(files.size()));
                    changed.add(TestFiles.write(file, "edited " + random.nextInt()));
                }
            }
            case 2 -> {
                if (!files.isEmpty()) {
                    Path file = files.get(random.nextInt(files.size()));
                    Files.delete(file);
                    changed.add(file);
                }
            }
            case 3 -> {
                if (!files.isEmpty()) {
                    Path file = files.get(random.nextInt(files.size()));
                    Path target = file.resolveSibling(name + ".kt");
                    Files.move(file, target);
                    changed.add(file);
                    changed.add(target);
                }
            }
            case 4 -> {
                // a whole new subtree, deeper than the walk goes in places
                Path tree = dir.resolve(name);
                Path created = firstMissing(tree);
                TestFiles.write(tree.resolve("a/b/c/deep.java"), "deep");
                TestFiles.write(tree.resolve("top.java"), "top");
                changed.add(created);
            }
            case 5 -> {
                // a directory that is skipped, and a hidden one
                Path created = firstMissing(dir.resolve("node_modules"));
                TestFiles.write(dir.resolve("node_modules/x.js"), "x");
                TestFiles.write(dir.resolve(".cache/y.txt"), "y");
                changed.add(created);
                changed.add(dir.resolve(".cache"));
            }
            default -> {
                // a directory removed with everything in it
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                    changed.add(dir);
                }
            }
        }
    }

    /** What the OS reports when {@code path} is created: the topmost directory that did not exist yet. */
    private static Path firstMissing(Path path) {
        Path candidate = path;
        while (candidate.getParent() != null && !Files.exists(candidate.getParent())) {
            candidate = candidate.getParent();
        }
        return candidate;
    }

    @Test
    void theWatchedDirectoryItselfChangingFallsBackToAFullScan() throws IOException {
        TestFiles.write(root.resolve("docs/a.md"), "a");
        FingerprintScanner scanner = scanner(8);
        PatternScan before = scanner.scan("docs/");
        TestFiles.deleteQuietly(root.resolve("docs"));
        PatternScan after = scanner.rescan("docs/", List.of(root.resolve("docs")));
        assertEquals(0, after.size());
        assertNotSame(before, after);
    }
}
