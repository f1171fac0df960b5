package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.Tab;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.testing.TestFiles;

/** Bust scopes and cascades (derived from peers), background recompute, and preferences. */
class CacheBusterTest {
    @TempDir
    Path root;

    private final CountingCard alpha = new CountingCard("alpha", Tab.DEVOPS);
    private final CountingCard beta = new CountingCard("beta", Tab.INTEGRATIONS);
    private final CountingCard gamma = new CountingCard("audit:gamma", Tab.AUDIT);

    private CacheHarness harness() {
        TestFiles.write(root.resolve("data/x.txt"), "x");
        beta.peers = Set.of("alpha"); // beta reads alpha: busting alpha busts beta
        return new CacheHarness(root, List.<Card> of(alpha, beta, gamma));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static List<String> keys(BusEvent bust) {
        return new ObjectMapper().convertValue(bust.data().get("keys"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                });
    }

    @Test
    void scopesAndCascadesToDependents() throws Exception {
        try (CacheHarness h = harness()) {
            assertEquals(List.of("alpha", "beta"), h.buster.bust("alpha").keys());
            assertEquals(List.of("beta"), h.buster.bust("beta").keys(), "a bust reaches readers, not what is read");
            assertEquals(List.of("alpha"), h.buster.bust("devops").keys());
            assertEquals(List.of("beta"), h.buster.bust("integrations").keys());
            assertEquals(List.of("audit:gamma"), h.buster.bust("audit").keys());
            assertEquals(List.of("alpha", "beta", "audit:gamma"), h.buster.bust("all").keys());
            assertThrows(UnknownCardException.class, () -> h.buster.bust("nope"));
            List<BusEvent> busts = h.events.ofType(EventTypes.CACHE_BUST);
            assertEquals(6, busts.size(), "every kind of bust is published, 'all' included");
            assertEquals("alpha", busts.get(0).data().get("scope").asText());
            assertEquals(List.of("alpha", "beta"), keys(busts.get(0)));
            assertEquals("all", busts.get(5).data().get("scope").asText());
            await(() -> !h.recompute.running());
        }
    }

    @Test
    void aBustFollowsThePeerGraphTransitivelyAndRecomputesPeersFirst() throws Exception {
        gamma.peers = Set.of("beta");
        try (CacheHarness h = harness()) {
            assertEquals(List.of("alpha", "beta", "audit:gamma"), h.buster.bust("alpha").keys());
            await(() -> !h.recompute.running());
            List<String> order = h.events.ofType(EventTypes.CACHE_MISS).stream().map(BusEvent::key).toList();
            assertEquals(List.of("alpha", "beta", "audit:gamma"), order, "each card after the cards it reads");
        }
    }

    @Test
    void theCardsOfOneRefreshShareOneReadingOfTheProject() throws Exception {
        alpha.walk = true;
        gamma.walk = true;
        try (CacheHarness h = harness()) {
            h.cache.shareProjectModel(true); // as the watcher says while its OS watches are complete
            h.buster.bust("all");
            await(() -> !h.recompute.running());
            assertTrue(alpha.model == gamma.model, "one model for the batch");
            assertEquals(1, alpha.model.walksMade(), "the tree was walked once for both cards");
            var first = alpha.model;
            h.buster.bust("all");
            await(() -> !h.recompute.running());
            assertTrue(first != alpha.model, "the next refresh reads the project again");
            h.cache.doubt(List.of("alpha")); // a file event
            h.cache.get("alpha", false);
            h.cache.shareProjectModel(false);
            h.buster.bust("all");
            await(() -> !h.recompute.running());
            assertTrue(alpha.model != gamma.model, "without complete OS watches, no reading is shared");
        }
    }

    @Test
    void aBustInvalidatesAndRecomputesInTheBackgroundWithProgressEvents() throws Exception {
        try (CacheHarness h = harness()) {
            h.cache.get("alpha", false);
            h.cache.get("beta", false);
            h.events.clear();
            h.buster.bust("alpha");
            await(() -> !h.recompute.running());
            List<String> types = h.events.types(null);
            assertEquals(EventTypes.CACHE_BUST, types.get(0));
            assertEquals(EventTypes.SYS_WARMING, types.get(1));
            assertEquals(EventTypes.SYS_WARM, types.get(types.size() - 1));
            BusEvent warming = h.events.ofType(EventTypes.SYS_WARMING).get(0);
            assertEquals(2, warming.data().get("total").asInt());
            BusEvent warm = h.events.ofType(EventTypes.SYS_WARM).get(0);
            assertEquals(2, warm.data().get("keys_computed").asInt());
            assertEquals(2, warm.data().get("total").asInt());
            assertTrue(warm.durationS() != null);
            for (BusEvent miss : h.events.ofType(EventTypes.CACHE_MISS)) {
                assertEquals("forced", miss.data().get("reason").asText());
            }
            assertEquals(2, alpha.computations.get());
            assertEquals(2, beta.computations.get());
        }
    }

    @Test
    void aBustDuringARecomputeQueuesItsKeys() throws Exception {
        try (CacheHarness h = harness()) {
            alpha.block = new CountDownLatch(1);
            h.buster.bust("alpha");
            await(() -> alpha.computations.get() == 1);
            h.buster.bust("audit");
            alpha.block.countDown();
            await(() -> !h.recompute.running());
            assertEquals(1, gamma.computations.get(), "the key busted mid-batch was computed, not dropped");
            List<BusEvent> warm = h.events.ofType(EventTypes.SYS_WARM);
            assertEquals(1, warm.size(), "one batch");
            assertEquals(3, warm.get(0).data().get("total").asInt());
            assertEquals(3, warm.get(0).data().get("keys_computed").asInt());
            List<BusEvent> warming = h.events.ofType(EventTypes.SYS_WARMING);
            assertEquals(3, warming.get(warming.size() - 1).data().get("total").asInt());
        }
    }

    @Test
    void manualAndHiddenCardsKeepTheirResultOnRefreshAllAndRecomputeWhenAsked() throws Exception {
        try (CacheHarness h = harness()) {
            h.buster.bust("all");
            await(() -> !h.recompute.running());
            double betaAt = h.cache.entry("beta").orElseThrow().cachedAt();
            h.preferences.update(new ObjectMapper().readTree("{\"beta\":\"manual\",\"audit:gamma\":\"hidden\"}"));
            CacheBuster.Result all = h.buster.bust("all");
            assertEquals(List.of("alpha"), all.recomputing());
            assertEquals(List.of("beta", "audit:gamma"), all.outdated(), "kept and marked outdated, not dropped");
            await(() -> !h.recompute.running());
            assertEquals(betaAt, h.cache.entry("beta").orElseThrow().cachedAt());
            assertEquals(List.of("alpha"), h.buster.bust("alpha").recomputing(), "a manual reader is kept outdated");
            await(() -> !h.recompute.running());
            assertEquals(List.of("beta"), h.buster.bust("beta").recomputing(), "the card the user named");
            await(() -> !h.recompute.running());
            assertEquals(List.of("audit:gamma"), h.buster.bust("audit").recomputing(),
                    "a tab's refresh recomputes every card in it, whatever its preference");
            await(() -> !h.recompute.running());
        }
    }

    @Test
    void preferencesValidatePersistAndAnnounce() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (CacheHarness h = harness()) {
            assertEquals("auto", h.preferences.toJson().get("alpha").asText());
            JsonNode saved = h.preferences.update(json.readTree("{\"alpha\":\"manual\"}"));
            assertEquals("manual", saved.get("alpha").asText());
            assertEquals("auto", saved.get("beta").asText(), "the full map comes back");
            BusEvent changed = h.events.ofType(EventTypes.PREFS_CHANGED).get(0);
            assertEquals(saved, changed.data());

            var bad = assertThrows(Preferences.InvalidPreferenceException.class,
                    () -> h.preferences.update(json.readTree("{\"beta\":\"sometimes\"}")));
            assertEquals("beta", bad.key());
            assertTrue(bad.getMessage().contains("beta"));
            var unknown = assertThrows(Preferences.InvalidPreferenceException.class,
                    () -> h.preferences.update(json.readTree("{\"alpha\":\"hidden\",\"zeta\":\"auto\"}")));
            assertEquals("zeta", unknown.key());
            assertEquals("manual", h.preferences.of("alpha").id(), "nothing applied from a rejected update");
            assertThrows(Preferences.InvalidPreferenceException.class, () -> h.preferences.update(json.readTree("[]")));
            assertThrows(Preferences.InvalidPreferenceException.class,
                    () -> h.preferences.update(json.readTree("{\"alpha\": 3}")));
        }
        try (CacheHarness h = harness()) {
            assertEquals("manual", h.preferences.of("alpha").id(), "persisted in .state/devops_prefs.json");
        }
    }
}
