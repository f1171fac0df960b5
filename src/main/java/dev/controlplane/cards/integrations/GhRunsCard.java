package dev.controlplane.cards.integrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhRepo;
import dev.controlplane.cards.integrations.gh.GhRun;
import dev.controlplane.cards.integrations.gh.RunSummary;
import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.controlplane.project.files.GithubTarget;

/**
 * "Is the build on my branch green?": the latest GitHub Actions runs of the checked-out branch and of the
 * default branch, the latest run per workflow on the checked-out branch, and one verdict as the badge.
 */
// Singleton: no client proxy, so the shared base class needs no no-args constructor.
@Singleton
public class GhRunsCard extends GhCard {
    public static final String KEY = "gh-runs";
    static final CardSpec SPEC = CardSpec.card(KEY)
            .title("GitHub Actions runs")
            .description("Latest workflow runs of this branch and the default branch, live from GitHub")
            .tab(Tab.INTEGRATIONS)
            .order(31)
            .alias("/api/gh/actions/runs")
            .build();

    public GhRunsCard(ControlPlaneConfig config) {
        super(config);
    }

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    ObjectNode compute(CardContext ctx, GhClient gh) {
        GhAnswer<GhRepo> repo = gh.repo();
        if (!repo.ok()) {
            return failure(repo);
        }
        String defaultBranch = repo.value().defaultBranch();
        String current = GithubTarget.currentBranch(ctx);
        String branch = current.isEmpty() ? defaultBranch : current;
        GhAnswer<List<GhRun>> onBranch = gh.runs(branch);
        if (!onBranch.ok()) {
            return failure(onBranch);
        }
        Map<Long, GhRun> runs = new LinkedHashMap<>();
        onBranch.value().forEach(run -> runs.put(run.id(), run));
        if (!branch.equals(defaultBranch) && !defaultBranch.isEmpty()) {
            GhAnswer<List<GhRun>> onDefault = gh.runs(defaultBranch);
            if (!onDefault.ok()) {
                return failure(onDefault);
            }
            onDefault.value().forEach(run -> runs.putIfAbsent(run.id(), run));
        }
        RunSummary summary = RunSummary.of(onBranch.value());

        List<GhRun> sorted = new ArrayList<>(runs.values());
        sorted.sort((a, b) -> b.createdAt().compareTo(a.createdAt())); // ISO-8601 UTC sorts as text
        ObjectNode card = card(repo, new Runs(branch, defaultBranch, repo.value(), sorted, summary.latest()));
        return ok(card, summary.verdict(), RunSummary.level(summary.verdict()));
    }

    /** {@code repo} is gh's {@link GhRepo}, or {@code {}} when gh could not answer. */
    @RegisterForReflection
    record Runs(String branch, @JsonProperty("default_branch") String defaultBranch, Object repo, List<GhRun> runs,
            @JsonProperty("latest_by_workflow") List<RunSummary.LatestRun> latestByWorkflow) {
    }

    @Override
    Object emptyData() {
        return new Runs("", "", Map.of(), List.of(), List.of());
    }
}
