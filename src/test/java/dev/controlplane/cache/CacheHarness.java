package dev.controlplane.cache;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.testing.RecordingEvents;
import dev.controlplane.testing.TestConfig;

/** The cache beans wired by hand around a project directory, with recorded events instead of the bus. */
final class CacheHarness implements AutoCloseable {
    final Path root;
    final TestConfig config;
    final RecordingEvents events = new RecordingEvents();
    final CardRegistry registry;
    final StateFiles files;
    final CacheStore store;
    final FingerprintScanner scanner;
    final ActivityLog activity;
    final CardCache cache;
    final Preferences preferences;
    final BackgroundRecompute recompute;
    final CacheBuster buster;

    CacheHarness(Path root, List<Card> cards) {
        this(root, cards, new TestConfig(root));
    }

    CacheHarness(Path root, List<Card> cards, TestConfig config) {
        this.root = root;
        this.config = config;
        ObjectMapper mapper = new ObjectMapper();
        ProjectDirectory project = new ProjectDirectory(config);
        registry = new CardRegistry(cards);
        files = new StateFiles(project, mapper);
        store = new CacheStore(files);
        store.load();
        scanner = new FingerprintScanner(project, config);
        activity = new ActivityLog(files);
        cache = new CardCache(registry, store, scanner, activity, events, project, config);
        preferences = new Preferences(registry, files, events);
        preferences.load();
        recompute = new BackgroundRecompute(cache, registry, events);
        buster = new CacheBuster(registry, cache, preferences, recompute, events);
    }

    @Override
    public void close() {
        cache.shutdown();
        recompute.shutdown();
    }
}
