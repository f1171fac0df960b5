package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Tab;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** The cache's change rule, single flight, failures, persistence and events, on a real directory. */
class CardCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private CountingCard card;

    @BeforeEach
    void project() {
        TestFiles.write(root.resolve("data/a.txt"), "a");
        TestFiles.write(root.resolve("data/b.txt"), "b");
        card = new CountingCard("counting", Tab.DEVOPS);
    }

    private CacheHarness harness() {
        return new CacheHarness(root, List.of(card));
    }

    private static String reason(BusEvent miss) {
        return miss.data().get("reason").asText();
    }

    @Test
    void missThenHitThenExpiredThenForcedWithTheirEvents() {
        try (CacheHarness h = harness()) {
            ObjectNode first = h.cache.get("counting", false);
            assertEquals(2, first.get("files").asInt());
            assertFalse(first.get("_cache").get("fresh").asBoolean());
            assertEquals(List.of(EventTypes.CACHE_MISS, EventTypes.CACHE_DONE), h.events.types("counting"));
            assertEquals("absent", reason(h.events.ofType(EventTypes.CACHE_MISS).get(0)));
            BusEvent done = h.events.ofType(EventTypes.CACHE_DONE).get(0);
            assertNotNull(done.durationS());
            assertTrue(done.data().get("_cache").get("computed_at").isNumber());
            assertEquals("2 files", done.data().get("summary").get("text").asText());

            h.events.clear();
            ObjectNode second = h.cache.get("counting", false);
            assertTrue(second.get("_cache").get("fresh").asBoolean());
            assertTrue(second.get("_cache").get("age_seconds").isNumber());
            assertEquals(List.of(EventTypes.CACHE_HIT), h.events.types("counting"));
            assertTrue(h.events.all().get(0).data().get("age_seconds").isNumber());
            assertEquals(1, card.computations.get());

            h.events.clear();
            TestFiles.write(root.resolve("data/a.txt"), "a changed");
            assertEquals(2, h.cache.get("counting", false).get("run").asInt());
            assertEquals("expired", reason(h.events.ofType(EventTypes.CACHE_MISS).get(0)));

            h.events.clear();
            h.cache.get("counting", true);
            assertEquals("forced", reason(h.events.ofType(EventTypes.CACHE_MISS).get(0)));
            assertEquals(3, card.computations.get());
        }
    }

    @Test
    void newDeletedAndRenamedFilesAndNewWatchedFilesAllExpire() throws Exception {
        try (CacheHarness h = harness()) {
            h.cache.get("counting", false);
            TestFiles.write(root.resolve("data/c.txt"), "new");
            assertEquals(3, h.cache.get("counting", false).get("files").asInt(), "new file");
            Files.delete(root.resolve("data/c.txt"));
            assertEquals(2, h.cache.get("counting", false).get("files").asInt(), "deletion");
            int before = card.computations.get();
            Files.move(root.resolve("data/b.txt"), root.resolve("data/renamed.txt"));
            h.cache.get("counting", false);
            assertEquals(before + 1, card.computations.get(), "rename (same count, same sizes) still expires");
            TestFiles.write(root.resolve("config.txt"), "x");
            h.cache.get("counting", false);
            assertEquals(before + 2, card.computations.get(), "a watched file that appears");
            TestFiles.write(root.resolve("unwatched.txt"), "x");
            h.cache.get("counting", false);
            assertEquals(before + 2, card.computations.get(), "unwatched files do not matter");
        }
    }

    @Test
    void aSameSizeRewriteWithinTheTimestampTickIsSeen() throws Exception {
        Path file = root.resolve("data/a.txt");
        try (CacheHarness h = harness()) {
            Files.writeString(file, "one");
            FileTime tick = Files.getLastModifiedTime(file);
            h.cache.get("counting", false);
            Files.writeString(file, "two");
            Files.setLastModifiedTime(file, tick); // the filesystem could not tell the two writes apart
            h.cache.get("counting", false);
            assertEquals(2, card.computations.get());
        }
    }

    @Test
    void concurrentRequestsShareOneComputation() throws Exception {
        card.block = new CountDownLatch(1);
        try (CacheHarness h = harness()) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<ObjectNode>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> h.cache.get("counting", false)));
            }
            Thread.sleep(300);
            card.block.countDown();
            for (Future<ObjectNode> result : results) {
                assertEquals(1, result.get().get("run").asInt());
            }
            pool.shutdown();
            assertEquals(1, card.computations.get());
            assertEquals(1, h.events.ofType(EventTypes.CACHE_MISS).size());
            assertEquals(1, h.events.ofType(EventTypes.CACHE_DONE).size());
        }
    }

    @Test
    void aFailureKeepsTheLastGoodEntryAndIsPublished() {
        try (CacheHarness h = harness()) {
            h.cache.get("counting", false);
            card.failWith = "tool exploded";
            TestFiles.write(root.resolve("data/a.txt"), "changed");
            CardFailedException failure = assertThrows(CardFailedException.class, () -> h.cache.get("counting", false));
            assertEquals("counting", failure.key());
            assertEquals("tool exploded", failure.getMessage());
            BusEvent error = h.events.ofType(EventTypes.CACHE_ERROR).get(0);
            assertEquals("tool exploded", error.error());
            assertNotNull(error.durationS());
            assertEquals(0, error.data().size(), "error and duration are top-level, never in data");
            assertEquals(1, h.cache.entry("counting").orElseThrow().data().get("run").asInt(), "last good data kept");
            JsonNode last = h.activity.snapshot().get(h.activity.snapshot().size() - 1);
            assertEquals("error", last.get("status").asText());
            assertEquals("counting", last.get("card").asText());
        }
    }

    @Test
    void aHungComputationTimesOutWithAnError() {
        TestConfig config = new TestConfig(root);
        config.computeTimeout = Duration.ofMillis(300);
        card.block = new CountDownLatch(1);
        try (CacheHarness h = new CacheHarness(root, List.of(card), config)) {
            long started = System.nanoTime();
            CardFailedException failure = assertThrows(CardFailedException.class, () -> h.cache.get("counting", false));
            assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
            assertEquals(1, h.events.ofType(EventTypes.CACHE_ERROR).size());
            assertTrue(h.cache.entry("counting").isEmpty());
        } finally {
            card.block.countDown();
        }
    }

    @Test
    void aDeepAnalysisRunsPastTheStatusCardsLimitAndADeepReaderWaitsForIt() throws Exception {
        TestConfig config = new TestConfig(root);
        config.computeTimeout = Duration.ofMillis(300);
        config.analysisTimeout = Duration.ofMinutes(1);
        card.deepAnalysis = true;
        card.block = new CountDownLatch(1);
        CountingCard reader = new CountingCard("reader", Tab.AUDIT);
        reader.peers = java.util.Set.of("counting");
        reader.reads = "counting";
        reader.deepAnalysis = true; // like audit:scores:enriched, which reads the L2 cards
        try (CacheHarness h = new CacheHarness(root, List.of(card, reader), config)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<ObjectNode> analysis = pool.submit(() -> h.cache.get("counting", false));
            // The reader comes once the analysis runs: it waits for that one instead of starting its own.
            while (card.computations.get() == 0) {
                Thread.sleep(10);
            }
            Future<ObjectNode> read = pool.submit(() -> h.cache.get("reader", false));
            Thread.sleep(1000); // three times the status cards' limit
            card.block.countDown();
            assertEquals(1, analysis.get().get("run").asInt());
            read.get();
            assertTrue(h.events.ofType(EventTypes.CACHE_ERROR).isEmpty(), "neither timed out");
            pool.shutdown();
        }
    }

    @Test
    void aFileEditedDuringTheComputationMakesTheNextRequestRecompute() throws Exception {
        card.block = new CountDownLatch(1);
        try (CacheHarness h = harness()) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<ObjectNode> first = pool.submit(() -> h.cache.get("counting", false));
            Thread.sleep(200);
            TestFiles.write(root.resolve("data/a.txt"), "edited while computing");
            card.block.countDown();
            first.get();
            card.block = null;
            h.cache.get("counting", false);
            assertEquals(2, card.computations.get());
            pool.shutdown();
        }
    }

    @Test
    void entriesSurviveARestartAndAnotherSchemaOrAMaxAgeRecomputes() throws Exception {
        try (CacheHarness h = harness()) {
            h.cache.get("counting", false);
        }
        try (CacheHarness h = harness()) {
            assertTrue(h.cache.get("counting", false).get("_cache").get("fresh").asBoolean(), "hit after restart");
            assertEquals(1, card.computations.get());
        }
        card.schema = 2;
        try (CacheHarness h = harness()) {
            h.cache.get("counting", false);
            assertEquals("absent", reason(h.events.ofType(EventTypes.CACHE_MISS).get(0)));
        }
        card.maxAge = Duration.ZERO;
        try (CacheHarness h = harness()) {
            Thread.sleep(1100);
            h.cache.get("counting", false);
            assertEquals("ttl", reason(h.events.ofType(EventTypes.CACHE_MISS).get(0)));
        }
    }

    @Test
    void theCacheFileIsAlwaysCompleteJsonAndHoldsTheContract() throws Exception {
        CountingCard other = new CountingCard("other", Tab.AUDIT);
        try (CacheHarness h = new CacheHarness(root, List.of(card, other))) {
            h.cache.get("counting", false);
            h.cache.get("other", false);
            Path file = root.resolve(".state/devops_cache.json");
            JsonNode stored = JSON.readTree(file.toFile());
            assertEquals(2, stored.size());
            JsonNode entry = stored.get("counting");
            for (String field : List.of("data", "cached_at", "fingerprint", "elapsed_s")) {
                assertTrue(entry.has(field), field);
            }
            assertFalse(entry.get("data").has("_cache"), "the stored data is the card's own");
            try (var list = Files.list(root.resolve(".state"))) {
                assertTrue(list.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temp files left");
            }
            assertEquals("*", Files.readAllLines(root.resolve(".state/.gitignore")).get(1),
                    ".state/ ignores itself so git never counts it");
        }
    }

    @Test
    void aCorruptCacheFileIsSetAsideAndTheCacheStartsEmpty() throws Exception {
        Files.createDirectories(root.resolve(".state"));
        Files.writeString(root.resolve(".state/devops_cache.json"), "{\"counting\": {\"data\": tru");
        try (CacheHarness h = harness()) {
            assertTrue(h.cache.entries().isEmpty());
            try (var list = Files.list(root.resolve(".state"))) {
                assertTrue(list.anyMatch(p -> p.getFileName().toString().startsWith("devops_cache.json.corrupt-")));
            }
            assertEquals(2, h.cache.get("counting", false).get("files").asInt());
        }
    }

    @Test
    void discoveredWatchPathsAreWatchedToo() {
        card.discover = "extra/";
        TestFiles.write(root.resolve("extra/one.txt"), "1");
        try (CacheHarness h = harness()) {
            h.cache.get("counting", false);
            assertTrue(h.cache.entry("counting").orElseThrow().watch().contains("extra/"));
            h.cache.get("counting", false);
            assertEquals(1, card.computations.get());
            TestFiles.write(root.resolve("extra/two.txt"), "2");
            h.cache.get("counting", false);
            assertEquals(2, card.computations.get());
        }
    }

    @Test
    void aReaderInheritsThePathsItsPeerDiscoveredAndExpiresWithThem() {
        card.discover = "extra/";
        CountingCard reader = new CountingCard("reader", Tab.AUDIT);
        reader.peers = java.util.Set.of("counting");
        reader.reads = "counting";
        TestFiles.write(root.resolve("extra/one.txt"), "1");
        try (CacheHarness h = new CacheHarness(root, List.of(card, reader))) {
            h.cache.get("reader", false);
            assertEquals(1, card.computations.get(), "the peer was computed for its reader");
            assertTrue(h.cache.entry("reader").orElseThrow().watch().contains("extra/"));
            TestFiles.write(root.resolve("extra/two.txt"), "2");
            assertEquals(MissReason.EXPIRED, h.cache.check(reader));
            h.cache.get("reader", false);
            assertEquals(2, reader.computations.get());
        }
    }

    @Test
    void readingAnUndeclaredPeerFailsTheCard() {
        CountingCard reader = new CountingCard("reader", Tab.AUDIT);
        reader.reads = "counting"; // read, never declared
        try (CacheHarness h = new CacheHarness(root, List.of(card, reader))) {
            CardFailedException failure = assertThrows(CardFailedException.class, () -> h.cache.get("reader", false));
            assertTrue(failure.getMessage().contains("not declared"), failure.getMessage());
            assertEquals(0, card.computations.get(), "nothing read behind the graph's back");
        }
    }

    @Test
    void unknownCardsAreRefused() {
        try (CacheHarness h = harness()) {
            assertThrows(UnknownCardException.class, () -> h.cache.get("nope", false));
        }
    }

    @Test
    void aMissingProjectDirectoryIsACardErrorNotACrash() throws Exception {
        Path gone = root.resolve("gone");
        Files.createDirectories(gone);
        try (CacheHarness h = new CacheHarness(gone, List.of(card))) {
            Files.delete(gone);
            CardFailedException failure = assertThrows(CardFailedException.class, () -> h.cache.get("counting", false));
            assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
        }
    }

    @Test
    void theActivityLogKeepsTheLast200Computations() {
        try (CacheHarness h = harness()) {
            for (int i = 0; i < 205; i++) {
                h.cache.get("counting", true);
            }
            assertEquals(ActivityLog.CAPACITY, h.activity.snapshot().size());
            JsonNode last = h.activity.snapshot().get(ActivityLog.CAPACITY - 1);
            for (String field : List.of("ts", "card", "status", "duration_s", "summary")) {
                assertTrue(last.has(field), field);
            }
            assertEquals("ok", last.get("status").asText());
        }
    }
}
