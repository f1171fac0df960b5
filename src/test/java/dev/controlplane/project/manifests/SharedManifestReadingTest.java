package dev.controlplane.project.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.testing.TestFiles;

/** Gradle scripts, TOML manifests and package.json: one reading per file state, whatever reads them. */
class SharedManifestReadingTest {
    @TempDir
    Path root;

    @Test
    void gradleAndPackageJsonAreReadOnceForEveryConsumer() {
        Path gradle = TestFiles.write(root.resolve("build.gradle"), """
                plugins { id 'java' }
                // id 'application'
                dependencies { testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0' }
                """);
        Path pkg = TestFiles.write(root.resolve("web/package.json"), """
                {"name": "web", "dependencies": {"react": "18"}, "devDependencies": {"jest": "29"}}
                """);
        Path pyproject = TestFiles.write(root.resolve("tools/pyproject.toml"), """
                [project]
                name = "tools"
                dependencies = ["requests>=2"]
                """);
        ProjectModel model = new ProjectModel(root);
        assertEquals(java.util.Set.of("requests"),
                PythonManifests.pyproject(model, pyproject, root).value().dependencies());

        GradleFacts facts = GradleFacts.read(model, gradle);
        assertTrue(facts.appliesPlugin("java"));
        assertFalse(facts.appliesPlugin("application"), "a commented-out plugin does not count");
        assertTrue(PackageJsonFacts.read(model, pkg, root).value().dependsOn("jest"));

        DependencyReader.Scan scan = DependencyReader.read(model, 8, path -> { });
        assertEquals(List.of("org.junit.jupiter:junit-jupiter", "requests", "react", "jest"),
                scan.dependencies().stream().map(Dependency::name).toList());
        assertEquals(List.of("jest", "react"), List.copyOf(new java.util.TreeSet<>(
                PackageJsonFile.dependencyNames(PackageJsonFile.read(model, pkg, root).value()))));

        assertEquals(3, model.parsesMade(), "build.gradle, pyproject.toml and package.json, each parsed once");
    }
}
