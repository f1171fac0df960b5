package dev.controlplane.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** The catalogue is built from what the cards detect, with fixed command lines. */
class ActionCatalogueTest {

    private static Map<String, Action> catalogue(Path root) {
        return new ActionCatalogue(new ProjectDirectory(new TestConfig(root))).all().stream()
                .collect(Collectors.toMap(Action::id, a -> a));
    }

    @Test
    void pytestProjectRunsPytestWithAJunitReportForTheTestingCard() {
        Path root = TestFiles.copyFixture("jobs-python");
        try {
            Action run = catalogue(root).get("testing:run");
            assertEquals("testing", run.card());
            assertEquals(List.of("python3", "-m", "pytest", "--junitxml=.state/reports/pytest.xml"), run.argv());
            assertTrue(run.available(), run.reason());
        } finally {
            TestFiles.deleteQuietly(root);
        }
    }

    @Test
    void mavenBuildRunsThroughItsWrapperWithOneActionPerModule(@TempDir Path root) throws Exception {
        TestFiles.write(root.resolve("pom.xml"), "<project><modules><module>core</module></modules>"
                + "<dependencies><dependency><groupId>org.junit.jupiter</groupId>"
                + "<artifactId>junit-jupiter</artifactId></dependency></dependencies></project>");
        TestFiles.write(root.resolve("core/pom.xml"), "<project><artifactId>core</artifactId></project>");
        TestFiles.write(root.resolve("core/src/test/java/a/ATest.java"), "class ATest { @Test void a() {} }");
        TestFiles.write(root.resolve("mvnw"), "#!/bin/sh\n");
        root.resolve("mvnw").toFile().setExecutable(true);

        Map<String, Action> actions = catalogue(root);

        assertEquals(List.of("./mvnw", "-B", "-ntp", "test"), actions.get("testing:run").argv());
        assertEquals(List.of("./mvnw", "-B", "-ntp", "-pl", "core", "-am", "-Dsurefire.failIfNoSpecifiedTests=false",
                "test"), actions.get("testing:run:core").argv());
        assertTrue(actions.get("testing:run").available());
    }

    @Test
    void gradleRunsWithoutDaemonAndModulesAsTasks(@TempDir Path root) throws Exception {
        TestFiles.write(root.resolve("build.gradle"), "dependencies { testImplementation 'org.junit.jupiter:junit-jupiter' }");
        TestFiles.write(root.resolve("app/build.gradle"), "plugins { id 'java' }");
        TestFiles.write(root.resolve("app/src/test/java/a/ATest.java"), "class ATest { @Test void a() {} }");
        TestFiles.write(root.resolve("gradlew"), "#!/bin/sh\n");
        root.resolve("gradlew").toFile().setExecutable(true);

        Map<String, Action> actions = catalogue(root);

        assertEquals(List.of("./gradlew", "--no-daemon", "test"), actions.get("testing:run").argv());
        assertEquals(List.of("./gradlew", "--no-daemon", ":app:test"), actions.get("testing:run:app").argv());
    }

    @Test
    void aMissingToolIsListedAsUnavailableWithTheReason(@TempDir Path root) throws Exception {
        TestFiles.write(root.resolve("package.json"), "{\"devDependencies\":{\"jest\":\"^29\"},\"scripts\":{\"test\":\"jest\"}}");
        TestFiles.write(root.resolve("src/a.test.js"), "test('a', () => {});");

        Action jest = catalogue(root).get("testing:run");

        assertEquals(List.of("./node_modules/.bin/jest", "--ci", "--json", "--outputFile=.state/reports/jest.json"),
                jest.argv());
        assertFalse(jest.available());
        assertEquals("jest is not installed in node_modules: run npm install", jest.reason());
    }

    @Test
    void validationsAndQualityChecksComeFromTheProjectsFiles(@TempDir Path root) throws Exception {
        TestFiles.write(root.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        TestFiles.write(root.resolve("main.tf"), "resource \"null_resource\" \"x\" {}\n");
        TestFiles.write(root.resolve("charts/web/Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        TestFiles.write(root.resolve("pyproject.toml"), "[project]\nname='x'\n[tool.ruff]\nline-length = 100\n");

        Map<String, Action> actions = catalogue(root);

        assertEquals(List.of("docker", "compose", "-f", "compose.yaml", "config", "-q"),
                actions.get("validate:compose").argv());
        assertEquals("docker", actions.get("validate:compose").card());
        assertEquals(List.of("terraform", "fmt", "-check", "-recursive"), actions.get("validate:terraform").argv());
        assertEquals(List.of("helm", "lint", "charts/web"), actions.get("validate:helm").argv());
        assertEquals(ToolRunner.which("helm").isPresent(), actions.get("validate:helm").available());
        Action ruff = actions.get("quality:ruff");
        assertEquals(List.of("ruff", "check", "."), ruff.argv());
        assertEquals("quality", ruff.card());
        assertEquals(ToolRunner.which("ruff").isPresent(), ruff.available());
        if (!ruff.available()) {
            assertEquals("Ruff is not installed: pip install ruff", ruff.reason());
        }
        assertTrue(Files.isDirectory(root));
    }
}
