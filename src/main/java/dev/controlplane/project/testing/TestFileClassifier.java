package dev.controlplane.project.testing;

import static dev.controlplane.project.testing.TestInventory.MAX_TEST_FILE_BYTES;
import static dev.controlplane.project.testing.TestInventory.isFailsafeName;
import static dev.controlplane.project.testing.TestInventory.isSurefireName;
import static dev.controlplane.project.testing.TestInventory.parentDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.files.TestCodeCounter;
import dev.controlplane.project.testing.TestInventory.Family;
import dev.controlplane.project.testing.TestInventory.Hint;
import dev.controlplane.project.testing.TestInventory.TestFile;
import dev.controlplane.support.Manifests;

/**
 * The per-file half of {@link TestInventory}: decides whether a file the walk meets is a test (by language
 * conventions: {@code *Test.java} under {@code src/test}, {@code test_*.py}, {@code *.test.ts}, {@code *_test.go},
 * Cargo {@code tests/}), counts its tests, and counts the rest as project source unless it is test support.
 */
final class TestFileClassifier {
    private static final Set<String> JS_EXTENSIONS = Set.of("js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts");
    /** Directories whose non-test code is test support (helpers, fixtures), not project source. */
    private static final Set<String> TEST_DIR_NAMES = Set.of("test", "tests", "__tests__", "spec", "testdata");

    private final ProjectAccess ctx;
    private final List<TestFile> testFiles;
    private final List<TestFile> inlineRustTests;
    private final List<String> warnings;
    private int sourceFiles;
    /** The {@code src/test} root of the walk in progress: where JVM tests are reported. */
    private String testRoot;

    TestFileClassifier(ProjectAccess ctx, List<TestFile> testFiles, List<TestFile> inlineRustTests,
            List<String> warnings) {
        this.ctx = ctx;
        this.testFiles = testFiles;
        this.inlineRustTests = inlineRustTests;
        this.warnings = warnings;
    }

    int sourceFiles() {
        return sourceFiles;
    }

    /** Classifies one file met by the walk: a test file (kept), project source (counted) or neither. */
    void classify(Path file, long size, boolean underSrcTest, String testRoot) {
        this.testRoot = testRoot;
        String name = file.getFileName().toString();
        String ext = extension(name);
        String rel = ctx.rel(file);
        switch (ext) {
            case "java", "kt" -> {
                if (underSrcTest) {
                    jvmTest(file, rel, name, size, ext.equals("kt"));
                } else {
                    sourceFiles++;
                }
            }
            case "py" -> python(file, rel, name, size, underSrcTest);
            case "go" -> go(file, rel, name, size, underSrcTest);
            case "rs" -> rust(file, rel, size, underSrcTest);
            default -> {
                if (JS_EXTENSIONS.contains(ext)) {
                    js(file, rel, name, size, underSrcTest);
                }
            }
        }
    }

    private void jvmTest(Path file, String rel, String name, long size, boolean kotlin) {
        String className = name.substring(0, name.lastIndexOf('.'));
        boolean integration = isFailsafeName(className);
        boolean namedAsTest = integration || isSurefireName(className);
        String text = read(file, rel, size);
        TestCodeCounter.Counts counts = text == null ? new TestCodeCounter.Counts(0, 0)
                : TestCodeCounter.junit(text, kotlin);
        // helpers and fixtures under src/test are neither tests nor project source
        if (counts.functions() > 0 || namedAsTest) {
            testFiles.add(new TestFile(rel, testRoot, Family.JVM, counts.functions(), counts.classes(),
                    integration, EnumSet.noneOf(Hint.class)));
        }
    }

    private void python(Path file, String rel, String name, long size, boolean underSrcTest) {
        if (name.startsWith("test_") || name.endsWith("_test.py")) {
            String text = read(file, rel, size);
            TestCodeCounter.PythonCounts counts = text == null ? new TestCodeCounter.PythonCounts(0, 0, false, false)
                    : TestCodeCounter.python(text);
            Set<Hint> hints = EnumSet.noneOf(Hint.class);
            if (counts.unittestClasses()) {
                hints.add(Hint.UNITTEST);
            }
            if (counts.importsPytest()) {
                hints.add(Hint.PYTEST_IMPORT);
            }
            testFiles.add(new TestFile(rel, parentDir(rel), Family.PYTHON, counts.functions(), counts.classes(),
                    false, hints));
        } else if (!name.equals("conftest.py")) {
            countSource(rel, underSrcTest);
        }
    }

    private void js(Path file, String rel, String name, long size, boolean underSrcTest) {
        if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) {
            return;
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        if (stem.endsWith(".test") || stem.endsWith(".spec") || hasDirSegment(rel, "__tests__")) {
            String text = read(file, rel, size);
            TestCodeCounter.JsCounts counts = text == null ? new TestCodeCounter.JsCounts(0, 0, false, false)
                    : TestCodeCounter.js(text);
            Set<Hint> hints = EnumSet.noneOf(Hint.class);
            if (counts.importsVitest()) {
                hints.add(Hint.VITEST_IMPORT);
            }
            if (counts.importsJest()) {
                hints.add(Hint.JEST_IMPORT);
            }
            testFiles.add(new TestFile(rel, parentDir(rel), Family.JS, counts.functions(), counts.suites(), false,
                    hints));
        } else if (!name.startsWith(".") && !stem.contains(".config")) {
            // tool configuration (jest.config.js, vite.config.ts) is not application source
            countSource(rel, underSrcTest);
        }
    }

    private void go(Path file, String rel, String name, long size, boolean underSrcTest) {
        if (name.endsWith("_test.go")) {
            String text = read(file, rel, size);
            int tests = text == null ? 0 : TestCodeCounter.go(text);
            testFiles.add(new TestFile(rel, parentDir(rel), Family.GO, tests, 0, false, EnumSet.noneOf(Hint.class)));
        } else {
            countSource(rel, underSrcTest);
        }
    }

    /** Cargo's integration tests live in {@code tests/}; unit tests sit inline in the sources they test. */
    private void rust(Path file, String rel, long size, boolean underSrcTest) {
        String text = read(file, rel, size);
        int tests = text == null ? 0 : TestCodeCounter.rust(text);
        TestFile entry = new TestFile(rel, parentDir(rel), Family.RUST, tests, 0, false, EnumSet.noneOf(Hint.class));
        if (hasDirSegment(rel, "tests")) {
            testFiles.add(entry);
            return;
        }
        countSource(rel, underSrcTest);
        if (tests > 0) {
            inlineRustTests.add(entry);
        }
    }

    private void countSource(String rel, boolean underSrcTest) {
        if (underSrcTest) {
            return;
        }
        String dir = parentDir(rel);
        for (String segment : dir.split("/")) {
            if (TEST_DIR_NAMES.contains(segment)) {
                return;
            }
        }
        sourceFiles++;
    }

    /** Reads a test file for counting; an oversized one is noted and left uncounted. */
    private String read(Path file, String rel, long size) {
        if (size > MAX_TEST_FILE_BYTES) {
            warnings.add(rel + ": not scanned, " + (size / 1024) + " KB is over the 512 KB limit");
            return null;
        }
        return Manifests.text(file);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    private static boolean hasDirSegment(String rel, String segment) {
        String dir = parentDir(rel);
        return dir.equals(segment) || dir.startsWith(segment + "/") || dir.endsWith("/" + segment)
                || dir.contains("/" + segment + "/");
    }
}
