package dev.controlplane.cards.integrations;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;

/**
 * The github card's live part from the cached GitHub keys: {@code live {state, hint, auth, repo {name, slug,
 * visibility, default_branch, url}, open_prs}}. {@code auth} is what gh's answers showed: {@code signed_in},
 * {@code signed_out}, or {@code unknown} before gh answered (or when it could not say).
 */
final class GithubLive {
    private GithubLive() {
    }

    static ObjectNode of(Optional<ObjectNode> ghRuns, Optional<ObjectNode> ghPulls) {
        ObjectNode live = CardJson.object();
        String state = ghRuns.map(p -> p.path("state").asText("")).orElse("not_checked");
        live.put("state", state);
        live.put("hint", ghRuns.map(p -> p.path("hint").asText("")).orElse(""));
        live.put("auth", switch (state) {
            case "ok" -> "signed_in";
            case "not_authenticated" -> "signed_out";
            default -> "unknown";
        });
        JsonNode repo = ghRuns.filter(RemotePeers::ok).map(p -> p.path("repo")).orElse(CardJson.object());
        live.set("repo", repo.deepCopy());
        if (ghPulls.map(RemotePeers::ok).orElse(false)) {
            live.put("open_prs", ghPulls.get().path("total").asInt());
        } else {
            live.putNull("open_prs");
        }
        return live;
    }
}
