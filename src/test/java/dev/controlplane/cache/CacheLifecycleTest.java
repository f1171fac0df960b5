package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.Tab;
import dev.controlplane.events.EnvelopeWriter;
import dev.controlplane.events.EventBus;
import dev.controlplane.events.EventTypes;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** Start-up of the cache: the background warm-up waits for the first page, and the first page releases it. */
class CacheLifecycleTest {
    @TempDir
    Path root;

    private final CountingCard alpha = new CountingCard("alpha", Tab.DEVOPS);
    private final CountingCard beta = new CountingCard("beta", Tab.DEVOPS);

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static TestConfig warming(Path root) {
        return new TestConfig(root) {
            @Override
            public Cache cache() {
                Cache base = super.cache();
                return new Cache() {
                    @Override
                    public Duration computeTimeout() {
                        return base.computeTimeout();
                    }

                    @Override
                    public Duration analysisTimeout() {
                        return base.analysisTimeout();
                    }

                    @Override
                    public boolean warmOnStart() {
                        return true;
                    }

                    @Override
                    public int workers() {
                        return base.workers();
                    }
                };
            }
        };
    }

    @Test
    void theWarmUpStartsWhenTheFirstPageHasBeenServed() throws Exception {
        TestFiles.write(root.resolve("data/x.txt"), "x");
        TestConfig config = warming(root);
        try (CacheHarness h = new CacheHarness(root, List.<Card> of(alpha, beta), config)) {
            EventBus bus = new EventBus(new EnvelopeWriter(new ObjectMapper()), null, config);
            CacheLifecycle lifecycle = new CacheLifecycle(h.registry, h.store, h.activity, h.preferences, h.cache,
                    h.recompute, bus, config);
            lifecycle.warmGraceMillis = TimeUnit.HOURS.toMillis(1); // only the page can start it in this test
            lifecycle.onStart(null);
            lifecycle.onListening(null);
            assertEquals(0, alpha.computations.get() + beta.computations.get(), "nothing computed before the page");

            lifecycle.firstPageServed();
            lifecycle.firstPageServed(); // any later page changes nothing

            await(() -> !h.events.ofType(EventTypes.SYS_WARMING).isEmpty());
            assertEquals(2, h.events.ofType(EventTypes.SYS_WARMING).get(0).data().get("total").asInt());
            await(() -> h.cache.entry("alpha").isPresent() && h.cache.entry("beta").isPresent());
            assertEquals(1, alpha.computations.get());
        }
    }
}
