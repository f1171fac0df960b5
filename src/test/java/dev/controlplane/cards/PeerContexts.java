package dev.controlplane.cards;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.ToolRunner;

/**
 * Contexts for card tests whose cards read other cards: each peer is computed once, on demand. The reader's
 * {@link Card#peers()} are enforced as in the cache, so a card that reads an undeclared peer fails its test.
 */
public final class PeerContexts {
    private PeerContexts() {
    }

    public static CardContext withPeers(Card reader, Path root, Card... peers) {
        Map<String, Card> byKey = new HashMap<>();
        for (Card peer : peers) {
            byKey.put(peer.key(), peer);
        }
        Map<String, ObjectNode> computed = new HashMap<>();
        CardContext[] context = new CardContext[1];
        context[0] = new CardContext(root, root.resolve(".state"), CardContext.MIN_COMPUTE_DEPTH,
                ToolRunner.DEFAULT_TIMEOUT, reader.peers(), key -> {
                    ObjectNode done = computed.get(key);
                    if (done == null) {
                        Card card = byKey.get(key);
                        if (card == null) {
                            throw new IllegalStateException("no peer card '" + key + "' in this test");
                        }
                        done = card.compute(withPeers(card, root, peers));
                        computed.put(key, done);
                    }
                    return done;
                });
        return context[0];
    }
}
