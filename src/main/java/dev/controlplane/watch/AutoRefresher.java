package dev.controlplane.watch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.controlplane.cache.BackgroundRecompute;
import dev.controlplane.cache.MissReason;
import dev.controlplane.cache.Preferences;
import dev.controlplane.cards.Pref;
import dev.controlplane.config.ControlPlaneConfig;
import io.vertx.core.Vertx;

/**
 * Opt-in ({@code controlplane.watch.auto-refresh}): recomputes a stale {@code auto} card once its files have
 * been quiet for the quiet period, so a burst of saves yields one recompute.
 */
@ApplicationScoped
public class AutoRefresher {
    private final boolean enabled;
    private final long quietMillis;
    private final Preferences preferences;
    private final BackgroundRecompute recompute;
    private final Vertx vertx;
    private final Map<String, Long> timers = new ConcurrentHashMap<>();
    private final AtomicLong refreshes = new AtomicLong();

    public AutoRefresher(ControlPlaneConfig config, Preferences preferences, BackgroundRecompute recompute,
            Vertx vertx) {
        this.enabled = config.watch().autoRefresh();
        this.quietMillis = Math.max(1, config.watch().quietPeriod().toMillis());
        this.preferences = preferences;
        this.recompute = recompute;
        this.vertx = vertx;
    }

    /** A watched file of {@code key} changed: (re)start its quiet period. */
    void changed(String key) {
        if (!enabled || preferences.of(key) != Pref.AUTO) {
            return;
        }
        timers.compute(key, (k, previous) -> {
            if (previous != null) {
                vertx.cancelTimer(previous);
            }
            return vertx.setTimer(quietMillis, id -> {
                if (timers.remove(k, id)) {
                    refreshes.incrementAndGet();
                    recompute.enqueue(Map.of(k, MissReason.EXPIRED));
                }
            });
        });
    }

    boolean enabled() {
        return enabled;
    }

    long refreshes() {
        return refreshes.get();
    }
}
