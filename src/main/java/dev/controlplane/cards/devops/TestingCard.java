package dev.controlplane.cards.devops;

import java.util.ArrayList;
import java.util.List;
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
        TestModules modules = TestModules.of(ctx, inventory);
        List<String> warnings = new ArrayList<>(inventory.warnings());
        warnings.addAll(detected.warnings());
        TestRunReports.LastRun lastRun = TestRunReports.read(ctx, modules.maven(), modules.gradle(),
                modules.python(), warnings);

        ObjectNode card = CardJson.object();
        TestStats stats = TestStats.of(inventory);
        card.put("has_tests", stats.hasTests());
        card.set("frameworks", frameworks(detected));
        card.set("coverage_tools", coverageTools(detected));
        card.set("stats", stats.json());
        card.set("last_run", lastRun(lastRun));
        card.set("warnings", CardJson.strings(new TreeSet<>(warnings).stream().limit(MAX_WARNINGS).toList()));
        TestWatchPaths.add(ctx, inventory, modules);
        return CardJson.summary(card, CardJson.plural(stats.testFunctions(), "test", "tests"),
                level(stats, lastRun));
    }

    static Level level(TestStats stats, TestRunReports.LastRun lastRun) {
        if (lastRun.failed() > 0) {
            return Level.FAILED;
        }
        if (stats.hasTests()) {
            return Level.OK;
        }
        return stats.sourceFiles() > 0 ? Level.DEGRADED : Level.NONE;
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

}
