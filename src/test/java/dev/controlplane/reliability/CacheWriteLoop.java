package dev.controlplane.reliability;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.CacheStore;
import dev.controlplane.cache.StateFiles;
import dev.controlplane.cache.StoredFingerprint;
import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.testing.TestConfig;

/**
 * The app's own cache write path — {@link CacheStore} (whole map per change) → {@link StateFiles} →
 * {@code AtomicFiles} (temp file, then rename) — in a small JVM that does nothing but write, so that
 * {@link CrashSafetyIT} can kill it hundreds of times in the middle of a write without a Quarkus start per kill.
 *
 * <p>Starts like the app (load: clean temporaries, set aside a corrupt file, keep usable entries), prints
 * {@code loaded <n>}, then puts entries in a loop over 20 keys, printing {@code w <key>} before each put and
 * {@code ok <key> <cached_at>} after it returned (the entry is then on disk). Payloads of a few KB make the file ~100 KB, like a real cache.
 */
public final class CacheWriteLoop {
    static final List<String> KEYS = List.of("security", "testing", "quality", "packages", "env", "docs", "k8s",
            "terraform", "dns", "git", "github", "ci", "docker", "pages", "project-status", "audit:system",
            "audit:deps", "audit:structure", "audit:clients", "audit:scores");

    private CacheWriteLoop() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        PrintStream out = System.out;
        StateFiles files = new StateFiles(new ProjectDirectory(new TestConfig(project)), new ObjectMapper());
        CacheStore store = new CacheStore(files);
        Map<String, CacheEntry> loaded = store.load();
        out.println("loaded " + loaded.size());
        out.flush();
        String padding = "p".repeat(4096);
        for (long i = 0;; i++) {
            String key = KEYS.get((int) (i % KEYS.size()));
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.putObject("summary").put("text", "write " + i).put("level", "ok");
            data.put("iteration", i);
            data.put("padding", padding);
            double cachedAt = System.currentTimeMillis() / 1000.0 + i * 1e-6;
            StoredFingerprint fingerprint = new StoredFingerprint("digest-" + i, Map.of(key, "part-" + i), Map.of());
            out.println("w " + key); // a kill after this line and before "ok" landed inside the write
            out.flush();
            store.put(new CacheEntry(key, data, cachedAt, 0.001, 1, List.of(key + "/"), fingerprint, null));
            out.println("ok " + key + " " + cachedAt);
            out.flush();
        }
    }
}
