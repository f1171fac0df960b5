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

    /**
     * For a test that computes several readers against one context: every given card counts as declared. The
     * readers' own declarations are still enforced by the cache (see CardCacheTest).
     */
    public static CardContext withAllPeers(Path root, Card... peers) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Card peer : peers) {
            keys.add(peer.key());
        }
        Map<String, ObjectNode> computed = new HashMap<>();
        Map<String, Card> byKey = new HashMap<>();
        for (Card peer : peers) {
            byKey.put(peer.key(), peer);
        }
        return new CardContext(root, root.resolve(".state"), CardContext.MIN_COMPUTE_DEPTH, ToolRunner.DEFAULT_TIMEOUT,
                keys, key -> {
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
