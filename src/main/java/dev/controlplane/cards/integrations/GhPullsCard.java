package dev.controlplane.cards.integrations;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhPull;
import dev.controlplane.config.ControlPlaneConfig;

/** Open pull requests with their review decision and check rollup, live from GitHub. */
// Singleton: no client proxy, so the shared base class needs no no-args constructor.
@Singleton
public class GhPullsCard extends GhCard {
    public static final String KEY = "gh-pulls";
    static final CardSpec SPEC = CardSpec.card(KEY)
            .title("Pull requests")
            .description("Open pull requests, their reviews and checks, live from GitHub")
            .tab(Tab.INTEGRATIONS)
            .order(32)
            .alias("/api/gh/pulls")
            .build();

    public GhPullsCard(ControlPlaneConfig config) {
        super(config);
    }

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    ObjectNode compute(CardContext ctx, GhClient gh) {
        GhAnswer<List<GhPull>> pulls = gh.pulls();
        if (!pulls.ok()) {
            return failure(pulls);
        }
        ObjectNode card = base(pulls);
        ArrayNode list = card.putArray("pulls");
        int failing = 0;
        for (GhPull pull : pulls.value()) {
            list.add(pull.toJson());
            failing += pull.checks().failing() > 0 ? 1 : 0;
        }
        int total = pulls.value().size();
        card.put("total", total);
        card.put("limit", GhClient.PULL_LIMIT);
        Level level = total == 0 ? Level.NONE : failing > 0 ? Level.DEGRADED : Level.OK;
        return ok(card, CardJson.plural(total, "open PR", "open PRs"), level);
    }

    @Override
    void emptyData(ObjectNode card) {
        card.putArray("pulls");
        card.put("total", 0);
    }
}
