package dev.controlplane.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

/**
 * The card cache in memory, mirrored to {@code .state/devops_cache.json} after every change. Every write is
 * the whole map, atomically (see {@link StateFiles}), so a crash never loses an entry written before.
 */
@ApplicationScoped
public class CacheStore {
    public static final String FILE = "devops_cache.json";

    private final StateFiles files;
    private final Map<String, CacheEntry> entries = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    public CacheStore(StateFiles files) {
        this.files = files;
    }

    /** Loads the file; entries that are not usable are skipped (and so recomputed). */
    public Map<String, CacheEntry> load() {
        files.cleanTemporaries();
        entries.clear();
        Optional<JsonNode> content = files.read(FILE);
        content.ifPresent(node -> node.fields().forEachRemaining(field -> {
            CacheEntry entry = CacheEntry.fromJson(field.getKey(), field.getValue());
            if (entry == null) {
                Log.warnf("Ignoring the unusable cache entry '%s' in %s", field.getKey(), FILE);
            } else {
                entries.put(field.getKey(), entry);
            }
        }));
        return Map.copyOf(entries);
    }

    public Optional<CacheEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Map<String, CacheEntry> all() {
        return Map.copyOf(entries);
    }

    public void put(CacheEntry entry) {
        synchronized (writeLock) {
            entries.put(entry.key(), entry);
            persist();
        }
    }

    public void remove(Iterable<String> keys) {
        synchronized (writeLock) {
            boolean changed = false;
            for (String key : keys) {
                changed |= entries.remove(key) != null;
            }
            if (changed) {
                persist();
            }
        }
    }

    /** Keeps only the given keys (drops entries of cards that no longer exist or changed schema). */
    public void retain(java.util.Set<String> keys) {
        synchronized (writeLock) {
            if (entries.keySet().retainAll(keys)) {
                persist();
            }
        }
    }

    private void persist() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Map<String, CacheEntry> sorted = new LinkedHashMap<>();
        entries.keySet().stream().sorted().forEach(k -> sorted.put(k, entries.get(k)));
        sorted.forEach((key, entry) -> root.set(key, entry.toJson()));
        files.write(FILE, root);
    }
}
