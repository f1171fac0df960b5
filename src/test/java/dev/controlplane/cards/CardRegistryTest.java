package dev.controlplane.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The registry's checks and the peer graph it derives from each card's one {@code peers()} declaration. */
class CardRegistryTest {

    /** A card with the given peers and watch paths that reads {@code reads} (declared or not). */
    private record Reader(String key, Set<String> peers, List<String> watchPaths, String reads, Duration age)
            implements Card {
        Reader(String key, String... peers) {
            this(key, Set.of(peers), List.of(key + ".txt"), null, null);
        }

        @Override
        public String title() {
            return key;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Tab tab() {
            return Tab.DEVOPS;
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public String alias() {
            return "/api/test/" + key;
        }

        @Override
        public Optional<Duration> maxAge() {
            return Optional.ofNullable(age);
        }

        @Override
        public ObjectNode compute(CardContext context) throws Exception {
            if (reads != null) {
                context.peer(reads);
            }
            return CardJson.summary(CardJson.object(), "ok", Level.OK);
        }
    }

    @Test
    void aDependencyCycleIsRefusedAtStartUp() {
        IllegalStateException cycle = assertThrows(IllegalStateException.class, () -> new CardRegistry(List.of(
                new Reader("a", "c"), new Reader("b", "a"), new Reader("c", "b"), new Reader("d"))));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertTrue(cycle.getMessage().contains("a -> c -> b -> a") || cycle.getMessage().contains("c -> b -> a -> c")
                || cycle.getMessage().contains("b -> a -> c -> b"), cycle.getMessage());
        assertThrows(IllegalStateException.class, () -> new CardRegistry(List.of(new Reader("a", "a"))),
                "reading itself");
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new CardRegistry(List.of(new Reader("a", "ghost"))));
        assertTrue(unknown.getMessage().contains("ghost"));
    }

    @Test
    void keysMayHaveUpToTwoColons() {
        new CardRegistry(List.of(new Reader("audit:l2:repo"), new Reader("audit:deps")));
        assertThrows(IllegalStateException.class, () -> new CardRegistry(List.of(new Reader("a:b:c:d"))));
        assertThrows(IllegalStateException.class, () -> new CardRegistry(List.of(new Reader("audit::x"))));
    }

    @Test
    void everythingElseIsDerivedFromThePeers() {
        // top reads mid and side; mid reads base.
        Reader base = new Reader("base", Set.of(), List.of("base.txt"), null, Duration.ofMinutes(5));
        Reader side = new Reader("side", Set.of(), List.of("side/"), null, Duration.ofMinutes(1));
        CardRegistry registry = new CardRegistry(List.of(new Reader("top", "mid", "side"), new Reader("mid", "base"),
                base, side));
        PeerGraph graph = registry.graph();
        assertEquals(Set.of("base", "mid", "top"), registry.withDependents("base"), "busts follow readers, transitively");
        assertEquals(Set.of("side", "top"), registry.withDependents("side"));
        assertEquals(List.of("mid"), graph.dependents("base"));
        assertEquals(List.of("top.txt", "mid.txt", "side/", "base.txt"), graph.watchPaths("top"),
                "a reader watches what its peers watch");
        assertEquals(Optional.of(Duration.ofMinutes(1)), graph.maxAge("top"), "no fresher than its freshest-expiring peer");
        assertEquals(List.of(List.of("base", "side"), List.of("mid"), List.of("top")),
                graph.levels(List.of("top", "mid", "base", "side")), "peers first");
        assertEquals("mid <- base\ntop <- mid, side\n", graph.describe());
    }

    @Test
    void readingAnUndeclaredPeerFails(@TempDir Path root) {
        Reader sneaky = new Reader("sneaky", Set.of("base"), List.of(), "other", null);
        assertThrows(CardContext.UndeclaredPeerException.class,
                () -> sneaky.compute(PeerContexts.withPeers(sneaky, root, new Reader("base"), new Reader("other"))));
        Reader honest = new Reader("honest", Set.of("base"), List.of(), "base", null);
        assertDoesNotThrowAnything(honest, root);
    }

    private static void assertDoesNotThrowAnything(Reader card, Path root) {
        try {
            card.compute(PeerContexts.withPeers(card, root, new Reader("base")));
        } catch (Exception e) {
            throw new AssertionError("a declared peer is readable", e);
        }
    }
}
