package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.testing.TestFiles;

/**
 * A nested scope ({@code audit:l2}) is on demand: busting it recomputes all its cards whatever their preference,
 * one after another in order; busting its parent or {@code all} keeps their results, marked outdated.
 */
class OnDemandScopeTest {
    @TempDir
    Path root;

    private final CountingCard alpha = new CountingCard("alpha", Tab.DEVOPS);
    private final CountingCard gamma = new CountingCard("audit:gamma", Tab.AUDIT);
    private final CountingCard first = new OnDemand("audit:l2:first", 60);
    private final CountingCard second = new OnDemand("audit:l2:second", 61);

    /** An L2-like card: manual, in the nested scope only. */
    private static final class OnDemand extends CountingCard {
        private final int order;

        OnDemand(String key, int order) {
            super(key, Tab.AUDIT);
            this.order = order;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public Set<String> scopes() {
            return Set.of("audit:l2");
        }

        @Override
        public Pref defaultPref() {
            return Pref.MANUAL;
        }
    }

    private CacheHarness harness() {
        TestFiles.write(root.resolve("data/x.txt"), "x");
        // Listed out of order: the bust follows the registry's order, not this list's.
        return new CacheHarness(root, List.<Card> of(second, alpha, first, gamma));
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

    private static List<String> strings(BusEvent event, String field) {
        List<String> values = new ArrayList<>();
        event.data().path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void analyzeRecomputesEveryCardOfTheScopeInOrderWithProgress() throws Exception {
        try (CacheHarness h = harness()) {
            CacheBuster.Result result = h.buster.bust("audit:l2");
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), result.keys());
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), result.recomputing(), "manual cards included");
            await(() -> !h.recompute.running());
            assertEquals(1, first.computations.get());
            assertEquals(1, second.computations.get());
            assertEquals(0, alpha.computations.get(), "nothing outside the scope");
            List<String> done = new ArrayList<>();
            h.events.ofType(EventTypes.CACHE_DONE).forEach(e -> done.add(e.key()));
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), done, "one after another, in order");
            BusEvent warming = h.events.ofType(EventTypes.SYS_WARMING).get(0);
            assertEquals(2, warming.data().get("total").asInt());
            BusEvent warm = h.events.ofType(EventTypes.SYS_WARM).get(0);
            assertEquals(2, warm.data().get("keys_computed").asInt());
            BusEvent bust = h.events.ofType(EventTypes.CACHE_BUST).get(0);
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), strings(bust, "recomputing"));
        }
    }

    @Test
    void bustingAuditOrAllKeepsTheAnalysisMarkedOutdated() throws Exception {
        try (CacheHarness h = harness()) {
            h.buster.bust("audit:l2");
            await(() -> !h.recompute.running());
            double computedAt = h.cache.entry("audit:l2:first").orElseThrow().cachedAt();
            h.events.clear();

            CacheBuster.Result audit = h.buster.bust("audit");
            assertEquals(List.of("audit:gamma"), audit.keys(), "the audit scope is the audit cards, L2 left out");
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), audit.outdated());
            await(() -> !h.recompute.running());
            assertEquals(computedAt, h.cache.entry("audit:l2:first").orElseThrow().cachedAt(), "kept, not dropped");
            assertTrue(h.cache.entry("audit:l2:second").isPresent());
            List<String> stale = new ArrayList<>();
            h.events.ofType(EventTypes.STATE_STALE).forEach(e -> stale.add(e.key()));
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), stale, "announced as outdated");
            BusEvent bust = h.events.ofType(EventTypes.CACHE_BUST).get(0);
            assertEquals(List.of("audit:gamma"), strings(bust, "keys"));
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), strings(bust, "outdated"));

            CacheBuster.Result all = h.buster.bust("all");
            assertEquals(List.of("alpha", "audit:gamma"), all.keys());
            assertEquals(List.of("audit:l2:first", "audit:l2:second"), all.outdated());
            await(() -> !h.recompute.running());
            assertEquals(1, first.computations.get(), "never recomputed by a parent bust");
            assertEquals(computedAt, h.cache.entry("audit:l2:first").orElseThrow().cachedAt());
        }
    }

    @Test
    void aParentBustBeforeAnyAnalysisHasNothingToMark() throws Exception {
        try (CacheHarness h = harness()) {
            CacheBuster.Result all = h.buster.bust("all");
            assertEquals(List.of(), all.outdated());
            assertEquals(List.of("alpha", "audit:gamma"), all.recomputing());
            await(() -> !h.recompute.running());
            assertEquals(0, first.computations.get());
        }
    }

    @Test
    void oneL2CardCanStillBeRefreshedAlone() throws Exception {
        try (CacheHarness h = harness()) {
            h.preferences.update(new ObjectMapper().readTree("{\"audit:l2:second\":\"manual\"}"));
            assertEquals(List.of("audit:l2:second"), h.buster.bust("audit:l2:second").recomputing());
            await(() -> !h.recompute.running());
            assertEquals(0, first.computations.get());
            assertEquals(1, second.computations.get());
        }
    }
}
