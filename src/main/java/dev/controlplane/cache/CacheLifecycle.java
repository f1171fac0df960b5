package dev.controlplane.cache;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.EventBus;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Start-up of the cache: loads {@code .state/}, seeds the event bus with every usable entry (so the first
 * page and the first snapshot already show the cards computed before the restart), then, unless disabled,
 * recomputes in the background the {@code auto} cards that are missing or out of date.
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
        store.retain(usable);
        activity.load();
        preferences.load();
        Log.infof("Loaded %d cached card(s) of %d", usable.size(), registry.keys().size());
        if (warmOnStart) {
            // Checking fingerprints reads the tree: do it off the start-up path.
            Thread warm = new Thread(this::warm, "card-warm-check");
            warm.setDaemon(true);
            warm.start();
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
