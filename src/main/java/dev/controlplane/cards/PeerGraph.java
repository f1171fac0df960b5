package dev.controlplane.cards;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "reads the result of" graph between cards, built from each card's {@link Card#peers()} and nothing else.
 * Everything that used to be written by hand beside it is derived here: dependents (for bust cascades),
 * the watch paths a dependent inherits from its peers (so it turns stale with them), the maximum age it
 * inherits, and the order in which a batch is computed (peers first). Cycles and unknown peers are refused
 * when the graph is built, that is at start-up.
 */
public final class PeerGraph {
    private final Map<String, Card> cards;
    private final Map<String, List<String>> peers = new LinkedHashMap<>();
    private final Map<String, List<String>> dependents = new LinkedHashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    /** @param cards every card by key, in display order */
    PeerGraph(Map<String, Card> cards) {
        this.cards = cards;
        cards.keySet().forEach(key -> dependents.put(key, new ArrayList<>()));
        for (Card card : cards.values()) {
            List<String> own = new ArrayList<>();
            // Display order, so the graph prints the same way on every start.
            for (String key : cards.keySet()) {
                if (card.peers().contains(key)) {
                    own.add(key);
                }
            }
            for (String peer : card.peers()) {
                if (peer.equals(card.key())) {
                    throw new IllegalStateException("Card '" + card.key() + "' declares itself as a peer");
                }
                if (!cards.containsKey(peer)) {
                    throw new IllegalStateException("Card '" + card.key() + "' reads unknown peer '" + peer + "'");
                }
            }
            peers.put(card.key(), List.copyOf(own));
            own.forEach(peer -> dependents.get(peer).add(card.key()));
        }
        for (String key : cards.keySet()) {
            depthOf(key, new ArrayDeque<>());
        }
    }

    /** Longest chain of peers below {@code key}; refuses a cycle, naming it. */
    private int depthOf(String key, Deque<String> path) {
        Integer known = depth.get(key);
        if (known != null) {
            return known;
        }
        if (path.contains(key)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext();) {
                String step = it.next();
                in |= step.equals(key);
                if (in) {
                    cycle.add(step);
                }
            }
            cycle.add(key);
            throw new IllegalStateException("Cards read each other in a cycle: " + String.join(" -> ", cycle));
        }
        path.push(key);
        int deepest = 0;
        for (String peer : peers.get(key)) {
            deepest = Math.max(deepest, depthOf(peer, path) + 1);
        }
        path.pop();
        depth.put(key, deepest);
        return deepest;
    }

    /** The cards {@code key} reads directly. */
    public List<String> peers(String key) {
        return peers.getOrDefault(key, List.of());
    }

    /** The cards that read {@code key} directly. */
    public List<String> dependents(String key) {
        return List.copyOf(dependents.getOrDefault(key, List.of()));
    }

    /** {@code key} and every card that reads it, directly or through others (a bust goes this far). */
    public Set<String> withDependents(String key) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(key));
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (out.add(next)) {
                todo.addAll(dependents.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    /** Every card {@code key} reads, directly or through others (not {@code key} itself). */
    public Set<String> allPeers(String key) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(peers(key));
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (out.add(next)) {
                todo.addAll(peers(next));
            }
        }
        return out;
    }

    /**
     * What makes {@code key} stale: its own watch paths, then those of every card it reads. Derived, so a
     * dependent can never forget a file its peer reads.
     */
    public List<String> watchPaths(String key) {
        Set<String> paths = new LinkedHashSet<>(cards.get(key).watchPaths());
        allPeers(key).forEach(peer -> paths.addAll(cards.get(peer).watchPaths()));
        return List.copyOf(paths);
    }

    /** The shortest maximum age among the card and its peers: a summary is no fresher than what it reads. */
    public Optional<Duration> maxAge(String key) {
        Optional<Duration> shortest = cards.get(key).maxAge();
        for (String peer : allPeers(key)) {
            Optional<Duration> age = cards.get(peer).maxAge();
            if (age.isPresent() && (shortest.isEmpty() || age.get().compareTo(shortest.get()) < 0)) {
                shortest = age;
            }
        }
        return shortest;
    }

    /** 0 for a card that reads no other; otherwise one more than its deepest peer. */
    public int level(String key) {
        return depth.getOrDefault(key, 0);
    }

    /** {@code keys} split into levels: every card's peers come in an earlier level than the card. */
    public List<List<String>> levels(Collection<String> keys) {
        Map<Integer, List<String>> byLevel = new java.util.TreeMap<>();
        for (String key : keys) {
            byLevel.computeIfAbsent(level(key), l -> new ArrayList<>()).add(key);
        }
        return List.copyOf(byLevel.values());
    }

    /** The graph, one line per card that reads others: {@code audit:scores <- docs, testing}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        peers.forEach((key, own) -> {
            if (!own.isEmpty()) {
                out.append(key).append(" <- ").append(String.join(", ", own)).append('\n');
            }
        });
        return out.toString();
    }
}
