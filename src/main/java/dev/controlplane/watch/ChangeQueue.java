package dev.controlplane.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Vertx;

/**
 * What the OS and the cache reported since the last check, gathered for a short debounce
 * ({@value #DEBOUNCE_MILLIS} ms, enough for an editor's save sequence) before one check runs: changed paths,
 * freshly computed keys, or "anything may have changed" (an overflow). Filled from any thread; drained by the
 * watcher's checking thread.
 */
final class ChangeQueue {
    static final long DEBOUNCE_MILLIS = 50;

    private final Vertx vertx;
    private final Runnable check;
    private final Set<Path> paths = ConcurrentHashMap.newKeySet();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean all = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param check submits the check of what is queued (run once per debounce window) */
    ChangeQueue(Vertx vertx, Runnable check) {
        this.vertx = vertx;
        this.check = check;
    }

    void path(Path path) {
        paths.add(path);
        schedule();
    }

    void everything() {
        all.set(true);
        schedule();
    }

    void keys(Collection<String> recomputed) {
        keys.addAll(recomputed);
        schedule();
    }

    /** True once after {@link #everything()}: the pending check must look at every card. */
    boolean takeAll() {
        return all.getAndSet(false);
    }

    List<Path> takePaths() {
        return drain(paths);
    }

    List<String> takeKeys() {
        return drain(keys);
    }

    /** A full check covers whatever was queued before it. */
    void clear() {
        all.set(false);
        paths.clear();
        keys.clear();
    }

    private void schedule() {
        // @Scheduled cannot go below a second: the debounce is a Vert.x timer.
        if (scheduled.compareAndSet(false, true)) {
            vertx.setTimer(DEBOUNCE_MILLIS, id -> {
                scheduled.set(false);
                check.run();
            });
        }
    }

    private static <T> List<T> drain(Set<T> pending) {
        List<T> items = new ArrayList<>(pending);
        pending.removeAll(items);
        return items;
    }
}
