package dev.controlplane.project.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.files.TestCodeCounter;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ProjectWalker;

/**
 * One walk of the project that finds test files, counts their tests, counts source files, and notes the
 * configuration files that say which frameworks and coverage tools are in use. Only test files are read
 * (plus Rust sources, whose unit tests live inline), each up to {@link #MAX_TEST_FILE_BYTES}.
 *
 * <p>Every {@code src/} directory (any module, any depth) and the {@code src/test/} in it are cut out of the
 * walk above them and walked as roots of their own, the way the staleness watcher walks a watched
 * {@code src/test/}: deep Java packages under a nested module stay within the depth limit, and every file is
 * still visited once. {@code src/test/resources/} is test data, never tests.
 */
public final class TestInventory {
    public static final long MAX_TEST_FILE_BYTES = 512 * 1024;
    /** Config files of one kind that are read (a monorepo with more is still described by the first ones). */
    private static final int MAX_CONFIGS_PER_KIND = 50;

    private static final Set<String> JS_EXTENSIONS = Set.of("js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts");
    /** Directories whose non-test code is test support (helpers, fixtures), not project source. */
    private static final Set<String> TEST_DIR_NAMES = Set.of("test", "tests", "__tests__", "spec", "testdata");
    private static final Set<String> EXACT_CONFIG_NAMES = Set.of("pyproject.toml", "pytest.ini", "setup.cfg",
            "tox.ini", "conftest.py", ".coveragerc", "Pipfile", "package.json", "pom.xml", "build.gradle",
            "build.gradle.kts", "go.mod", "Cargo.toml");

    /** The language family a test file belongs to. */
    public enum Family {
        PYTHON, JS, GO, RUST, JVM
    }

    /** What a test file's code says about its runner. */
    public enum Hint {
        UNITTEST, PYTEST_IMPORT, VITEST_IMPORT, JEST_IMPORT
    }

    /**
     * One test file. {@code dir} is where its tests live for reporting (the {@code src/test} root for JVM
     * files, the file's directory otherwise; "" is the project root).
     */
    public record TestFile(String path, String dir, Family family, int functions, int classes, boolean integration,
            Set<Hint> hints) {
    }

    private final ProjectAccess ctx;
    private final List<TestFile> testFiles = new ArrayList<>();
    /** Rust sources holding inline {@code #[test]} functions (source files, not test files). */
    private final List<TestFile> inlineRustTests = new ArrayList<>();
    private final List<String> testRoots = new ArrayList<>();
    private final Map<String, List<Path>> configs = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int sourceFiles;
    private boolean truncated;
    private String currentTestRoot;

    private TestInventory(ProjectAccess ctx) {
        this.ctx = ctx;
    }

    public static TestInventory scan(ProjectAccess ctx) {
        TestInventory inventory = new TestInventory(ctx);
        inventory.walk();
        return inventory;
    }

    /** Where a walk starts: the project, a {@code src/} directory, or a {@code src/test/} directory. */
    private enum RootKind {
        PROJECT, SRC, TEST
    }

    private record WalkRoot(Path dir, RootKind kind) {
    }

    private void walk() {
        Deque<WalkRoot> pending = new ArrayDeque<>();
        pending.add(new WalkRoot(ctx.root(), RootKind.PROJECT));
        int budget = ProjectWalker.DEFAULT_MAX_FILES;
        while (!pending.isEmpty() && budget > 0) {
            WalkRoot root = pending.poll();
            boolean underSrcTest = root.kind() == RootKind.TEST;
            if (underSrcTest) {
                currentTestRoot = ctx.rel(root.dir());
                testRoots.add(currentTestRoot);
            }
            ProjectWalker.Summary part = ctx.project().walk(root.dir(), ctx.depth(), budget, (file, attrs) -> {
                visit(file, attrs.size(), underSrcTest);
                return true;
            }, dir -> enter(root, dir, pending));
            budget -= part.files();
            truncated |= part.truncated();
        }
        if (truncated || !pending.isEmpty()) {
            warnings.add("the walk stopped at " + ProjectWalker.DEFAULT_MAX_FILES + " files: counts are partial");
        }
        testRoots.sort(null);
        testFiles.sort(Comparator.comparing(TestFile::path));
        inlineRustTests.sort(Comparator.comparing(TestFile::path));
        configs.values().forEach(list -> list.sort(Comparator.comparing((Path p) -> p.getNameCount())
                .thenComparing(Path::toString)));
    }

    /**
     * Decides whether a walk goes into {@code dir}. Every {@code src/} (and the {@code test/} inside it) is
     * handed to a walk of its own, so the depth limit counts from there, as the staleness watcher counts it
     * from a watched {@code src/test/}: deep packages of nested modules are still seen. In a
     * {@code src/test/} walk, {@code resources/} is test data and is not entered.
     */
    private static boolean enter(WalkRoot root, Path dir, Deque<WalkRoot> pending) {
        if (dir.equals(root.dir())) {
            return true;
        }
        String name = dir.getFileName().toString();
        if (root.kind() == RootKind.TEST) {
            return !(name.equals("resources") && dir.getParent().equals(root.dir()));
        }
        if (name.equals("src")) {
            pending.add(new WalkRoot(dir, RootKind.SRC));
            return false;
        }
        if (root.kind() == RootKind.SRC && name.equals("test") && dir.getParent().equals(root.dir())) {
            pending.add(new WalkRoot(dir, RootKind.TEST));
            return false;
        }
        return true;
    }

    private void visit(Path file, long size, boolean underSrcTest) {
        String name = file.getFileName().toString();
        noteConfig(name, file);
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
            testFiles.add(new TestFile(rel, currentTestRoot, Family.JVM, counts.functions(), counts.classes(),
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

    private void noteConfig(String name, Path file) {
        String kind = configKind(name);
        if (kind == null) {
            return;
        }
        List<Path> list = configs.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < MAX_CONFIGS_PER_KIND) {
            list.add(file);
        }
    }

    /** The kind of configuration file a name is ({@code jest.config} for jest.config.ts), or null. */
    public static String configKind(String name) {
        if (EXACT_CONFIG_NAMES.contains(name)) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("requirements") && lower.endsWith(".txt")) {
            return "requirements.txt";
        }
        for (String prefix : List.of("jest.config.", "vitest.config.", ".nycrc", ".c8rc")) {
            if (name.startsWith(prefix)) {
                return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
            }
        }
        return null;
    }

    /** Reads a test file for counting; an oversized one is noted and left uncounted. */
    private String read(Path file, String rel, long size) {
        if (size > MAX_TEST_FILE_BYTES) {
            warnings.add(rel + ": not scanned, " + (size / 1024) + " KB is over the 512 KB limit");
            return null;
        }
        return Manifests.text(file);
    }

    public static boolean isFailsafeName(String className) {
        return className.startsWith("IT") || className.endsWith("IT") || className.endsWith("ITCase");
    }

    public static boolean isSurefireName(String className) {
        return className.startsWith("Test") || className.endsWith("Test") || className.endsWith("Tests")
                || className.endsWith("TestCase");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    public static String parentDir(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static boolean hasDirSegment(String rel, String segment) {
        String dir = parentDir(rel);
        return dir.equals(segment) || dir.startsWith(segment + "/") || dir.endsWith("/" + segment)
                || dir.contains("/" + segment + "/");
    }

    public List<TestFile> testFiles() {
        return testFiles;
    }

    public List<TestFile> inlineRustTests() {
        return inlineRustTests;
    }

    /** Every {@code src/test} directory, project-relative, sorted. */
    public List<String> testRoots() {
        return testRoots;
    }

    /** Configuration files of a kind ({@link #configKind}), shallowest first. */
    public List<Path> configs(String kind) {
        return configs.getOrDefault(kind, List.of());
    }

    /** Every configuration file seen, project-relative. */
    public Set<String> configPaths() {
        Set<String> paths = new TreeSet<>();
        configs.values().forEach(list -> list.forEach(p -> paths.add(ctx.rel(p))));
        return paths;
    }

    public int sourceFiles() {
        return sourceFiles;
    }

    public List<String> warnings() {
        return warnings;
    }
}
