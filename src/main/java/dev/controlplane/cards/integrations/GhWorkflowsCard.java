package dev.controlplane.cards.integrations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhWorkflow;
import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every GitHub Actions workflow with its state, and its last conclusion on the checked-out branch (from gh-runs). */
// Singleton: no client proxy, so the shared base class needs no no-args constructor.
@Singleton
public class GhWorkflowsCard extends GhCard {
    public static final String KEY = "gh-workflows";
    static final CardSpec SPEC = CardSpec.card(KEY)
            .title("GitHub workflows")
            .description("Workflows known to GitHub, enabled or not, with their last result")
            .tab(Tab.INTEGRATIONS)
            .order(33)
            .alias("/api/gh/actions/workflows")
            .peers(GhRunsCard.KEY) // reads the last conclusions of the checked-out branch
            .build();

    public GhWorkflowsCard(ControlPlaneConfig config) {
        super(config);
    }

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    ObjectNode compute(CardContext ctx, GhClient gh) {
        GhAnswer<List<GhWorkflow>> workflows = gh.workflows();
        if (!workflows.ok()) {
            return failure(workflows);
        }
        Map<String, JsonNode> latest = new HashMap<>();
        RemotePeers.ghRuns(ctx).filter(RemotePeers::ok).ifPresent(runs -> runs.path("latest_by_workflow")
                .forEach(run -> latest.put(run.path("workflow").asText(), run)));
        List<Workflow> list = new ArrayList<>();
        int failing = 0;
        for (GhWorkflow workflow : workflows.value()) {
            JsonNode last = latest.getOrDefault(workflow.name(), CardJson.object());
            list.add(new Workflow(workflow.id(), workflow.name(), workflow.path(), workflow.state(),
                    last.path("status").asText(""), last.path("conclusion").asText(""), last.path("url").asText("")));
            failing += "active".equals(workflow.state()) && isFailure(last.path("conclusion").asText("")) ? 1 : 0;
        }
        int total = list.size();
        ObjectNode card = card(workflows, new Workflows(list, total));
        Level level = total == 0 ? Level.NONE : failing > 0 ? Level.FAILED : Level.OK;
        return ok(card, CardJson.plural(total, "workflow", "workflows"), level);
    }

    private static boolean isFailure(String conclusion) {
        return switch (conclusion) {
            case "failure", "timed_out", "startup_failure", "action_required" -> true;
            default -> false;
        };
    }

    @RegisterForReflection
    record Workflows(List<Workflow> workflows, int total) {
    }

    /** A workflow with the last run gh-runs saw of it on the checked-out branch (empty when none). */
    @RegisterForReflection
    record Workflow(long id, String name, String path, String state, @JsonProperty("last_status") String lastStatus,
            @JsonProperty("last_conclusion") String lastConclusion, @JsonProperty("last_url") String lastUrl) {
    }

    @Override
    Object emptyData() {
        return new Workflows(List.of(), 0);
    }
}
