package dev.controlplane.project.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.controlplane.project.ProjectAccess;
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
    private boolean truncated;
    private String currentTestRoot;
    private final TestFileClassifier classifier;

    private TestInventory(ProjectAccess ctx) {
        this.ctx = ctx;
        this.classifier = new TestFileClassifier(ctx, testFiles, inlineRustTests, warnings);
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
                noteConfig(file.getFileName().toString(), file);
                classifier.classify(file, attrs.size(), underSrcTest, currentTestRoot);
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

    public static boolean isFailsafeName(String className) {
        return className.startsWith("IT") || className.endsWith("IT") || className.endsWith("ITCase");
    }

    public static boolean isSurefireName(String className) {
        return className.startsWith("Test") || className.endsWith("Test") || className.endsWith("Tests")
                || className.endsWith("TestCase");
    }

    public static String parentDir(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
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
        return classifier.sourceFiles();
    }

    public List<String> warnings() {
        return warnings;
    }
}
