package dev.controlplane.cards.integrations;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhState;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.project.files.GithubTarget;

/**
 * What the three GitHub live cards share: finding the repository, asking gh with the short remote timeout,
 * and turning every reason gh cannot answer into a state with a hint ({@code state}, {@code hint}) instead of
 * an error. Each payload says how often it is checked ({@code checked_every_s}).
 */
abstract class GhCard implements RemoteCard {
    private final Duration timeout;
    private final long intervalSeconds;

    GhCard(ControlPlaneConfig config) {
        this.timeout = config.remote().timeout();
        this.intervalSeconds = config.remote().interval().toSeconds();
    }

    @Override
    public Tab tab() {
        return Tab.INTEGRATIONS;
    }

    /** No project file reflects GitHub's state: the remote refresher keeps these keys current. */
    @Override
    public List<String> watchPaths() {
        return List.of();
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
    ObjectNode base(GhAnswer<?> answer) {
        ObjectNode card = CardJson.object();
        card.put("state", answer.state().id());
        card.put("hint", answer.hint());
        card.put("checked_every_s", intervalSeconds);
        return card;
    }

    /** A state instead of data: same shape as the data (empty lists), never a card error. */
    ObjectNode failure(GhAnswer<?> answer) {
        ObjectNode card = base(answer);
        emptyData(card);
        return CardJson.summary(card, answer.state().badge(), answer.state().level());
    }

    /** The card's own fields, empty, so a state has the same shape as data. */
    abstract void emptyData(ObjectNode card);

    static ObjectNode ok(ObjectNode card, String text, Level level) {
        return CardJson.summary(card, text, level);
    }
}
