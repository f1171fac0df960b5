package dev.controlplane.project.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.testing.TestInventory.Hint;
import dev.controlplane.project.testing.TestInventory.TestFile;
import dev.controlplane.project.manifests.GradleFacts;
import dev.controlplane.project.manifests.PackageJsonFacts;
import dev.controlplane.project.manifests.PomFacts;
import dev.controlplane.project.manifests.PythonManifests;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

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
    private static final Pattern JEST_SCRIPT = Pattern.compile("\\bjest\\b|react-scripts\\s+test");
    private static final Pattern VITEST_SCRIPT = Pattern.compile("\\bvitest\\b");
    private static final Pattern C8_SCRIPT = Pattern.compile("(^|[\\s&;])c8\\s");

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

    private final ProjectAccess ctx;
    private final TestInventory inventory;
    private final Map<String, Set<String>> evidence = new LinkedHashMap<>();
    private final Map<String, String> coverage = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private TestFrameworks(ProjectAccess ctx, TestInventory inventory) {
        this.ctx = ctx;
        this.inventory = inventory;
        ORDER.forEach(name -> evidence.put(name, new LinkedHashSet<>()));
    }

    public static Result detect(ProjectAccess ctx, TestInventory inventory) {
        return new TestFrameworks(ctx, inventory).detect();
    }

    private Result detect() {
        pythonConfigs();
        jsConfigs();
        jvmConfigs();
        inventory.configs("go.mod").forEach(p -> evidence("go", rel(p)));
        inventory.configs("Cargo.toml").forEach(p -> evidence("cargo", rel(p)));

        Map<String, List<TestFile>> owned = new LinkedHashMap<>();
        ORDER.forEach(name -> owned.put(name, new ArrayList<>()));
        List<TestFile> unattributed = new ArrayList<>();
        attribute(owned, unattributed);

        List<Framework> frameworks = new ArrayList<>();
        for (String name : ORDER) {
            List<TestFile> files = owned.get(name);
            List<TestFile> inline = name.equals("cargo") ? inventory.inlineRustTests() : List.of();
            if (evidence.get(name).isEmpty()) {
                continue;
            }
            Set<String> dirs = new TreeSet<>();
            files.forEach(f -> dirs.add(f.dir()));
            inline.forEach(f -> dirs.add(f.dir()));
            frameworks.add(new Framework(name, evidence.get(name).stream().limit(MAX_EVIDENCE).toList(), files,
                    inline.stream().mapToInt(TestFile::functions).sum(), topMost(dirs)));
        }
        List<Coverage> tools = coverage.entrySet().stream()
                .map(e -> new Coverage(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(c -> COVERAGE_ORDER.indexOf(c.name())))
                .toList();
        return new Result(frameworks, tools, unattributed, warnings);
    }

    /** Gives each test file to the framework that runs it, adding the code-level evidence on the way. */
    private void attribute(Map<String, List<TestFile>> owned, List<TestFile> unattributed) {
        boolean jestConfigured = !evidence.get("jest").isEmpty();
        boolean vitestConfigured = !evidence.get("vitest").isEmpty();
        for (TestFile file : inventory.testFiles()) {
            String framework = switch (file.family()) {
                case PYTHON -> pythonRunner(file);
                case JS -> jsRunner(file, jestConfigured, vitestConfigured);
                case GO -> evidence("go", "*_test.go files");
                case RUST -> evidence("cargo", "#[test] functions");
                case JVM -> evidence("junit", file.functions() > 0 ? "@Test methods in src/test" : "test classes in src/test");
            };
            (framework == null ? unattributed : owned.get(framework)).add(file);
        }
        if (!inventory.inlineRustTests().isEmpty()) {
            evidence("cargo", "#[test] functions");
        }
    }

    /** unittest owns files written only against unittest; pytest runs everything else (and unittest too). */
    private String pythonRunner(TestFile file) {
        if (file.hints().contains(Hint.PYTEST_IMPORT)) {
            evidence("pytest", "import pytest");
        }
        if (file.hints().contains(Hint.UNITTEST) && !file.hints().contains(Hint.PYTEST_IMPORT)) {
            return evidence("unittest", "unittest.TestCase classes");
        }
        return evidence("pytest", "test_*.py files");
    }

    private String jsRunner(TestFile file, boolean jestConfigured, boolean vitestConfigured) {
        if (file.hints().contains(Hint.VITEST_IMPORT)) {
            return evidence("vitest", "imports from vitest");
        }
        if (file.hints().contains(Hint.JEST_IMPORT)) {
            return evidence("jest", "imports from @jest/globals");
        }
        if (jestConfigured) {
            return "jest";
        }
        // a test file with no runner in sight (mocha, node:test) still counts in the stats, under no framework
        return vitestConfigured ? "vitest" : null;
    }

    private void pythonConfigs() {
        for (Path file : inventory.configs("pyproject.toml")) {
            ParsedFile<PythonManifests.Pyproject> parsed = PythonManifests.pyproject(ctx.project(), file, ctx.root());
            if (!parsed.isOk()) {
                warnings.add(parsed.warning());
                continue;
            }
            PythonManifests.Pyproject pyproject = parsed.value();
            String rel = rel(file);
            if (pyproject.hasTool("pytest")) {
                evidence("pytest", rel + " [tool.pytest.ini_options]");
            }
            pythonDependencies(rel, pyproject.dependencies());
            if (pyproject.hasTool("coverage")) {
                coverage("coverage.py", rel);
            }
            if (pyproject.pytestAddopts().contains("--cov")) {
                coverage("pytest-cov", rel);
            }
        }
        for (Path file : inventory.configs("pytest.ini")) {
            evidence("pytest", rel(file));
            if (String.valueOf(Manifests.text(file)).contains("--cov")) {
                coverage("pytest-cov", rel(file));
            }
        }
        for (Path file : inventory.configs("setup.cfg")) {
            iniConfig(file, "tool:pytest");
        }
        for (Path file : inventory.configs("tox.ini")) {
            iniConfig(file, "pytest");
        }
        inventory.configs("conftest.py").forEach(file -> evidence("pytest", rel(file)));
        inventory.configs(".coveragerc").forEach(file -> coverage("coverage.py", rel(file)));
        for (Path file : inventory.configs("requirements.txt")) {
            pythonDependencies(rel(file), PythonManifests.requirements(Manifests.text(file)));
        }
        for (Path file : inventory.configs("Pipfile")) {
            ParsedFile<Set<String>> parsed = PythonManifests.pipfile(file, ctx.root());
            if (parsed.isOk()) {
                pythonDependencies(rel(file), parsed.value());
            } else {
                warnings.add(parsed.warning());
            }
        }
    }

    private void iniConfig(Path file, String pytestSection) {
        String text = Manifests.text(file);
        String rel = rel(file);
        if (PythonManifests.hasIniSection(text, pytestSection, false)) {
            evidence("pytest", rel + " [" + pytestSection + "]");
            if (text.contains("--cov")) {
                coverage("pytest-cov", rel);
            }
        }
        if (PythonManifests.hasIniSection(text, "coverage", true)) {
            coverage("coverage.py", rel);
        }
    }

    private void pythonDependencies(String rel, Set<String> names) {
        if (names.contains("pytest")) {
            evidence("pytest", rel + " (pytest dependency)");
        }
        if (names.contains("pytest-cov")) {
            coverage("pytest-cov", rel);
        }
        if (names.contains("coverage")) {
            coverage("coverage.py", rel);
        }
    }

    private void jsConfigs() {
        for (Path file : inventory.configs("package.json")) {
            ParsedFile<PackageJsonFacts> parsed = PackageJsonFacts.read(ctx.project(), file, ctx.root());
            if (!parsed.isOk()) {
                warnings.add(parsed.warning());
                continue;
            }
            packageJson(rel(file), parsed.value());
        }
        for (Path file : inventory.configs("jest.config")) {
            evidence("jest", rel(file));
            String text = String.valueOf(Manifests.text(file));
            if (text.contains("collectCoverage") || text.contains("coverageThreshold")) {
                coverage("istanbul", rel(file));
            }
        }
        for (Path file : inventory.configs("vitest.config")) {
            evidence("vitest", rel(file));
            String text = String.valueOf(Manifests.text(file));
            if (text.contains("coverage")) {
                // vitest's default coverage provider is v8; istanbul only when asked for
                coverage(text.contains("istanbul") ? "istanbul" : "v8", rel(file));
            }
        }
        inventory.configs(".nycrc").forEach(file -> coverage("nyc", rel(file)));
        inventory.configs(".c8rc").forEach(file -> coverage("c8", rel(file)));
    }

    private void packageJson(String rel, PackageJsonFacts pkg) {
        String script = pkg.testScript();
        List<String> jest = new ArrayList<>();
        if (pkg.dependsOn("jest") || pkg.dependsOn("ts-jest") || pkg.dependsOn("babel-jest")) {
            jest.add("jest dependency");
        }
        if (pkg.hasKey("jest")) {
            jest.add("jest config");
        }
        if (JEST_SCRIPT.matcher(script).find()) {
            jest.add("test script");
        }
        if (!jest.isEmpty()) {
            evidence("jest", rel + " (" + String.join(", ", jest) + ")");
        }
        List<String> vitest = new ArrayList<>();
        if (pkg.dependsOn("vitest")) {
            vitest.add("vitest dependency");
        }
        if (VITEST_SCRIPT.matcher(script).find()) {
            vitest.add("test script");
        }
        if (!vitest.isEmpty()) {
            evidence("vitest", rel + " (" + String.join(", ", vitest) + ")");
        }
        if (pkg.dependsOn("nyc") || pkg.hasKey("nyc")) {
            coverage("nyc", rel);
        }
        if (pkg.dependsOn("c8") || C8_SCRIPT.matcher(script).find()) {
            coverage("c8", rel);
        }
        if (pkg.dependsOn("@vitest/coverage-v8")) {
            coverage("v8", rel);
        }
        JsonNode jestConfig = pkg.section("jest");
        if (pkg.dependsOn("@vitest/coverage-istanbul") || pkg.dependsOn("babel-plugin-istanbul")
                || jestConfig.has("collectCoverage") || jestConfig.has("coverageThreshold")
                || jestConfig.has("collectCoverageFrom")) {
            coverage("istanbul", rel);
        }
    }

    private void jvmConfigs() {
        for (Path file : inventory.configs("pom.xml")) {
            ParsedFile<PomFacts> parsed = PomFacts.read(ctx.project(), file, ctx.root());
            if (!parsed.isOk()) {
                warnings.add(parsed.warning());
                continue;
            }
            String rel = rel(file);
            parsed.value().junitArtifact().ifPresent(artifact -> evidence("junit", rel + " (" + artifact + ")"));
            if (parsed.value().hasPlugin("jacoco-maven-plugin")) {
                coverage("jacoco", rel);
            }
        }
        List<Path> scripts = new ArrayList<>(inventory.configs("build.gradle"));
        scripts.addAll(inventory.configs("build.gradle.kts"));
        for (Path file : scripts) {
            GradleFacts gradle = GradleFacts.read(ctx.project(), file);
            if (gradle.mentions("junit")) {
                evidence("junit", rel(file) + " (junit)");
            }
            if (gradle.appliesPlugin("jacoco")) {
                coverage("jacoco", rel(file));
            }
        }
    }

    /** Records evidence for a framework; returns the framework's name (handy in switch arms). */
    private String evidence(String framework, String what) {
        evidence.get(framework).add(what);
        return framework;
    }

    /** Keeps the first (shallowest) configuration file that shows a coverage tool. */
    private void coverage(String tool, String config) {
        coverage.putIfAbsent(tool, config);
    }

    private String rel(Path file) {
        return ctx.rel(file);
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
