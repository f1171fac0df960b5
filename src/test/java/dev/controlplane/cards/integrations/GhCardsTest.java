package dev.controlplane.cards.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.FakeGh;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** The three GitHub live cards against the fake gh, one scenario each; the ci and github cards reading them. */
class GhCardsTest {
    @TempDir
    Path dir;

    private FakeGh gh;
    private List<Path> toolPathBefore;
    private GhRunsCard runs;
    private GhPullsCard pulls;
    private GhWorkflowsCard workflows;

    @BeforeEach
    void installFakeGh() {
        gh = FakeGh.install("passing");
        toolPathBefore = ToolRunner.searchedFirst();
        ToolRunner.searchFirst(List.of(gh.bin()));
        TestConfig config = new TestConfig(dir);
        runs = new GhRunsCard(config);
        pulls = new GhPullsCard(config);
        workflows = new GhWorkflowsCard(config);
    }

    @AfterEach
    void removeFakeGh() {
        ToolRunner.searchFirst(toolPathBefore);
        gh.close();
    }

    /** A context whose cached peers are the given payloads (what the cache holds), never computed. */
    private CardContext context(Path root, Map<String, ObjectNode> cached) {
        return new CardContext(root, root.resolve(".state"), CardContext.MIN_COMPUTE_DEPTH, ToolRunner.DEFAULT_TIMEOUT,
                java.util.Set.of("gh-runs", "gh-pulls"), new CardContext.Peers() {
                    @Override
                    public ObjectNode get(String key) {
                        throw new AssertionError("a peer was computed: " + key);
                    }

                    @Override
                    public ObjectNode cached(String key) {
                        return cached.get(key);
                    }
                });
    }

    private ObjectNode compute(GhCard card, String branch) throws Exception {
        return card.compute(context(FakeGh.project(dir, branch), Map.of()));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    @Test
    void declareTheContract() {
        assertEquals("gh-runs", runs.key());
        assertEquals("/api/gh/actions/runs", runs.alias());
        assertEquals("/api/gh/pulls", pulls.alias());
        assertEquals("/api/gh/actions/workflows", workflows.alias());
        for (GhCard card : List.of(runs, pulls, workflows)) {
            assertEquals(Tab.INTEGRATIONS, card.tab());
            assertEquals(dev.controlplane.cards.Pref.AUTO, card.defaultPref());
            assertTrue(card.watchPaths().isEmpty(), "no file says when GitHub changes");
        }
        assertEquals(java.util.Set.of("gh-runs"), new CiCard().peers(), "ci reads the runs");
        assertEquals(java.util.Set.of("gh-runs", "gh-pulls"), new GithubCard().peers(), "github reads runs and PRs");
    }

    @ParameterizedTest
    @CsvSource({ "passing, passing, ok", "failing, failing, failed", "running, running, degraded",
            "norun, no runs, none" })
    void runsOfTheCurrentBranchGiveTheVerdict(String scenario, String verdict, String level) throws Exception {
        gh.scenario(scenario);
        ObjectNode card = compute(runs, "feature-x");
        assertEquals("ok", card.path("state").asText());
        assertEquals(verdict, card.path("summary").path("text").asText());
        assertEquals(level, card.path("summary").path("level").asText());
        assertEquals("feature-x", card.path("branch").asText());
        assertEquals(60, card.path("checked_every_s").asInt());
    }

    @Test
    void passingListsBothBranchesAndTheLatestRunPerWorkflow() throws Exception {
        ObjectNode card = compute(runs, "feature-x");
        assertEquals("main", card.path("default_branch").asText(), "the default branch differs from the current one");
        List<String> branches = texts(card.path("runs"), "branch");
        assertTrue(branches.contains("feature-x") && branches.contains("main"), branches.toString());
        JsonNode first = card.path("runs").get(0);
        assertEquals(9105, first.path("id").asLong());
        assertEquals("CI", first.path("workflow").asText());
        assertEquals("Export widgets as CSV", first.path("title").asText());
        assertEquals("push", first.path("event").asText());
        assertEquals("completed", first.path("status").asText());
        assertEquals("success", first.path("conclusion").asText());
        assertEquals("2026-12-04T06:30:00Z", first.path("created_at").asText());
        assertEquals("2026-12-04T06:30:40Z", first.path("updated_at").asText());
        assertEquals("https://github.com/acme/widgets/actions/runs/9105", first.path("url").asText());
        // The older failed CI run on the branch is superseded by the newer green one.
        assertEquals(List.of("CI", "Lint"), texts(card.path("latest_by_workflow"), "workflow"));
        assertEquals(List.of("success", "success"), texts(card.path("latest_by_workflow"), "conclusion"));
        assertEquals("public", card.path("repo").path("visibility").asText());
        assertEquals("https://github.com/acme/widgets", card.path("repo").path("url").asText());
        assertTrue(gh.calls().stream().anyMatch(c -> c.contains("--branch main")));
    }

    @Test
    void onTheDefaultBranchItAsksOnce() throws Exception {
        ObjectNode card = compute(runs, "main");
        assertEquals("main", card.path("branch").asText());
        assertEquals("passing", card.path("summary").path("text").asText());
        assertEquals(1, gh.calls().stream().filter(c -> c.startsWith("run list")).count());
    }

    @ParameterizedTest
    @CsvSource({ "auth, not_authenticated, sign in, gh auth login", "offline, offline, offline, ",
            "ratelimit, rate_limited, rate limited, gh api rate_limit" })
    void failuresAreStatesWithHints(String scenario, String state, String badge, String hint) throws Exception {
        gh.scenario(scenario);
        for (GhCard card : List.of(runs, pulls, workflows)) {
            ObjectNode payload = compute(card, "feature-x");
            assertEquals(state, payload.path("state").asText(), card.key());
            assertEquals(badge, payload.path("summary").path("text").asText(), card.key());
            assertFalse(payload.path("hint").asText().isBlank(), card.key());
            if (hint != null) {
                assertEquals(hint, payload.path("hint").asText(), card.key());
            }
        }
        ObjectNode card = compute(runs, "feature-x");
        assertTrue(card.path("runs").isArray() && card.path("runs").isEmpty(), "same shape, no data");
    }

    @Test
    void ghMissingIsAStateWithTheInstallHint() throws Exception {
        Assumptions.assumeTrue(ToolRunner.which("gh").map(p -> p.startsWith(gh.bin())).orElse(false));
        ToolRunner.searchFirst(List.of(dir.resolve("no-tools")));
        Assumptions.assumeTrue(ToolRunner.which("gh").isEmpty(), "a real gh is on the PATH");
        ObjectNode card = compute(runs, "feature-x");
        assertEquals("no_gh", card.path("state").asText());
        assertEquals("no gh", card.path("summary").path("text").asText());
        assertEquals("none", card.path("summary").path("level").asText());
        assertTrue(card.path("hint").asText().contains("https://cli.github.com/"));
    }

    @Test
    void withoutAGithubRemoteNothingIsAsked() throws Exception {
        Path root = Files.createDirectories(dir.resolve("plain"));
        TestFiles.write(root.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://gitlab.com/acme/w.git\n");
        ObjectNode card = runs.compute(context(root, Map.of()));
        assertEquals("no_github_remote", card.path("state").asText());
        assertEquals("no GitHub remote", card.path("summary").path("text").asText());
        assertTrue(card.path("hint").asText().startsWith("git remote add origin"));
        assertTrue(gh.calls().isEmpty());
    }

    @Test
    void pullsCountTheirChecks() throws Exception {
        ObjectNode card = compute(pulls, "feature-x");
        assertEquals(2, card.path("total").asInt());
        assertEquals("2 open PRs", card.path("summary").path("text").asText());
        JsonNode first = card.path("pulls").get(0);
        assertEquals(12, first.path("number").asInt());
        assertEquals("octo", first.path("author").asText());
        assertEquals("feature-x", first.path("branch").asText());
        assertFalse(first.path("draft").asBoolean());
        assertEquals("approved", first.path("review_decision").asText());
        assertEquals(2, first.path("checks").path("passing").asInt());
        assertEquals(0, first.path("checks").path("failing").asInt());
        assertEquals(1, first.path("checks").path("pending").asInt());
        assertEquals("https://github.com/acme/widgets/pull/12", first.path("url").asText());
        JsonNode second = card.path("pulls").get(1);
        assertTrue(second.path("draft").asBoolean());
        assertEquals(1, second.path("checks").path("failing").asInt());
        assertEquals(1, second.path("checks").path("pending").asInt());
    }

    @Test
    void workflowsTakeTheirLastConclusionFromCachedRuns() throws Exception {
        Path root = FakeGh.project(dir, "feature-x");
        gh.scenario("failing");
        ObjectNode runsPayload = runs.compute(context(root, Map.of()));
        ObjectNode card = workflows.compute(context(root, Map.of("gh-runs", runsPayload)));
        assertEquals(List.of("CI", "Lint", "Release", "Nightly"), texts(card.path("workflows"), "name"));
        assertEquals(List.of("failure", "success", "", ""), texts(card.path("workflows"), "last_conclusion"));
        assertEquals("disabled_manually", card.path("workflows").get(3).path("state").asText());
        assertEquals("failed", card.path("summary").path("level").asText());
    }

    @Test
    void ciTakesItsBadgeFromCachedRunsAndFallsBackToFiles() throws Exception {
        Path root = FakeGh.project(dir, "feature-x");
        CiCard ci = new CiCard();
        ObjectNode files = ci.compute(context(root, Map.of()));
        assertEquals("1 workflow", files.path("summary").path("text").asText(), "nothing cached: file facts");
        assertFalse(files.path("live").path("available").asBoolean());

        gh.scenario("failing");
        ObjectNode live = ci.compute(context(root, Map.of("gh-runs", runs.compute(context(root, Map.of())))));
        assertEquals("failing", live.path("summary").path("text").asText());
        assertEquals("failed", live.path("summary").path("level").asText());
        assertEquals(List.of("feature-x", "feature-x", "feature-x", "feature-x"),
                texts(live.path("live").path("runs"), "branch"), "the current branch's runs only");
        assertEquals("https://github.com/acme/widgets/actions/runs/9106",
                live.path("live").path("runs").get(0).path("url").asText());

        gh.scenario("auth");
        ObjectNode signedOut = ci.compute(context(root, Map.of("gh-runs", runs.compute(context(root, Map.of())))));
        assertEquals("1 workflow", signedOut.path("summary").path("text").asText(), "gh cannot answer: file facts");
        assertEquals("not_authenticated", signedOut.path("live").path("state").asText());
        assertEquals("gh auth login", signedOut.path("live").path("hint").asText());
    }

    @Test
    void githubShowsRepositoryOpenPullsAndAuthState() throws Exception {
        Path root = FakeGh.project(dir, "feature-x");
        ObjectNode runsPayload = runs.compute(context(root, Map.of()));
        ObjectNode pullsPayload = pulls.compute(context(root, Map.of()));
        ObjectNode card = new GithubCard().compute(context(root, Map.of("gh-runs", runsPayload, "gh-pulls", pullsPayload)));
        JsonNode live = card.path("live");
        assertEquals("signed_in", live.path("auth").asText());
        assertEquals(2, live.path("open_prs").asInt());
        assertEquals("widgets", live.path("repo").path("name").asText());
        assertEquals("public", live.path("repo").path("visibility").asText());
        assertEquals("main", live.path("repo").path("default_branch").asText());
        assertEquals("https://github.com/acme/widgets", live.path("repo").path("url").asText());
        assertFalse(card.toString().contains(FakeGh.TOKEN));

        gh.scenario("auth");
        ObjectNode signedOut = new GithubCard().compute(context(root,
                Map.of("gh-runs", runs.compute(context(root, Map.of())))));
        assertEquals("signed_out", signedOut.path("live").path("auth").asText());
        assertTrue(signedOut.path("live").path("open_prs").isNull());
    }
}
