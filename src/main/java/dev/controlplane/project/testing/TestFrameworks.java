package dev.controlplane.project.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.testing.TestInventory.Hint;
import dev.controlplane.project.testing.TestInventory.TestFile;

/**
 * Decides which test frameworks and coverage tools a project uses, from the configuration files the
 * {@link TestInventory} walk met (at any depth, so every module of a monorepo counts) and from what the test
 * files themselves import. Each framework carries the evidence it was detected by, and owns the test files
 * it would run.
 */
public final class TestFrameworks {
    /** Framework ids, in the order the card lists them. */
    public static final List<String> ORDER = List.of("pytest", "unittest", "jest", "vitest", "go", "cargo", "junit");
    private static final List<String> COVERAGE_ORDER = List.of("coverage.py", "pytest-cov", "nyc", "istanbul",
            "c8", "v8", "jacoco");
    private static final int MAX_EVIDENCE = 10;

    /** A detected framework: how it was detected, the test files it runs, where they live. */
    public record Framework(String name, List<String> detectedBy, List<TestFile> files, int inlineTests, List<String> testDirs) {
        public int testFunctions() {
            return files.stream().mapToInt(TestFile::functions).sum() + inlineTests;
        }

        /** The one directory holding this framework's tests: their common ancestor ("." = the project root). */
        public String testDir() {
            if (testDirs.isEmpty()) {
                return "";
            }
            if (testDirs.size() == 1) {
                return testDirs.get(0);
            }
            String common = testDirs.get(0);
            for (String dir : testDirs) {
                while (!common.equals(".") && !dir.equals(common) && !dir.startsWith(common + "/")) {
                    common = common.contains("/") ? common.substring(0, common.lastIndexOf('/')) : ".";
                }
            }
            return common;
        }
    }

    /** A coverage tool and the file that configures or declares it. */
    public record Coverage(String name, String config) {
    }

    public record Result(List<Framework> frameworks, List<Coverage> coverage, List<TestFile> unattributed,
            List<String> warnings) {
    }

    private final TestInventory inventory;
    private final TestConfigEvidence config;

    private TestFrameworks(ProjectAccess ctx, TestInventory inventory) {
        this.inventory = inventory;
        this.config = new TestConfigEvidence(ctx, inventory);
    }

    public static Result detect(ProjectAccess ctx, TestInventory inventory) {
        return new TestFrameworks(ctx, inventory).detect();
    }

    private Result detect() {
        config.read();

        Map<String, List<TestFile>> owned = new LinkedHashMap<>();
        ORDER.forEach(name -> owned.put(name, new ArrayList<>()));
        List<TestFile> unattributed = new ArrayList<>();
        attribute(owned, unattributed);

        List<Framework> frameworks = new ArrayList<>();
        for (String name : ORDER) {
            List<TestFile> files = owned.get(name);
            List<TestFile> inline = name.equals("cargo") ? inventory.inlineRustTests() : List.of();
            if (config.evidence.get(name).isEmpty()) {
                continue;
            }
            Set<String> dirs = new TreeSet<>();
            files.forEach(f -> dirs.add(f.dir()));
            inline.forEach(f -> dirs.add(f.dir()));
            frameworks.add(new Framework(name, config.evidence.get(name).stream().limit(MAX_EVIDENCE).toList(), files,
                    inline.stream().mapToInt(TestFile::functions).sum(), topMost(dirs)));
        }
        List<Coverage> tools = config.coverage.entrySet().stream()
                .map(e -> new Coverage(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(c -> COVERAGE_ORDER.indexOf(c.name())))
                .toList();
        return new Result(frameworks, tools, unattributed, config.warnings);
    }

    /** Gives each test file to the framework that runs it, adding the code-level evidence on the way. */
    private void attribute(Map<String, List<TestFile>> owned, List<TestFile> unattributed) {
        boolean jestConfigured = !config.evidence.get("jest").isEmpty();
        boolean vitestConfigured = !config.evidence.get("vitest").isEmpty();
        for (TestFile file : inventory.testFiles()) {
            String framework = switch (file.family()) {
                case PYTHON -> pythonRunner(file);
                case JS -> jsRunner(file, jestConfigured, vitestConfigured);
                case GO -> config.evidence("go", "*_test.go files");
                case RUST -> config.evidence("cargo", "#[test] functions");
                case JVM -> config.evidence("junit", file.functions() > 0 ? "@Test methods in src/test" : "test classes in src/test");
            };
            (framework == null ? unattributed : owned.get(framework)).add(file);
        }
        if (!inventory.inlineRustTests().isEmpty()) {
            config.evidence("cargo", "#[test] functions");
        }
    }

    /** unittest owns files written only against unittest; pytest runs everything else (and unittest too). */
    private String pythonRunner(TestFile file) {
        if (file.hints().contains(Hint.PYTEST_IMPORT)) {
            config.evidence("pytest", "import pytest");
        }
        if (file.hints().contains(Hint.UNITTEST) && !file.hints().contains(Hint.PYTEST_IMPORT)) {
            return config.evidence("unittest", "unittest.TestCase classes");
        }
        return config.evidence("pytest", "test_*.py files");
    }

    private String jsRunner(TestFile file, boolean jestConfigured, boolean vitestConfigured) {
        if (file.hints().contains(Hint.VITEST_IMPORT)) {
            return config.evidence("vitest", "imports from vitest");
        }
        if (file.hints().contains(Hint.JEST_IMPORT)) {
            return config.evidence("jest", "imports from @jest/globals");
        }
        if (jestConfigured) {
            return "jest";
        }
        // a test file with no runner in sight (mocha, node:test) still counts in the stats, under no framework
        return vitestConfigured ? "vitest" : null;
    }

    /** The directories with no ancestor in the set ("" becomes "."). */
    public static List<String> topMost(Set<String> dirs) {
        // Sorted, a directory comes after all its ancestors: look its ancestors up instead of comparing it
        // with every kept one (a string per pair, quadratic on a tree with thousands of test directories).
        List<String> kept = new ArrayList<>();
        Set<String> keptSet = new HashSet<>();
        for (String dir : new TreeSet<>(dirs)) {
            String shown = dir.isEmpty() ? "." : dir;
            boolean covered = keptSet.contains(".");
            for (int slash = shown.indexOf('/'); !covered && slash >= 0; slash = shown.indexOf('/', slash + 1)) {
                covered = keptSet.contains(shown.substring(0, slash));
            }
            if (!covered) {
                kept.add(shown);
                keptSet.add(shown);
            }
        }
        return kept;
    }
}
