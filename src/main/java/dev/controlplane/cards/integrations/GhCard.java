package dev.controlplane.cards.integrations;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhState;
import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.controlplane.project.files.GithubTarget;

/**
 * What the three GitHub live cards share: finding the repository, asking gh with the short remote timeout,
 * and turning every reason gh cannot answer into a state with a hint ({@code state}, {@code hint}) instead of
 * an error. Each payload says how often it is checked ({@code checked_every_s}). Their specs declare no watch
 * paths: no project file reflects GitHub's state, the remote refresher keeps these keys current.
 */
abstract class GhCard implements RemoteCard {
    private final Duration timeout;
    private final long intervalSeconds;

    GhCard(ControlPlaneConfig config) {
        this.timeout = config.remote().timeout();
        this.intervalSeconds = config.remote().interval().toSeconds();
    }

    @Override
    public ObjectNode compute(CardContext ctx) throws Exception {
        var target = GithubTarget.of(ctx);
        if (target.isEmpty()) {
            return failure(GhAnswer.failed(GhState.NO_GITHUB_REMOTE,
                    "git remote add origin https://github.com/OWNER/REPO.git"));
        }
        GhClient gh = new GhClient(ctx.root(), timeout, target.get().host(), target.get().slug());
        ObjectNode card = compute(ctx, gh);
        card.put("repo_slug", target.get().slug());
        return card;
    }

    /** The card's payload from gh's answers; {@link #failure} when one of them is not {@code ok}. */
    abstract ObjectNode compute(CardContext ctx, GhClient gh) throws Exception;

    /** The fields every answer carries, in front of the card's own. */
    @RegisterForReflection
    record Status(String state, String hint, @JsonProperty("checked_every_s") long checkedEverySeconds) {
    }

    /** The answer's status, then the card's own fields ({@code data}, a record). */
    ObjectNode card(GhAnswer<?> answer, Object data) {
        ObjectNode card = ResultJson.tree(new Status(answer.state().id(), answer.hint(), intervalSeconds));
        card.setAll(ResultJson.tree(data));
        return card;
    }

    /** A state instead of data: same shape as the data (empty lists), never a card error. */
    ObjectNode failure(GhAnswer<?> answer) {
        return CardJson.summary(card(answer, emptyData()), answer.state().badge(), answer.state().level());
    }

    /** The card's own fields, empty, so a state has the same shape as data. */
    abstract Object emptyData();

    static ObjectNode ok(ObjectNode card, String text, Level level) {
        return CardJson.summary(card, text, level);
    }
}
