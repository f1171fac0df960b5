package dev.controlplane.cards.integrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhRepo;
import dev.controlplane.cards.integrations.gh.GhRun;
import dev.controlplane.cards.integrations.gh.RunSummary;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.project.files.GithubTarget;

/**
 * "Is the build on my branch green?": the latest GitHub Actions runs of the checked-out branch and of the
 * default branch, the latest run per workflow on the checked-out branch, and one verdict as the badge.
 */
// Singleton: no client proxy, so the shared base class needs no no-args constructor.
@Singleton
public class GhRunsCard extends GhCard {
    public static final String KEY = "gh-runs";

    public GhRunsCard(ControlPlaneConfig config) {
        super(config);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String title() {
        return "GitHub Actions runs";
    }

    @Override
    public String description() {
        return "Latest workflow runs of this branch and the default branch, live from GitHub";
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public String alias() {
        return "/api/gh/actions/runs";
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

        ObjectNode card = base(repo);
        card.put("branch", branch);
        card.put("default_branch", defaultBranch);
        card.set("repo", repo.value().toJson());
        ArrayNode list = card.putArray("runs");
        List<GhRun> sorted = new ArrayList<>(runs.values());
        sorted.sort((a, b) -> b.createdAt().compareTo(a.createdAt())); // ISO-8601 UTC sorts as text
        sorted.forEach(run -> list.add(run.toJson()));
        card.set("latest_by_workflow", summary.toJson());
        return ok(card, summary.verdict(), RunSummary.level(summary.verdict()));
    }

    @Override
    void emptyData(ObjectNode card) {
        card.put("branch", "");
        card.put("default_branch", "");
        card.set("repo", CardJson.object());
        card.putArray("runs");
        card.putArray("latest_by_workflow");
    }
}
