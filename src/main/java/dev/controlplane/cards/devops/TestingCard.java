package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.testing.TestInventory.TestFile;
import dev.controlplane.support.Clock;
import dev.controlplane.project.testing.TestInventory;
import dev.controlplane.project.testing.TestFrameworks;
import dev.controlplane.project.testing.TestRunReports;

/**
 * Which test frameworks a project uses and how many tests it has, counted statically (no test is run), plus
 * the last recorded run from the reports the build tools leave behind.
 *
 * <p>JUnit is counted in every {@code src/test/} of every Maven or Gradle module: methods annotated
 * {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory} or
 * {@code @TestTemplate} outside comments. Methods in classes named for failsafe ({@code *IT}, {@code IT*},
 * {@code *ITCase}) are also reported as {@code stats.integration_tests}; they are part of the total.
 *
 * <p>Badge: {@code N tests}. Level: failed when the last run had failures, ok when there are tests, degraded
 * when there is source code but no test, none for an empty project.
 */
@ApplicationScoped
public class TestingCard implements Card {
    static final List<String> WATCH_PATHS = List.of("tests/", "test/", "src/test/", "pyproject.toml", "package.json",
            "setup.cfg", "pom.xml", "build.gradle", "build.gradle.kts", "go.mod", "Cargo.toml",
            "target/surefire-reports/", "target/failsafe-reports/", "build/test-results/", ".pytest_cache/");
    /** Discovered test directories watched at most (a bigger tree is still covered by its top directories). */
    static final int MAX_WATCHED_TEST_DIRS = 100;
    /** Discovered module report directories and configuration files watched at most. */
    static final int MAX_WATCHED_MODULE_PATHS = 100;
    private static final int MAX_WARNINGS = 50;

    public TestingCard() {
    }

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * schema: 2: long lists are capped, with {@code <list>_total} beside them.
     */
    static final CardSpec SPEC = CardSpec.card("testing")
            .title("Testing")
            .description("Test frameworks, test counts per module and the last recorded run (tests are never executed)")
            .tab(Tab.DEVOPS)
            .order(20)
            .watch(WATCH_PATHS)
            .alias("/api/testing/status")
            .schema(2)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        TestInventory inventory = TestInventory.scan(ctx);
        TestFrameworks.Result detected = TestFrameworks.detect(ctx, inventory);
        Modules modules = Modules.of(ctx, inventory);
        List<String> warnings = new ArrayList<>(inventory.warnings());
        warnings.addAll(detected.warnings());
        TestRunReports.LastRun lastRun = TestRunReports.read(ctx, modules.maven(), modules.gradle(),
                modules.python(), warnings);

        ObjectNode card = CardJson.object();
        Stats stats = Stats.of(inventory);
        card.put("has_tests", stats.hasTests());
        card.set("frameworks", frameworks(detected));
        card.set("coverage_tools", coverageTools(detected));
        card.set("stats", stats.json());
        card.set("last_run", lastRun(lastRun));
        card.set("warnings", CardJson.strings(new TreeSet<>(warnings).stream().limit(MAX_WARNINGS).toList()));
        watchDiscovered(ctx, inventory, modules);
        return CardJson.summary(card, CardJson.plural(stats.testFunctions(), "test", "tests"),
                level(stats, lastRun));
    }

    static Level level(Stats stats, TestRunReports.LastRun lastRun) {
        if (lastRun.failed() > 0) {
            return Level.FAILED;
        }
        if (stats.hasTests()) {
            return Level.OK;
        }
        return stats.sourceFiles() > 0 ? Level.DEGRADED : Level.NONE;
    }

    /** The totals over every test file, whatever framework runs it. */
    record Stats(int testFiles, int testFunctions, int testClasses, int sourceFiles, int integrationTests) {
        static Stats of(TestInventory inventory) {
            int functions = 0;
            int classes = 0;
            int integration = 0;
            for (TestFile file : inventory.testFiles()) {
                functions += file.functions();
                classes += file.classes();
                integration += file.integration() ? file.functions() : 0;
            }
            for (TestFile inline : inventory.inlineRustTests()) {
                functions += inline.functions();
            }
            return new Stats(inventory.testFiles().size(), functions, classes, inventory.sourceFiles(), integration);
        }

        boolean hasTests() {
            return testFunctions > 0 || testFiles > 0;
        }

        /** Test files per source file, two decimals (0 without source files). */
        double testRatio() {
            return sourceFiles == 0 ? 0.0 : Math.round(100.0 * testFiles / sourceFiles) / 100.0;
        }

        ObjectNode json() {
            ObjectNode stats = CardJson.object();
            stats.put("test_files", testFiles);
            stats.put("test_functions", testFunctions);
            stats.put("test_classes", testClasses);
            stats.put("source_files", sourceFiles);
            stats.put("test_ratio", testRatio());
            stats.put("integration_tests", integrationTests);
            return stats;
        }
    }

    private static ArrayNode frameworks(TestFrameworks.Result detected) {
        ArrayNode list = CardJson.array();
        for (TestFrameworks.Framework framework : detected.frameworks()) {
            ObjectNode entry = list.addObject();
            entry.put("name", framework.name());
            entry.set("detected_by", CardJson.strings(framework.detectedBy()));
            entry.put("test_dir", framework.testDir());
            entry.set("test_dirs", CardJson.strings(framework.testDirs()));
            CardJson.cap(entry, "test_dirs", 30);
            entry.put("test_files", framework.files().size());
            entry.put("test_functions", framework.testFunctions());
        }
        return list;
    }

    private static ArrayNode coverageTools(TestFrameworks.Result detected) {
        ArrayNode list = CardJson.array();
        for (TestFrameworks.Coverage tool : detected.coverage()) {
            ObjectNode entry = list.addObject();
            entry.put("name", tool.name());
            entry.put("config", tool.config());
        }
        return list;
    }

    private static ObjectNode lastRun(TestRunReports.LastRun run) {
        ObjectNode node = CardJson.object();
        node.put("available", run.available());
        node.put("source", run.source());
        node.put("passed", run.passed());
        node.put("failed", run.failed());
        node.put("skipped", run.skipped());
        if (run.at() == null) {
            node.putNull("at");
        } else {
            node.put("at", Clock.ofSeconds(run.at()));
        }
        ArrayNode sources = node.putArray("sources");
        for (TestRunReports.Tally tally : run.sources()) {
            ObjectNode entry = sources.addObject();
            entry.put("source", tally.source());
            entry.put("path", tally.path());
            entry.put("files", tally.files());
            entry.put("passed", tally.passed());
            entry.put("failed", tally.failed());
            entry.put("skipped", tally.skipped());
            entry.put("at", Clock.ofSeconds(tally.at()));
        }
        return node;
    }

    /**
     * Build modules by kind ("" = the root, always included so the spec's root report paths are read):
     * Maven modules (a pom.xml, or a src/test/ with no Gradle script), Gradle modules, and Python project
     * directories (where pytest puts its cache).
     */
    record Modules(Set<String> maven, Set<String> gradle, Set<String> python) {
        static Modules of(CardContext ctx, TestInventory inventory) {
            Set<String> maven = new TreeSet<>(Set.of(""));
            Set<String> gradle = new TreeSet<>(Set.of(""));
            Set<String> python = new TreeSet<>(Set.of(""));
            inventory.configs("pom.xml").forEach(p -> maven.add(dirOf(ctx, p)));
            inventory.configs("build.gradle").forEach(p -> gradle.add(dirOf(ctx, p)));
            inventory.configs("build.gradle.kts").forEach(p -> gradle.add(dirOf(ctx, p)));
            for (String root : inventory.testRoots()) {
                String module = root.equals("src/test") ? "" : root.substring(0, root.length() - "/src/test".length());
                if (!gradle.contains(module)) {
                    maven.add(module);
                }
            }
            for (String kind : List.of("pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg")) {
                inventory.configs(kind).forEach(p -> python.add(dirOf(ctx, p)));
            }
            return new Modules(maven, gradle, python);
        }

        private static String dirOf(CardContext ctx, Path file) {
            return TestInventory.parentDir(ctx.rel(file));
        }
    }

    /**
     * Adds the watch paths this computation discovered, so nested and multi-module layouts go stale like flat
     * ones: every module's src/test/ and every directory holding test files (skipping those a watched
     * ancestor already covers), root-level test files one by one, and each module's report directories and
     * configuration files.
     */
    static void watchDiscovered(CardContext ctx, TestInventory inventory, Modules modules) {
        Set<String> watchedDirs = new HashSet<>();
        Set<String> staticFiles = new HashSet<>();
        for (String path : WATCH_PATHS) {
            if (path.endsWith("/")) {
                watchedDirs.add(path.substring(0, path.length() - 1));
            } else {
                staticFiles.add(path);
            }
        }
        Set<String> testDirs = new TreeSet<>(inventory.testRoots());
        List<String> rootTestFiles = new ArrayList<>();
        for (TestFile file : inventory.testFiles()) {
            if (file.dir().isEmpty()) {
                rootTestFiles.add(file.path());
            } else {
                testDirs.add(file.dir());
            }
        }
        inventory.inlineRustTests().forEach(file -> {
            if (!file.dir().isEmpty()) {
                testDirs.add(file.dir());
            }
        });
        int added = 0;
        for (String dir : byDepth(testDirs)) {
            if (added >= MAX_WATCHED_TEST_DIRS) {
                break;
            }
            if (!covered(dir, watchedDirs)) {
                ctx.watch(dir + "/");
                watchedDirs.add(dir);
                added++;
            }
        }
        for (String file : rootTestFiles) {
            if (added++ >= MAX_WATCHED_TEST_DIRS) {
                break;
            }
            ctx.watch(file);
        }

        Set<String> modulePaths = new TreeSet<>();
        modules.maven().stream().filter(m -> !m.isEmpty()).forEach(m -> {
            modulePaths.add(TestRunReports.join(m, "target/surefire-reports/"));
            modulePaths.add(TestRunReports.join(m, "target/failsafe-reports/"));
        });
        modules.gradle().stream().filter(m -> !m.isEmpty())
                .forEach(m -> modulePaths.add(TestRunReports.join(m, "build/test-results/")));
        modules.python().stream().filter(m -> !m.isEmpty())
                .forEach(m -> modulePaths.add(TestRunReports.join(m, ".pytest_cache/")));
        inventory.configPaths().stream().filter(p -> !staticFiles.contains(p)).forEach(modulePaths::add);
        int others = 0;
        for (String path : byDepth(modulePaths)) {
            if (others >= MAX_WATCHED_MODULE_PATHS) {
                break;
            }
            String dir = path.endsWith("/") ? path.substring(0, path.length() - 1) : TestInventory.parentDir(path);
            if (!covered(dir, watchedDirs)) {
                ctx.watch(path);
                others++;
            }
        }
    }

    /** Shallow paths first, so the cap keeps the directories that cover the most. */
    private static List<String> byDepth(Set<String> paths) {
        return paths.stream()
                .sorted(Comparator.comparingLong((String p) -> p.chars().filter(c -> c == '/').count())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** True when {@code dir} or one of its ancestors is watched ("" = the root, never watched as a whole). */
    private static boolean covered(String dir, Set<String> watchedDirs) {
        String current = dir;
        while (!current.isEmpty()) {
            if (watchedDirs.contains(current)) {
                return true;
            }
            current = TestInventory.parentDir(current);
        }
        return false;
    }
}
