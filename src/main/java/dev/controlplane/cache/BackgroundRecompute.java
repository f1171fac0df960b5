package dev.controlplane.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.PeerGraph;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;
import io.quarkus.logging.Log;

/**
 * Recomputes cards in the background (after a bust, at start-up): peers before the cards that read them (one
 * level of the peer graph at a time, so a dependent finds its peers fresh instead of computing them inline),
 * and within a level slowest first so the whole batch finishes sooner on the bounded pool. A batch is announced with {@code sys:warming {keys, total}} and closed with
 * {@code sys:warm {keys_computed, total}}. Keys queued while a batch runs join it (announced again with the
 * new total) instead of being dropped.
 */
@ApplicationScoped
public class BackgroundRecompute {
    private final CardCache cache;
    private final PeerGraph graph;
    private final Event<BusEvent> events;
    private final ExecutorService driver = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "card-recompute");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, MissReason> pending = new LinkedHashMap<>();
    private final Set<String> batch = new LinkedHashSet<>();
    private boolean running;
    private int computed;
    private long batchStarted;

    public BackgroundRecompute(CardCache cache, CardRegistry registry, Event<BusEvent> events) {
        this.cache = cache;
        this.graph = registry.graph();
        this.events = events;
    }

    @PreDestroy
    void shutdown() {
        driver.shutdownNow();
    }

    /** Queues keys for recomputation; starts a batch unless one is running. */
    public void enqueue(Map<String, MissReason> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ObjectNode announcement;
        boolean start;
        synchronized (this) {
            keys.forEach(pending::putIfAbsent);
            batch.addAll(keys.keySet());
            start = !running;
            if (start) {
                running = true;
                computed = 0;
                batchStarted = System.nanoTime();
            }
            announcement = JsonNodeFactory.instance.objectNode();
            announcement.set("keys", CardJson.strings(batch));
            announcement.put("total", batch.size());
        }
        events.fire(BusEvent.of(EventTypes.SYS_WARMING, "", announcement));
        if (start) {
            driver.execute(this::drain);
        }
    }

    public synchronized boolean running() {
        return running;
    }

    private void drain() {
        cache.newRefresh(); // one reading of the project for the whole batch
        while (true) {
            List<Map.Entry<String, MissReason>> round;
            synchronized (this) {
                if (pending.isEmpty()) {
                    finish();
                    return;
                }
                round = new ArrayList<>(pending.entrySet());
                pending.clear();
            }
            Map<String, MissReason> reasons = new LinkedHashMap<>();
            round.forEach(item -> reasons.put(item.getKey(), item.getValue()));
            for (List<String> level : graph.levels(reasons.keySet())) {
                int count = computeLevel(level, reasons);
                synchronized (this) {
                    computed += count;
                }
            }
        }
    }

    /** Computes one level of the peer graph in parallel, slowest first, and waits for all of it. */
    private int computeLevel(List<String> level, Map<String, MissReason> reasons) {
        List<String> keys = new ArrayList<>(level);
        keys.sort(Comparator.comparingDouble(cache::lastElapsed).reversed());
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (String key : keys) {
            try {
                futures.add(cache.refresh(key, reasons.get(key)).handle((payload, failure) -> null));
            } catch (RuntimeException e) {
                Log.warnf("Cannot recompute '%s': %s", key, e.getMessage());
            }
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            Log.debugf("Recompute round ended with %s", e.toString());
        }
        return futures.size();
    }

    private void finish() {
        ObjectNode done = JsonNodeFactory.instance.objectNode();
        done.put("keys_computed", computed);
        done.put("total", batch.size());
        double duration = Clock.seconds(System.nanoTime() - batchStarted);
        batch.clear();
        running = false;
        events.fire(BusEvent.of(EventTypes.SYS_WARM, "", done).withDuration(duration));
    }
}
