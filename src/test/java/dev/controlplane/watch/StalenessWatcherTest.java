package dev.controlplane.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.ActivityLog;
import dev.controlplane.cache.BackgroundRecompute;
import dev.controlplane.cache.CacheStore;
import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.FingerprintScanner;
import dev.controlplane.cache.MissReason;
import dev.controlplane.cache.Preferences;
import dev.controlplane.cache.StateFiles;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.testing.RecordingEvents;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;
import io.vertx.core.Vertx;

/** The watcher against a real directory: which changes fire, how often, and with what. */
class StalenessWatcherTest {
    @TempDir
    Path root;

    private Vertx vertx;
    private RecordingEvents events;
    private CardCache cache;
    private StalenessWatcher watcher;
    private BackgroundRecompute recompute;
    /** The project model each computation read through, in order. */
    private static final List<ProjectModel> MODELS = new CopyOnWriteArrayList<>();

    /** Watches {@code docs/} and {@code settings.toml}; the same file is watched by two cards. */
    private static Card card(String key) {
        return new Card() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String title() {
                return key;
            }

            @Override
            public String description() {
                return key;
            }

            @Override
            public Tab tab() {
                return Tab.DEVOPS;
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public List<String> watchPaths() {
                return key.equals("docs") ? List.of("docs/", "settings.toml") : List.of("settings.toml", "*.tf");
            }

            @Override
            public String alias() {
                return "/api/x/" + key;
            }

            @Override
            public ObjectNode compute(CardContext context) {
                MODELS.add(context.project());
                return CardJson.summary(CardJson.object(), "ok", Level.OK);
            }
        };
    }

    private boolean autoRefresh;

    private void start(boolean watchService) {
        TestFiles.write(root.resolve("docs/guide.md"), "# Guide");
        TestFiles.write(root.resolve("docs/deep/more.md"), "more");
        TestFiles.write(root.resolve("settings.toml"), "a = 1");
        TestFiles.write(root.resolve("unwatched.txt"), "x");
        TestConfig config = new TestConfig(root) {
            @Override
            public Watch watch() {
                Watch base = super.watch();
                return new Watch() {
                    @Override
                    public Duration interval() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public boolean service() {
                        return watchService;
                    }

                    @Override
                    public int depth() {
                        return 8;
                    }

                    @Override
                    public boolean autoRefresh() {
                        return autoRefresh;
                    }

                    @Override
                    public Duration quietPeriod() {
                        return Duration.ofMillis(500);
                    }

                    @Override
                    public Duration healthyPollInterval() {
                        return Duration.ofMinutes(10);
                    }
                };
            }
        };
        ObjectMapper mapper = new ObjectMapper();
        ProjectDirectory project = new ProjectDirectory(config);
        CardRegistry registry = new CardRegistry(List.of(card("docs"), card("infra")));
        StateFiles files = new StateFiles(project, mapper);
        CacheStore store = new CacheStore(files);
        store.load();
        FingerprintScanner scanner = new FingerprintScanner(project, config);
        events = new RecordingEvents();
        cache = new CardCache(registry, store, scanner, new ActivityLog(files), events, project, config);
        Preferences preferences = new Preferences(registry, files, events);
        preferences.load();
        recompute = new BackgroundRecompute(cache, registry, events);
        vertx = Vertx.vertx();
        watcher = new StalenessWatcher(cache, scanner, events, vertx, new AutoRefresher(config, preferences, recompute, vertx),
                project, config);
        cache.get("docs", false);
        cache.get("infra", false);
        watcher.start(null);
        // The cache:done events reach the watcher through CDI in the app; here by hand.
        events.ofType(EventTypes.CACHE_DONE).forEach(watcher::onCacheChange);
        awaitTrue(() -> watcher.stats().checks() >= 1);
        if (watchService) {
            awaitTrue(() -> watcher.stats().watchedDirectories() >= 3);
        }
        events.clear();
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.stop(null);
            cache.entries(); // keep the reference alive until here
            vertx.close();
        }
    }

    @BeforeEach
    void reset() {
        watcher = null;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private List<BusEvent> stale() {
        return events.ofType(EventTypes.STATE_STALE);
    }

    private BusEvent awaitStale(String key, int count) {
        awaitTrue(() -> stale().stream().filter(e -> e.key().equals(key)).count() >= count);
        return stale().stream().filter(e -> e.key().equals(key)).toList().get(count - 1);
    }

    private static List<String> changed(BusEvent event) {
        return new ObjectMapper().convertValue(event.data().get("changed"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                });
    }

    /** The watcher's first check finds the watches complete: the next refresh shares one model, no poll needed. */
    @Test
    void aRefreshRightAfterStartSharesOneProjectModel() throws Exception {
        start(true);
        MODELS.clear();
        cache.newRefresh();
        cache.refresh("docs", MissReason.FORCED).get(10, TimeUnit.SECONDS);
        cache.refresh("infra", MissReason.FORCED).get(10, TimeUnit.SECONDS);
        assertEquals(2, MODELS.size());
        assertTrue(MODELS.get(0) == MODELS.get(1), "one model for the refresh");
    }

    @Test
    void anEditFiresOnceWithTheChangedPathAndTimes() {
        start(true);
        TestFiles.write(root.resolve("docs/guide.md"), "# Guide, edited");
        BusEvent event = awaitStale("docs", 1);
        assertEquals(List.of("docs/guide.md"), changed(event));
        JsonNode data = event.data();
        assertTrue(data.get("file_mtime").asDouble() >= data.get("cache_mtime").asDouble() - 1);
        assertTrue(data.get("stale_by_s").asDouble() >= 0);
        assertTrue(stale().stream().noneMatch(e -> e.key().equals("infra")), "infra does not watch docs/");
    }

    @Test
    void creationDeletionAndRenameInNestedDirectoriesFire() throws Exception {
        start(true);
        TestFiles.write(root.resolve("docs/deep/new.md"), "new");
        assertEquals(List.of("docs/deep/new.md"), changed(awaitStale("docs", 1)));
        cache.get("docs", false);
        events.ofType(EventTypes.CACHE_DONE).forEach(watcher::onCacheChange);
        awaitTrue(() -> cache.entry("docs").isPresent());
        Thread.sleep(100);

        Files.delete(root.resolve("docs/deep/more.md"));
        BusEvent deletion = awaitStale("docs", 2);
        assertEquals(List.of("docs/deep/more.md"), changed(deletion));
        double detected = System.currentTimeMillis() / 1000.0;
        assertTrue(Math.abs(deletion.data().get("file_mtime").asDouble() - detected) < 5,
                "a deletion's file_mtime is when it was seen");
        cache.get("docs", false);
        events.ofType(EventTypes.CACHE_DONE).forEach(watcher::onCacheChange);
        Thread.sleep(100);

        Files.move(root.resolve("docs/guide.md"), root.resolve("docs/renamed.md"));
        assertEquals(List.of("docs/guide.md", "docs/renamed.md"), changed(awaitStale("docs", 3)));
    }

    @Test
    void aNewSubdirectoryIsWatchedAsItAppears() throws Exception {
        start(true);
        Files.createDirectories(root.resolve("docs/fresh/inner"));
        Thread.sleep(300); // the directory alone is no change of watched files
        TestFiles.write(root.resolve("docs/fresh/inner/page.md"), "page");
        assertEquals(List.of("docs/fresh/inner/page.md"), changed(awaitStale("docs", 1)));
    }

    @Test
    void oneFileWatchedByTwoCardsFiresForEach() {
        start(true);
        TestFiles.write(root.resolve("settings.toml"), "a = 2");
        awaitStale("docs", 1);
        awaitStale("infra", 1);
        assertEquals(1, stale().stream().filter(e -> e.key().equals("docs")).count());
    }

    @Test
    void aFileMatchingARootGlobFires() {
        start(true);
        TestFiles.write(root.resolve("main.tf"), "resource \"x\" \"y\" {}");
        assertEquals(List.of("main.tf"), changed(awaitStale("infra", 1)));
    }

    @Test
    void unwatchedFilesFireNothing() throws Exception {
        start(true);
        TestFiles.write(root.resolve("unwatched.txt"), "changed");
        TestFiles.write(root.resolve("notes/other.md"), "other");
        Thread.sleep(800);
        watcher.poll();
        assertTrue(stale().isEmpty(), stale().toString());
    }

    @Test
    void savesWithinTheWindowCoalesceAndALaterSaveFiresAgainWithItsPaths() throws Exception {
        start(true);
        TestFiles.write(root.resolve("docs/guide.md"), "one");
        awaitStale("docs", 1);
        TestFiles.write(root.resolve("docs/guide.md"), "two");
        Thread.sleep(600);
        assertEquals(1, stale().stream().filter(e -> e.key().equals("docs")).count(), "two saves in a row: one event");
        Thread.sleep(StalenessWatcher.COALESCE_MILLIS);
        TestFiles.write(root.resolve("docs/deep/more.md"), "later change");
        BusEvent again = awaitStale("docs", 2);
        assertEquals(List.of("docs/deep/more.md"), changed(again));
        cache.get("docs", false); // recomputed: fresh again
        events.ofType(EventTypes.CACHE_DONE).forEach(watcher::onCacheChange);
        Thread.sleep(200);
        TestFiles.write(root.resolve("docs/guide.md"), "after recompute");
        awaitStale("docs", 3);
    }

    @Test
    void aVouchedCardIsServedWithoutReadingTheTreeUntilAFileEventDoubtsIt() throws Exception {
        start(true);
        awaitTrue(() -> cache.doubtCount("docs") == 0 && watcher.stats().checks() >= 2);
        ObjectNode hit = cache.get("docs", false);
        assertTrue(hit.get("_cache").get("fresh").asBoolean());
        long doubts = cache.doubtCount("docs");
        TestFiles.write(root.resolve("docs/guide.md"), "# Guide, edited behind the cache's back");
        awaitTrue(() -> cache.doubtCount("docs") > doubts);
        ObjectNode after = cache.get("docs", false);
        assertFalse(after.get("_cache").get("fresh").asBoolean(), "the edit is seen by the very next request");
    }

    @Test
    void autoRefreshRecomputesOnceAfterABurstOfSaves() throws Exception {
        autoRefresh = true;
        start(true);
        for (int i = 0; i < 5; i++) {
            TestFiles.write(root.resolve("docs/guide.md"), "save " + i);
            Thread.sleep(150); // each save within the quiet period of the one before
        }
        awaitTrue(() -> events.ofType(EventTypes.CACHE_DONE).stream().anyMatch(e -> e.key().equals("docs")));
        Thread.sleep(1500);
        List<BusEvent> recomputes = events.ofType(EventTypes.CACHE_MISS).stream().filter(e -> e.key().equals("docs"))
                .toList();
        assertEquals(1, recomputes.size(), "one recompute for the whole burst");
        assertEquals("expired", recomputes.get(0).data().get("reason").asText());
        assertEquals(1, watcher.stats().autoRefreshes());
    }

    @Test
    void withoutAutoRefreshNothingIsRecomputed() throws Exception {
        start(true);
        TestFiles.write(root.resolve("docs/guide.md"), "edited");
        awaitStale("docs", 1);
        Thread.sleep(1500);
        assertTrue(events.ofType(EventTypes.CACHE_MISS).isEmpty(), "the watcher only notifies");
    }

    @Test
    void aProjectReplacedAtTheSamePathIsNoticedByTheNextPoll() throws Exception {
        start(true);
        watcher.poll(); // remembers the root directory
        Path old = root.resolveSibling(root.getFileName() + "-old");
        Files.move(root, old);
        try {
            TestFiles.copyTree(old, root);
            TestFiles.write(root.resolve("docs/guide.md"), "# A different project");
            watcher.poll();
            // Every file of the copy is new to the cache (new times): all are named.
            assertTrue(changed(awaitStale("docs", 1)).contains("docs/guide.md"));
        } finally {
            TestFiles.deleteQuietly(old);
        }
    }

    @Test
    void aRecomputeOfIdenticalFilesStartsAfreshEvenBeforeTheWatcherLooksAgain() throws Exception {
        start(false);
        Path away = root.resolveSibling(root.getFileName() + "-away");
        Files.move(root, away);
        watcher.poll(); // every file is gone: the card is announced stale
        awaitStale("docs", 1);
        Files.move(away, root);
        cache.get("docs", true); // recomputed from the very same files: same digest, new entry
        TestFiles.write(root.resolve("docs/guide.md"), "# Guide, edited right after the recompute");
        watcher.poll();
        assertEquals(List.of("docs/guide.md"), changed(awaitStale("docs", 2)),
                "the new entry's change, not everything that came back since the old one");
    }

    @Test
    void pollOnlyModeStillFires() {
        start(false);
        assertEquals("poll only", watcher.stats().mode());
        assertEquals("disabled by configuration", watcher.stats().watchServiceProblem());
        TestFiles.write(root.resolve("docs/guide.md"), "polled");
        watcher.poll();
        assertEquals(List.of("docs/guide.md"), changed(awaitStale("docs", 1)));
        watcher.poll();
        assertEquals(1, stale().size(), "fire once per change, not on every tick");
    }

    @Test
    void statsDescribeTheWatcher() {
        start(true);
        // The cards' states are evaluated on the checker thread after their cache:done: wait for both.
        awaitTrue(() -> watcher.stats().watchedKeys() == 2);
        WatchStats stats = watcher.stats();
        assertEquals("watch-service + poll", stats.mode());
        assertTrue(stats.watchServiceHealthy());
        assertTrue(stats.watchedDirectories() >= 3, "docs, docs/deep and the root");
        assertEquals(2, stats.watchedKeys());
        assertFalse(stats.autoRefresh());
    }
}
