package dev.controlplane.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.quarkus.logging.Log;

/**
 * The OS file-watch fast path: directories are registered with a {@link WatchService} (not recursive, so
 * every directory is registered on its own, and new ones as they appear), and every event is handed on as
 * the path it concerns. An overflow hands on {@code null}: "anything may have changed". When the OS refuses a
 * registration (inotify limit, unsupported filesystem) this says so once and reports itself unhealthy: the
 * scheduled poll then carries the load alone.
 */
final class DirectoryWatcher implements AutoCloseable {
    private final Path root;
    private final Consumer<Path> onChange;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private volatile WatchService service;
    private volatile boolean healthy;
    /** Every wanted directory (or, for one that does not exist yet, its nearest existing ancestor) is watched. */
    private volatile boolean covered;
    private volatile String problem;
    private Thread thread;

    DirectoryWatcher(Path root, Consumer<Path> onChange) {
        this.root = root;
        this.onChange = onChange;
    }

    /** Starts the service; false (logged) when the platform offers none. */
    boolean start() {
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            fail("the file watch service is not available (" + e.getMessage() + ")");
            return false;
        }
        healthy = true;
        thread = new Thread(this::loop, "staleness-watch");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /**
     * Makes the registered set equal {@code wanted} (existing directories inside the project): registers new
     * ones, cancels those no longer wanted.
     */
    /** @return true when directories were added (their contents may have changed before they were watched) */
    boolean sync(Collection<Path> wanted) {
        WatchService ws = service;
        if (ws == null) {
            return false;
        }
        boolean added = false;
        Set<Path> target = new HashSet<>();
        boolean complete = true;
        for (Path dir : wanted) {
            Path existing = nearestExisting(dir);
            if (existing != null) {
                target.add(existing);
            } else {
                complete = false; // not even the project root exists: nothing would report its return
            }
        }
        keys.entrySet().removeIf(entry -> {
            if (!target.contains(entry.getKey()) || !entry.getValue().isValid()) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
        for (Path dir : target) {
            if (keys.containsKey(dir)) {
                continue;
            }
            try {
                keys.put(dir, dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
                added = true;
            } catch (ClosedWatchServiceException e) {
                return added;
            } catch (IOException | RuntimeException e) {
                if (Files.isDirectory(dir)) {
                    fail("cannot watch " + dir + " (" + e.getMessage() + "); polling instead");
                    return added;
                }
                complete = false; // vanished between the check and the registration
            }
        }
        covered = complete;
        return added;
    }

    /** A directory that does not exist yet is seen appearing from its nearest existing ancestor. */
    private Path nearestExisting(Path dir) {
        Path current = dir.normalize();
        while (current != null && current.startsWith(root)) {
            if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return current;
            }
            current = current.getParent();
        }
        return null;
    }

    private void loop() {
        WatchService ws = service;
        while (ws != null) {
            WatchKey key;
            try {
                key = ws.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                events.incrementAndGet();
                try {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        onChange.accept(null);
                    } else {
                        onChange.accept(dir.resolve((Path) event.context()));
                    }
                } catch (RuntimeException e) {
                    Log.warnf("Staleness nudge failed: %s", e.toString());
                }
            }
            if (!key.reset()) {
                keys.remove(dir, key);
                covered = false; // until the next sync watches what replaced it
                onChange.accept(dir); // the directory itself went away
            }
        }
    }

    private void fail(String message) {
        if (problem == null) {
            Log.warnf("Staleness watcher: %s", message);
        }
        problem = message;
        healthy = false;
    }

    /** The OS reports every change to the watched files: the watch service works and covers everything. */
    boolean healthy() {
        return healthy && covered && service != null;
    }

    String problem() {
        return problem;
    }

    int watchedDirectories() {
        return keys.size();
    }

    long events() {
        return events.get();
    }

    @Override
    public void close() {
        WatchService ws = service;
        service = null;
        healthy = false;
        keys.values().forEach(WatchKey::cancel);
        keys.clear();
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                Log.debugf("Closing the watch service: %s", e.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
