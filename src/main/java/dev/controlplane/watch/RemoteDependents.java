package dev.controlplane.watch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cache.CardCache;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.RemoteCard;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.cache.MissReason;
import io.quarkus.logging.Log;

/**
 * When a remote key's data changes (its {@code cache:done}: the cache publishes one only on a change), the
 * local cards that show it are recomputed at once, whatever auto-refresh says — they read the remote key from
 * the cache, so this is cheap. Level by level along the cascades (ci, github, then project-status), each level
 * after the one it reads.
 */
@ApplicationScoped
public class RemoteDependents {
    private final CardRegistry registry;
    private final CardCache cache;
    private final long waitMillis;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "remote-dependents");
        thread.setDaemon(true);
        return thread;
    });

    public RemoteDependents(CardRegistry registry, CardCache cache, ControlPlaneConfig config) {
        this.registry = registry;
        this.cache = cache;
        this.waitMillis = config.cache().computeTimeout().toMillis() + 5000;
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }

    /** Synchronous observer on the publishing thread: only queues work. */
    void onRemoteChange(@Observes BusEvent event) {
        if (!EventTypes.CACHE_DONE.equals(event.type())
                || !(registry.find(event.key()).orElse(null) instanceof RemoteCard)) {
            return;
        }
        try {
            worker.execute(() -> recompute(event.key()));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void recompute(String remoteKey) {
        Set<String> done = new LinkedHashSet<>();
        done.add(remoteKey);
        List<String> level = local(new LinkedHashSet<>(registry.graph().dependents(remoteKey)), done);
        while (!level.isEmpty()) {
            List<CompletableFuture<?>> futures = new ArrayList<>();
            for (String key : level) {
                futures.add(cache.refresh(key, MissReason.REMOTE).handle((payload, failure) -> null));
            }
            try {
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.debugf("Recomputing the readers of '%s' ended with %s", remoteKey, e.toString());
            }
            done.addAll(level);
            Set<String> next = new LinkedHashSet<>();
            level.forEach(key -> next.addAll(registry.graph().dependents(key)));
            level = local(next, done);
        }
    }

    /** Local cards of {@code keys} not yet recomputed (remote ones keep their own schedule). */
    private List<String> local(Set<String> keys, Set<String> done) {
        List<String> result = new ArrayList<>();
        for (String key : keys) {
            Card card = registry.find(key).orElse(null);
            if (card != null && !(card instanceof RemoteCard) && !done.contains(key)) {
                result.add(key);
            }
        }
        return result;
    }
}
