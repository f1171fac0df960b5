package dev.controlplane.cache;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.EventBus;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Start-up of the cache: loads {@code .state/}, seeds the event bus with every usable entry (so the first
 * page and the first snapshot already show the cards computed before the restart), then, once the server
 * listens, drops unusable entries and, unless disabled, recomputes in the background the {@code auto} cards
 * that are missing or out of date. Nothing is written to the project before the server listens: a server that
 * cannot bind its port leaves the project as it found it.
 * <p>
 * The warm-up waits for the first page to be served (or {@value #WARM_GRACE_MILLIS} ms without one): on a fresh
 * project it computes every card on every core, and started with the server it made the first {@code /} wait
 * for it and answer with the warm-up's memory already taken (issue #10: RSS at first 200 ~101 MiB with it,
 * ~90 MiB without; start → first 200 shared two cores with it).
 */
@ApplicationScoped
public class CacheLifecycle {
    private final CardRegistry registry;
    private final CacheStore store;
    private final ActivityLog activity;
    private final Preferences preferences;
    private final CardCache cache;
    private final BackgroundRecompute recompute;
    private final EventBus bus;
    private final boolean warmOnStart;
    /** How long the warm-up waits for a first page before it starts anyway (nobody opened the dashboard yet). */
    static final long WARM_GRACE_MILLIS = 2000;
    private volatile Set<String> usable = Set.of();
    private final CountDownLatch firstPage = new CountDownLatch(1);
    /** {@link #WARM_GRACE_MILLIS}; a test sets it so long that only the first page can start the warm-up. */
    volatile long warmGraceMillis = WARM_GRACE_MILLIS;

    public CacheLifecycle(CardRegistry registry, CacheStore store, ActivityLog activity, Preferences preferences,
            CardCache cache, BackgroundRecompute recompute, EventBus bus, ControlPlaneConfig config) {
        this.registry = registry;
        this.store = store;
        this.activity = activity;
        this.preferences = preferences;
        this.cache = cache;
        this.recompute = recompute;
        this.bus = bus;
        this.warmOnStart = config.cache().warmOnStart();
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        Map<String, CacheEntry> loaded = store.load();
        Set<String> usable = new HashSet<>();
        for (CacheEntry entry : loaded.values()) {
            registry.find(entry.key()).filter(card -> card.schema() == entry.schema()).ifPresent(card -> {
                usable.add(card.key());
                bus.seed(card.key(), entry.payload(true), entry.cachedAt(), false);
            });
        }
        this.usable = usable;
        activity.load();
        preferences.load();
        Log.infof("Loaded %d cached card(s) of %d", usable.size(), registry.keys().size());
    }

    void onListening(@ObservesAsync HttpServerStart event) {
        store.retain(usable);
        if (warmOnStart) {
            // Checking fingerprints reads the tree: do it off the start-up path, after the first page.
            Thread warm = new Thread(this::warmAfterFirstPage, "card-warm-check");
            warm.setDaemon(true);
            warm.start();
        }
    }

    /** The first page has been sent: the warm-up may take the cores now. Idempotent, cheap, any thread. */
    public void firstPageServed() {
        firstPage.countDown();
    }

    private void warmAfterFirstPage() {
        try {
            firstPage.await(warmGraceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        warmUnlessStopped();
    }

    /** A stop during the check (Ctrl+C right after start) ends it quietly: there is nothing left to warm for. */
    private void warmUnlessStopped() {
        try {
            warm();
        } catch (IllegalStateException e) {
            Log.debugf("Warm-up check ended by shutdown: %s", e.getMessage());
        }
    }

    private void warm() {
        Map<String, MissReason> outdated = new LinkedHashMap<>();
        for (Card card : registry.all()) {
            // Remote keys are the remote refresher's, and only while a tab is connected.
            if (preferences.of(card.key()) != Pref.AUTO || card instanceof RemoteCard) {
                continue;
            }
            try {
                MissReason reason = cache.check(card);
                if (reason != null) {
                    outdated.put(card.key(), reason);
                }
            } catch (RuntimeException e) {
                outdated.put(card.key(), MissReason.ABSENT);
            }
        }
        recompute.enqueue(outdated);
    }
}
