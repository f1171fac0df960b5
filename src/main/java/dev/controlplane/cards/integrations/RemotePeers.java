package dev.controlplane.cards.integrations;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;

/**
 * The one place cards read the GitHub live keys as peers. Only what is already cached: a local card never waits
 * for GitHub; it is recomputed when a live key changes (the live keys cascade to their readers).
 */
final class RemotePeers {
    private RemotePeers() {
    }

    /** The cached {@code gh-runs} payload, whatever its state. */
    static Optional<ObjectNode> ghRuns(CardContext ctx) {
        return ctx.cachedPeer(GhRunsCard.KEY);
    }

    /** The cached {@code gh-pulls} payload, whatever its state. */
    static Optional<ObjectNode> ghPulls(CardContext ctx) {
        return ctx.cachedPeer(GhPullsCard.KEY);
    }

    static boolean ok(ObjectNode payload) {
        return "ok".equals(payload.path("state").asText());
    }
}
