package dev.controlplane.cards.devops;

import static dev.controlplane.cards.devops.CardFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;

class TestingCardTest {
    private final TestingCard card = new TestingCard();

    private ObjectNode compute(Path dir) {
        return card.compute(CardContext.standalone(dir));
    }

    @Test
    void declaresTheSpecContract() {
        assertEquals("testing", card.key());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(20, card.order());
        assertEquals("/api/testing/status", card.alias());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.AUTO, card.defaultPref());
        assertEquals(List.of("tests/", "test/", "src/test/", "pyproject.toml", "package.json", "setup.cfg", "pom.xml",
                "build.gradle", "build.gradle.kts", "go.mod", "Cargo.toml", "target/surefire-reports/",
                "target/failsafe-reports/", "build/test-results/", ".pytest_cache/"), card.watchPaths());
    }

    @Test
    void emptyDirectoryHasTheFullShapeWithZeros(@TempDir Path dir) {
        ObjectNode result = compute(dir);

        assertFalse(result.get("has_tests").asBoolean());
        assertEquals(0, result.get("frameworks").size());
        assertTrue(result.get("frameworks").isArray());
        assertEquals(0, result.get("coverage_tools").size());
        JsonNode stats = result.get("stats");
        assertEquals(0, stats.get("test_files").asInt());
        assertEquals(0, stats.get("test_functions").asInt());
        assertEquals(0, stats.get("test_classes").asInt());
        assertEquals(0, stats.get("source_files").asInt());
        assertEquals(0.0, stats.get("test_ratio").asDouble());
        assertTrue(stats.get("test_ratio").isNumber());
        assertEquals(0, stats.get("integration_tests").asInt());
        JsonNode lastRun = result.get("last_run");
        assertTrue(lastRun.isObject());
        assertFalse(lastRun.get("available").asBoolean());
        assertEquals("", lastRun.get("source").asText());
        assertEquals(0, lastRun.get("passed").asInt());
        assertEquals(0, lastRun.get("failed").asInt());
        assertEquals(0, lastRun.get("skipped").asInt());
        assertTrue(lastRun.get("at").isNull());
        assertEquals(0, lastRun.get("sources").size());
        assertEquals(0, result.get("warnings").size());
        assertEquals("0 tests", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }

    @Test
    void mavenMultiModuleCountsEveryModuleAndIntegrationTests(@TempDir Path dir) {
        CardFixtures.copy("maven-multi", dir);
        CardFixtures.touch(dir, "core/target/surefire-reports/TEST-com.example.core.CalculatorTest.xml", 1_700_000_000L);
        CardFixtures.touch(dir, "core/target/failsafe-reports/TEST-com.example.core.ParserIT.xml", 1_700_000_100L);
        CardFixtures.touch(dir, "core/target/failsafe-reports/failsafe-summary.xml", 1_700_000_200L);
        CardFixtures.touch(dir, "web/target/surefire-reports/TEST-com.example.web.ServerTest.xml", 1_700_000_050L);
        CardContext ctx = CardContext.standalone(dir);

        ObjectNode result = card.compute(ctx);

        JsonNode stats = result.get("stats");
        // CalculatorTest 4 (+@Nested), ParserIT 2, ParserTest.kt 2, ServerTest 2, ITHealthCheck 1, RoutesITCase 2,
        // AdminTest 1 (deep package in a nested module); Fixtures/RouteContexts are helpers; resources are data
        assertEquals(7, stats.get("test_files").asInt());
        assertEquals(14, stats.get("test_functions").asInt());
        assertEquals(8, stats.get("test_classes").asInt());
        assertEquals(5, stats.get("integration_tests").asInt());
        assertEquals(4, stats.get("source_files").asInt());
        assertEquals(1.75, stats.get("test_ratio").asDouble());
        assertTrue(result.get("has_tests").asBoolean());

        assertEquals(1, result.get("frameworks").size());
        JsonNode junit = result.get("frameworks").get(0);
        assertEquals("junit", junit.get("name").asText());
        assertEquals(List.of("pom.xml (junit-jupiter)", "core/pom.xml (junit-jupiter)", "web/pom.xml (junit-jupiter)",
                "@Test methods in src/test"), texts(junit.get("detected_by")));
        assertEquals(".", junit.get("test_dir").asText());
        assertEquals(List.of("core/src/test", "web/admin/src/test", "web/src/test"), texts(junit.get("test_dirs")));
        assertEquals(7, junit.get("test_files").asInt());
        assertEquals(14, junit.get("test_functions").asInt());

        assertEquals(1, result.get("coverage_tools").size());
        assertEquals("jacoco", result.at("/coverage_tools/0/name").asText());
        assertEquals("pom.xml", result.at("/coverage_tools/0/config").asText());

        JsonNode lastRun = result.get("last_run");
        assertTrue(lastRun.get("available").asBoolean());
        assertEquals("surefire+failsafe", lastRun.get("source").asText());
        // surefire core 5 passed + 1 skipped, failsafe core 1 passed + 1 failed (summary file ignored),
        // surefire web (counted from <testcase>s) 2 passed + 1 skipped
        assertEquals(8, lastRun.get("passed").asInt());
        assertEquals(1, lastRun.get("failed").asInt());
        assertEquals(2, lastRun.get("skipped").asInt());
        assertEquals(1_700_000_100.0, lastRun.get("at").asDouble());
        assertEquals(3, lastRun.get("sources").size());

        assertEquals("14 tests", result.at("/summary/text").asText());
        assertEquals("failed", result.at("/summary/level").asText());
        assertEquals(0, result.get("warnings").size());

        Set<String> watched = ctx.discoveredWatchPaths();
        assertTrue(watched.containsAll(List.of("core/src/test/", "web/src/test/", "web/admin/src/test/",
                "core/target/surefire-reports/", "core/target/failsafe-reports/", "web/admin/target/surefire-reports/",
                "core/pom.xml", "web/pom.xml", "web/admin/pom.xml")), watched.toString());
        assertFalse(watched.contains("pom.xml"), "already a declared watch path");
        assertFalse(watched.stream().anyMatch(p -> p.startsWith("core/src/test/java")), "covered by core/src/test/");
    }

    @Test
    void passingMavenRunIsOk(@TempDir Path dir) {
        CardFixtures.write(dir, "pom.xml", "<project><dependencies><dependency><groupId>junit</groupId>"
                + "<artifactId>junit</artifactId></dependency></dependencies></project>");
        CardFixtures.write(dir, "src/main/java/App.java", "class App {}");
        CardFixtures.write(dir, "src/test/java/AppTest.java", "public class AppTest { @org.junit.Test public void runs() {} }");
        CardFixtures.write(dir, "target/surefire-reports/TEST-AppTest.xml",
                "<testsuite name=\"AppTest\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testcase name=\"runs\"/></testsuite>");

        ObjectNode result = compute(dir);

        assertEquals("1 test", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
        assertEquals("surefire", result.at("/last_run/source").asText());
        assertEquals(1, result.at("/last_run/passed").asInt());
        assertEquals(List.of("pom.xml (junit)", "@Test methods in src/test"),
                texts(result.at("/frameworks/0/detected_by")));
        assertEquals("src/test", result.at("/frameworks/0/test_dir").asText());
        assertEquals(1.0, result.at("/stats/test_ratio").asDouble());
    }

    @Test
    void readsTheReportsOfDashboardRuns(@TempDir Path dir) {
        CardFixtures.copy("python-pytest", dir);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/nodeids", 1_700_000_300L);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/lastfailed", 1_700_000_300L);
        CardFixtures.write(dir, ".state/reports/pytest.xml", "<testsuites><testsuite name=\"pytest\" tests=\"6\" "
                + "failures=\"1\" errors=\"1\" skipped=\"1\"/></testsuites>");
        CardFixtures.touch(dir, ".state/reports/pytest.xml", 1_700_000_301L);
        CardFixtures.write(dir, ".state/reports/jest.json",
                "{\"numTotalTests\":5,\"numPassedTests\":3,\"numFailedTests\":1,\"numPendingTests\":1}");
        CardFixtures.touch(dir, ".state/reports/jest.json", 1_700_000_400L);

        JsonNode lastRun = compute(dir).get("last_run");

        // the JUnit report of the same pytest run replaces the cache's numbers (it knows skips)
        assertEquals("pytest+jest", lastRun.get("source").asText());
        assertEquals(3 + 3, lastRun.get("passed").asInt());
        assertEquals(2 + 1, lastRun.get("failed").asInt());
        assertEquals(1 + 1, lastRun.get("skipped").asInt());
        assertEquals(1_700_000_400.0, lastRun.get("at").asDouble());
        assertEquals(List.of(".state/reports/pytest.xml", ".state/reports/jest.json"),
                List.of(lastRun.at("/sources/0/path").asText(), lastRun.at("/sources/1/path").asText()));
    }

    @Test
    void aLaterPytestRunOutsideTheDashboardWinsOverAnOldReport(@TempDir Path dir) {
        CardFixtures.copy("python-pytest", dir);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/nodeids", 1_700_000_300L);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/lastfailed", 1_700_000_300L);
        CardFixtures.write(dir, ".state/reports/pytest.xml", "<testsuite tests=\"2\" failures=\"2\"/>");
        CardFixtures.touch(dir, ".state/reports/pytest.xml", 1_600_000_000L);

        JsonNode lastRun = compute(dir).get("last_run");

        assertEquals(".pytest_cache", lastRun.at("/sources/0/path").asText());
        assertEquals(1, lastRun.get("sources").size());
    }

    @Test
    void pythonProjectWithPytestAndUnittest(@TempDir Path dir) {
        CardFixtures.copy("python-pytest", dir);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/nodeids", 1_700_000_300L);
        CardFixtures.touch(dir, ".pytest_cache/v/cache/lastfailed", 1_700_000_200L);

        ObjectNode result = compute(dir);

        JsonNode stats = result.get("stats");
        // test_core.py 4 (the docstring, comment and string "tests" are not), util_test.py 1, test_legacy.py 2
        assertEquals(3, stats.get("test_files").asInt());
        assertEquals(7, stats.get("test_functions").asInt());
        assertEquals(2, stats.get("test_classes").asInt());
        assertEquals(3, stats.get("source_files").asInt());
        assertEquals(1.0, stats.get("test_ratio").asDouble());
        assertEquals(0, stats.get("integration_tests").asInt());

        assertEquals(2, result.get("frameworks").size());
        JsonNode pytest = result.get("frameworks").get(0);
        assertEquals("pytest", pytest.get("name").asText());
        assertEquals(List.of("pyproject.toml [tool.pytest.ini_options]", "pyproject.toml (pytest dependency)",
                "tests/conftest.py", "import pytest", "test_*.py files"), texts(pytest.get("detected_by")));
        assertEquals("tests", pytest.get("test_dir").asText());
        assertEquals(2, pytest.get("test_files").asInt());
        assertEquals(5, pytest.get("test_functions").asInt());
        JsonNode unittest = result.get("frameworks").get(1);
        assertEquals("unittest", unittest.get("name").asText());
        assertEquals(List.of("unittest.TestCase classes"), texts(unittest.get("detected_by")));
        assertEquals("tests/unit", unittest.get("test_dir").asText());
        assertEquals(2, unittest.get("test_functions").asInt());

        assertEquals(2, result.get("coverage_tools").size());
        assertEquals("coverage.py", result.at("/coverage_tools/0/name").asText());
        assertEquals("pyproject.toml", result.at("/coverage_tools/0/config").asText());
        assertEquals("pytest-cov", result.at("/coverage_tools/1/name").asText());

        JsonNode lastRun = result.get("last_run");
        assertTrue(lastRun.get("available").asBoolean());
        assertEquals("pytest", lastRun.get("source").asText());
        // 8 collected; of the 2 recorded failures only one is still a collected test
        assertEquals(7, lastRun.get("passed").asInt());
        assertEquals(1, lastRun.get("failed").asInt());
        assertEquals(0, lastRun.get("skipped").asInt());
        assertEquals(1_700_000_300.0, lastRun.get("at").asDouble());
        assertEquals(".pytest_cache", lastRun.at("/sources/0/path").asText());

        assertEquals("7 tests", result.at("/summary/text").asText());
        assertEquals("failed", result.at("/summary/level").asText());
    }

    @Test
    void jsProjectWithJestAndVitest(@TempDir Path dir) {
        CardFixtures.copy("js-jest", dir);

        ObjectNode result = compute(dir);

        JsonNode stats = result.get("stats");
        // sum.test.js: it, test, it.each (not digits.test, comments or strings); __tests__/mul.ts: it.skip,
        // test.only, xit (not the local function test or its call); e2e/app.spec.ts: 2
        assertEquals(3, stats.get("test_files").asInt());
        assertEquals(8, stats.get("test_functions").asInt());
        assertEquals(4, stats.get("test_classes").asInt());
        assertEquals(3, stats.get("source_files").asInt());

        assertEquals(2, result.get("frameworks").size());
        JsonNode jest = result.get("frameworks").get(0);
        assertEquals("jest", jest.get("name").asText());
        assertEquals(List.of("package.json (jest dependency, jest config, test script)"), texts(jest.get("detected_by")));
        assertEquals("src", jest.get("test_dir").asText());
        assertEquals(2, jest.get("test_files").asInt());
        assertEquals(6, jest.get("test_functions").asInt());
        JsonNode vitest = result.get("frameworks").get(1);
        assertEquals("vitest", vitest.get("name").asText());
        assertEquals(List.of("package.json (vitest dependency)", "imports from vitest"), texts(vitest.get("detected_by")));
        assertEquals("e2e", vitest.get("test_dir").asText());
        assertEquals(2, vitest.get("test_functions").asInt());

        assertEquals(1, result.get("coverage_tools").size());
        assertEquals("istanbul", result.at("/coverage_tools/0/name").asText());
        assertEquals("package.json", result.at("/coverage_tools/0/config").asText());
        assertFalse(result.at("/last_run/available").asBoolean());
        assertEquals("8 tests", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void goModule(@TempDir Path dir) {
        CardFixtures.copy("go-module", dir);

        ObjectNode result = compute(dir);

        // TestAdd and TestSub; not TestMain, Testhelper, BenchmarkAdd, the comment or the raw string
        assertEquals(2, result.at("/stats/test_functions").asInt());
        assertEquals(1, result.at("/stats/test_files").asInt());
        assertEquals(2, result.at("/stats/source_files").asInt());
        assertEquals(0.5, result.at("/stats/test_ratio").asDouble());
        assertEquals("go", result.at("/frameworks/0/name").asText());
        assertEquals(List.of("go.mod", "*_test.go files"), texts(result.at("/frameworks/0/detected_by")));
        assertEquals("internal/calc", result.at("/frameworks/0/test_dir").asText());
        assertEquals("2 tests", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void rustCountsInlineAndIntegrationTests(@TempDir Path dir) {
        CardFixtures.write(dir, "Cargo.toml", "[package]\nname = \"calc\"\nversion = \"0.1.0\"\n");
        CardFixtures.write(dir, "src/lib.rs", """
                pub fn add<'a>(a: &'a i32, b: i32) -> i32 { a + b }
                pub fn quote() -> char { '"' }

                #[cfg(test)]
                mod tests {
                    #[test]
                    fn adds() { assert_eq!(super::add(&1, 2), 3); }

                    #[tokio::test(flavor = "multi_thread")]
                    async fn adds_async() {}

                    // #[test]
                    /* #[test] /* nested */ fn old() {} */
                }
                """);
        CardFixtures.write(dir, "tests/api.rs", "#[test]\nfn api_works() {}\n");

        ObjectNode result = compute(dir);

        assertEquals(3, result.at("/stats/test_functions").asInt());
        assertEquals(1, result.at("/stats/test_files").asInt());
        assertEquals(1, result.at("/stats/source_files").asInt());
        assertEquals("cargo", result.at("/frameworks/0/name").asText());
        assertEquals(List.of("Cargo.toml", "#[test] functions"), texts(result.at("/frameworks/0/detected_by")));
        assertEquals(List.of("src", "tests"), texts(result.at("/frameworks/0/test_dirs")));
        assertEquals(3, result.at("/frameworks/0/test_functions").asInt());
        assertEquals("3 tests", result.at("/summary/text").asText());
    }

    @Test
    void gradleKotlinModulesAndTestResults(@TempDir Path dir) {
        CardFixtures.write(dir, "settings.gradle.kts", "include(\":app\")\n");
        CardFixtures.write(dir, "build.gradle.kts", """
                plugins {
                    jacoco
                }
                // junit would be mentioned here, but comments do not count
                """);
        CardFixtures.write(dir, "app/build.gradle.kts", """
                plugins { kotlin("jvm") version "2.0.0" }
                dependencies { testImplementation("org.junit.jupiter:junit-jupiter:5.11.4") }
                tasks.test { useJUnitPlatform() }
                """);
        CardFixtures.write(dir, "app/src/main/kotlin/App.kt", "fun main() = println(\"hi\")\n");
        CardFixtures.write(dir, "app/src/test/kotlin/AppTest.kt", """
                import org.junit.jupiter.api.Test
                import org.junit.jupiter.params.ParameterizedTest
                class AppTest {
                    @Test fun runs() {}
                    @ParameterizedTest @ValueSource(ints = [1, 2]) fun params(i: Int) {}
                }
                """);
        CardFixtures.write(dir, "app/build/test-results/test/TEST-AppTest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="AppTest" tests="3" skipped="0" failures="0" errors="0" timestamp="2024-05-01T10:00:00" hostname="ci" time="0.1">
                  <testcase name="runs()" classname="AppTest" time="0.01"/>
                  <testcase name="params(int)[1]" classname="AppTest" time="0.01"/>
                  <testcase name="params(int)[2]" classname="AppTest" time="0.01"/>
                </testsuite>
                """);
        CardFixtures.touch(dir, "app/build/test-results/test/TEST-AppTest.xml", 1_714_557_600L);
        CardContext ctx = CardContext.standalone(dir);

        ObjectNode result = card.compute(ctx);

        assertEquals(2, result.at("/stats/test_functions").asInt());
        assertEquals(List.of("app/build.gradle.kts (junit)", "@Test methods in src/test"),
                texts(result.at("/frameworks/0/detected_by")));
        assertEquals("jacoco", result.at("/coverage_tools/0/name").asText());
        assertEquals("build.gradle.kts", result.at("/coverage_tools/0/config").asText());
        assertEquals("gradle", result.at("/last_run/source").asText());
        assertEquals(3, result.at("/last_run/passed").asInt());
        assertEquals(1_714_557_600.0, result.at("/last_run/at").asDouble());
        assertEquals("app/build/test-results", result.at("/last_run/sources/0/path").asText());
        assertEquals("ok", result.at("/summary/level").asText());
        assertTrue(ctx.discoveredWatchPaths().containsAll(List.of("app/src/test/", "app/build/test-results/",
                "app/build.gradle.kts")), ctx.discoveredWatchPaths().toString());
    }

    @Test
    void sourceWithoutTestsIsDegraded(@TempDir Path dir) {
        CardFixtures.write(dir, "app/main.py", "print('hi')\n");
        CardFixtures.write(dir, "web/index.ts", "export const x = 1;\n");

        ObjectNode result = compute(dir);

        assertFalse(result.get("has_tests").asBoolean());
        assertEquals(2, result.at("/stats/source_files").asInt());
        assertEquals("0 tests", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void watchesTestDirectoriesOnceAndRootTestFilesOneByOne(@TempDir Path dir) {
        CardFixtures.write(dir, "test_root.py", "def test_root():\n    pass\n");
        CardFixtures.write(dir, "tests/unit/test_a.py", "def test_a():\n    pass\n");
        CardFixtures.write(dir, "web/src/components/__tests__/button.test.tsx", "it('renders', () => {})\n");
        CardFixtures.write(dir, "web/src/components/__tests__/deeper/link.test.tsx", "it('links', () => {})\n");
        CardContext ctx = CardContext.standalone(dir);

        card.compute(ctx);

        Set<String> watched = ctx.discoveredWatchPaths();
        assertTrue(watched.contains("test_root.py"), watched.toString());
        assertTrue(watched.contains("web/src/components/__tests__/"), watched.toString());
        assertFalse(watched.contains("web/src/components/__tests__/deeper/"), "covered by its parent");
        assertFalse(watched.contains("tests/unit/"), "covered by the declared tests/");
    }

    @Test
    void malformedManifestsAndOversizedFilesBecomeWarnings(@TempDir Path dir) {
        CardFixtures.write(dir, "pom.xml", "<project><dependencies>");
        CardFixtures.write(dir, "package.json", "{ not json");
        CardFixtures.write(dir, "target/surefire-reports/TEST-Broken.xml", "<testsuite tests=");
        CardFixtures.write(dir, "tests/test_big.py", "def test_big():\n    pass\n" + "#".repeat(600 * 1024));

        ObjectNode result = compute(dir);

        List<String> warnings = texts(result.get("warnings"));
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("pom.xml: invalid XML")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("package.json: invalid JSON")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("target/surefire-reports/TEST-Broken.xml: invalid XML")));
        assertTrue(warnings.contains("tests/test_big.py: not scanned, 600 KB is over the 512 KB limit"), warnings.toString());
        assertEquals(1, result.at("/stats/test_files").asInt());
        assertEquals(0, result.at("/stats/test_functions").asInt());
        assertFalse(result.at("/last_run/available").asBoolean());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void reportsBehindALinkOutOfTheProjectAreNotRead(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        CardFixtures.write(elsewhere, "target/surefire-reports/TEST-Outside.xml",
                "<testsuite name=\"Outside\" tests=\"5\" failures=\"5\"/>");
        CardFixtures.write(dir, "pom.xml", "<project/>");
        java.nio.file.Files.createSymbolicLink(dir.resolve("target"), elsewhere.resolve("target"));

        ObjectNode result = compute(dir);

        assertFalse(result.at("/last_run/available").asBoolean());
        assertEquals("none", result.at("/summary/level").asText());
    }
}
