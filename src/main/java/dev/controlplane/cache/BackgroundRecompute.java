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
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;
import io.quarkus.logging.Log;

/**
 * Recomputes cards in the background (after a bust, at start-up), slowest first so the whole batch finishes
 * sooner on the bounded pool. A batch is announced with {@code sys:warming {keys, total}} and closed with
 * {@code sys:warm {keys_computed, total}}. Keys queued while a batch runs join it (announced again with the
 * new total) instead of being dropped. Keys queued "in order" are computed one after another, after the
 * others have started.
 */
@ApplicationScoped
public class BackgroundRecompute {
    private final CardCache cache;
    private final Event<BusEvent> events;
    private final ExecutorService driver = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "card-recompute");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, MissReason> pending = new LinkedHashMap<>();
    /** Keys to compute one after another, in this order (a scope whose cards read each other). */
    private final List<String> sequence = new ArrayList<>();
    private final Set<String> batch = new LinkedHashSet<>();
    private boolean running;
    private int computed;
    private long batchStarted;

    public BackgroundRecompute(CardCache cache, Event<BusEvent> events) {
        this.cache = cache;
        this.events = events;
    }

    @PreDestroy
    void shutdown() {
        driver.shutdownNow();
    }

    /** Queues keys for recomputation; starts a batch unless one is running. */
    public void enqueue(Map<String, MissReason> keys) {
        enqueue(keys, false);
    }

    /**
     * Queues keys to be recomputed one after another in the given order, each published as it is done: for
     * cards that read each other, so a card never computes a peer that is merely queued (a second computation).
     */
    public void enqueueInOrder(Map<String, MissReason> keys) {
        enqueue(keys, true);
    }

    private void enqueue(Map<String, MissReason> keys, boolean ordered) {
        if (keys.isEmpty()) {
            return;
        }
        ObjectNode announcement;
        boolean start;
        synchronized (this) {
            keys.forEach(pending::putIfAbsent);
            if (ordered) {
                keys.keySet().stream().filter(key -> !sequence.contains(key)).forEach(sequence::add);
            }
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
        while (true) {
            List<Map.Entry<String, MissReason>> round;
            List<Map.Entry<String, MissReason>> inOrder = new ArrayList<>();
            synchronized (this) {
                if (pending.isEmpty()) {
                    finish();
                    return;
                }
                round = new ArrayList<>(pending.entrySet());
                for (String key : sequence) {
                    MissReason reason = pending.get(key);
                    if (reason != null) {
                        inOrder.add(Map.entry(key, reason));
                    }
                }
                round.removeIf(e -> sequence.contains(e.getKey()));
                sequence.clear();
                pending.clear();
            }
            round.sort(Comparator.comparingDouble((Map.Entry<String, MissReason> e) -> cache.lastElapsed(e.getKey()))
                    .reversed());
            List<CompletableFuture<?>> futures = new ArrayList<>();
            for (Map.Entry<String, MissReason> item : round) {
                try {
                    futures.add(cache.refresh(item.getKey(), item.getValue())
                            .handle((payload, failure) -> null));
                } catch (RuntimeException e) {
                    Log.warnf("Cannot recompute '%s': %s", item.getKey(), e.getMessage());
                }
            }
            for (Map.Entry<String, MissReason> item : inOrder) {
                try {
                    CompletableFuture<?> future = cache.refresh(item.getKey(), item.getValue())
                            .handle((payload, failure) -> null);
                    futures.add(future);
                    future.join();
                } catch (RuntimeException e) {
                    Log.warnf("Cannot recompute '%s': %s", item.getKey(), e.getMessage());
                }
            }
            try {
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            } catch (RuntimeException e) {
                Log.debugf("Recompute round ended with %s", e.toString());
            }
            synchronized (this) {
                computed += futures.size();
            }
        }
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
