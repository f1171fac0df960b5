package dev.controlplane.project.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.GradleFacts;
import dev.controlplane.project.manifests.PackageJsonFacts;
import dev.controlplane.project.manifests.PomFacts;
import dev.controlplane.project.manifests.PythonManifests;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The configuration half of {@link TestFrameworks}: which frameworks and coverage tools the configuration files
 * (pyproject, pytest.ini, setup.cfg, tox.ini, package.json, jest/vitest configs, POMs, Gradle scripts, go.mod,
 * Cargo.toml) show, at any depth. What the test files themselves import is added by {@link TestFrameworks}.
 */
final class TestConfigEvidence {
    private static final Pattern JEST_SCRIPT = Pattern.compile("\\bjest\\b|react-scripts\\s+test");
    private static final Pattern VITEST_SCRIPT = Pattern.compile("\\bvitest\\b");
    private static final Pattern C8_SCRIPT = Pattern.compile("(^|[\\s&;])c8\\s");

    private final ProjectAccess ctx;
    private final TestInventory inventory;
    /** Framework → what shows it is used, for every framework of {@link TestFrameworks#ORDER}. */
    final Map<String, Set<String>> evidence = new LinkedHashMap<>();
    /** Coverage tool → the first (shallowest) configuration file that shows it. */
    final Map<String, String> coverage = new LinkedHashMap<>();
    /** Configuration files that could not be parsed. */
    final List<String> warnings = new ArrayList<>();

    TestConfigEvidence(ProjectAccess ctx, TestInventory inventory) {
        this.ctx = ctx;
        this.inventory = inventory;
        TestFrameworks.ORDER.forEach(name -> evidence.put(name, new LinkedHashSet<>()));
    }

    /** Reads every configuration file the inventory walk met, for every ecosystem. */
    TestConfigEvidence read() {
        pythonConfigs();
        jsConfigs();
        jvmConfigs();
        inventory.configs("go.mod").forEach(p -> evidence("go", rel(p)));
        inventory.configs("Cargo.toml").forEach(p -> evidence("cargo", rel(p)));
        return this;
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
    String evidence(String framework, String what) {
        evidence.get(framework).add(what);
        return framework;
    }

    /** Keeps the first (shallowest) configuration file that shows a coverage tool. */
    void coverage(String tool, String config) {
        coverage.putIfAbsent(tool, config);
    }

    private String rel(Path file) {
        return ctx.rel(file);
    }
}
