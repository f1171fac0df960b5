package dev.controlplane.cards.integrations;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.integrations.gh.GhAnswer;
import dev.controlplane.cards.integrations.gh.GhClient;
import dev.controlplane.cards.integrations.gh.GhPull;
import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

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

    /** {@code limit} only with an answer: how many PRs gh was asked for. */
    @RegisterForReflection
    record Pulls(List<GhPull> pulls, int total, @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit) {
    }

    @Override
    ObjectNode compute(CardContext ctx, GhClient gh) {
        GhAnswer<List<GhPull>> pulls = gh.pulls();
        if (!pulls.ok()) {
            return failure(pulls);
        }
        long failing = pulls.value().stream().filter(pull -> pull.checks().failing() > 0).count();
        int total = pulls.value().size();
        ObjectNode card = card(pulls, new Pulls(pulls.value(), total, GhClient.PULL_LIMIT));
        Level level = total == 0 ? Level.NONE : failing > 0 ? Level.DEGRADED : Level.OK;
        return ok(card, CardJson.plural(total, "open PR", "open PRs"), level);
    }

    @Override
    Object emptyData() {
        return new Pulls(List.of(), 0, null);
    }
}
