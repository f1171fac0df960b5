package dev.controlplane.cards.integrations;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.integrations.gh.RunSummary;

/**
 * The ci card's live part, from a cached {@code gh-runs}: {@code live {available, state, hint, branch,
 * default_branch, verdict, latest_by_workflow[], runs[]}} with the last runs of the checked-out branch.
 */
final class CiLiveRuns {
    static final int MAX_RUNS = 10;

    private CiLiveRuns() {
    }

    static ObjectNode of(Optional<ObjectNode> ghRuns) {
        ObjectNode live = CardJson.object();
        boolean available = ghRuns.map(RemotePeers::ok).orElse(false);
        live.put("available", available);
        live.put("state", ghRuns.map(p -> p.path("state").asText("")).orElse("not_checked"));
        live.put("hint", ghRuns.map(p -> p.path("hint").asText("")).orElse(""));
        JsonNode runs = ghRuns.map(p -> p.path("runs")).orElse(CardJson.array());
        String branch = ghRuns.map(p -> p.path("branch").asText("")).orElse("");
        live.put("branch", branch);
        live.put("default_branch", ghRuns.map(p -> p.path("default_branch").asText("")).orElse(""));
        live.put("verdict", available ? ghRuns.get().path("summary").path("text").asText("") : "");
        live.set("latest_by_workflow", available ? ghRuns.get().path("latest_by_workflow").deepCopy() : CardJson.array());
        ArrayNode last = live.putArray("runs");
        for (JsonNode run : runs) {
            if (available && last.size() < MAX_RUNS && branch.equals(run.path("branch").asText())) {
                last.add(run.deepCopy());
            }
        }
        return live;
    }

    static Level level(ObjectNode live) {
        return RunSummary.level(live.path("verdict").asText());
    }
}
