package dev.controlplane.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One pass over a project's source files for both Audit L2 code cards: every file is parsed once, its facts
 * folded into the structure aggregates (statistics, module counts, the import graph) and the health ones (scores,
 * hotspots, naming), and then dropped. Memory is bounded by what the cards show, not by the number of files:
 * the worst {@code keep} files and hotspots, counts, and per file only what the import graph needs until every
 * package is known (its imports).
 *
 * <p>At most {@code maxFiles} files (the first in path order) are analysed; the result says how many there were
 * ({@link Result#filesTotal()}), so a card can show a clear partial state instead of running out of memory.
 *
 * <p>The last result is kept, keyed by the files' paths, sizes and modification times and the build manifests':
 * "Analyze" computes structure and health at the same time, and the second card to ask waits for the first one's
 * pass and reuses it instead of parsing every file again. One result of aggregates costs ~1 MB, whatever the tree.
 */
public final class CodeAnalysis {
    /** Per-language totals: {files, lines, functions}. */
    public record Stats(long lines, long functions, Map<String, long[]> perLanguage) {
    }

    /**
     * @param moduleCounts per module path: {files, lines}
     * @param files        files analysed (read, whether they parsed or not)
     * @param filesTotal   source files found; more than analysed when the cap cut the list
     */
    public record Result(List<ModuleLayout.Module> modules, Stats stats, Map<String, long[]> moduleCounts,
            ImportGraph.Graph graph, CodeHealth.Result health, NamingCheck.Result naming, int namingViolations,
            int files, int filesTotal, int parseErrors, int unreadable, long parseMs) {
        public boolean truncated() {
            return filesTotal > files + unreadable;
        }
    }

    private record Key(Path root, long digest, int files, int maxFiles, int keep) {
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Key lastKey;
    private static Result last;

    private CodeAnalysis() {
    }

    /**
     * @param manifests build manifests, project-relative (they decide the modules)
     * @param sources   source files in path order
     * @param maxFiles  the most files analysed
     * @param keep      the most files, hotspots and naming violations listed
     * @throws InterruptedException when the caller is interrupted (its time-out) while the other card's pass runs
     */
    public static Result analyse(Path root, List<String> manifests, List<SourceFile> sources, int maxFiles, int keep)
            throws InterruptedException {
        Key key = new Key(root, digest(root, manifests, sources), sources.size(), maxFiles, keep);
        // One pass at a time: the second card waits for the first one's result rather than parsing in parallel
        // with it (two passes at once would also hold two sets of aggregates). Interruptible: a card that times
        // out while waiting gives up at once.
        LOCK.lockInterruptibly();
        try {
            if (key.equals(lastKey)) {
                return last;
            }
            Result result = pass(root, manifests, sources, maxFiles, keep);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("analysis stopped after " + result.files() + " files");
            }
            lastKey = key;
            last = result;
            return result;
        } finally {
            LOCK.unlock();
        }
    }

    private static Result pass(Path root, List<String> manifests, List<SourceFile> sources, int maxFiles, int keep) {
        List<SourceFile> analysed = sources.size() > maxFiles ? sources.subList(0, Math.max(0, maxFiles)) : sources;
        List<ModuleLayout.Module> modules = ModuleLayout.find(root, manifests, sources);
        ImportGraph.Builder graph = new ImportGraph.Builder(modules);
        CodeHealth.Accumulator health = new CodeHealth.Accumulator(keep);
        NamingCheck.Accumulator naming = new NamingCheck.Accumulator(keep);
        Map<String, long[]> perLanguage = new TreeMap<>();
        Map<String, long[]> moduleCounts = new TreeMap<>();
        long[] totals = new long[2];
        SourceScan.Counts counts = SourceScan.each(analysed, file -> {
            totals[0] += file.lines();
            totals[1] += file.functions().size();
            long[] lang = perLanguage.computeIfAbsent(file.file().language(), k -> new long[3]);
            lang[0]++;
            lang[1] += file.lines();
            lang[2] += file.functions().size();
            ModuleLayout.Module owner = ModuleLayout.owner(modules, file.file().rel());
            if (owner != null) {
                long[] c = moduleCounts.computeIfAbsent(owner.path(), k -> new long[2]);
                c[0]++;
                c[1] += file.lines();
            }
            graph.add(file, owner);
            health.add(file);
            naming.add(file);
        });
        return new Result(modules, new Stats(totals[0], totals[1], perLanguage), moduleCounts, graph.build(),
                health.result(), naming.result(), naming.violationCount(), counts.read(), sources.size(),
                counts.parseErrors(), counts.unreadable(), counts.parseMs());
    }

    /** Paths, sizes and modification times of the sources and manifests, folded into one number. */
    private static long digest(Path root, List<String> manifests, List<SourceFile> sources) {
        long digest = 1125899906842597L;
        for (String manifest : manifests) {
            digest = mix(digest, manifest.hashCode(), root.resolve(manifest));
        }
        for (SourceFile file : sources) {
            digest = mix(digest, file.rel().hashCode(), file.path());
        }
        return digest;
    }

    private static long mix(long digest, int name, Path path) {
        long size = -1;
        long modified = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            size = attributes.size();
            modified = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS);
        } catch (IOException | SecurityException e) {
            // an unreadable file is part of the key as such
        }
        digest = (digest ^ name) * 0x9E3779B97F4A7C15L;
        digest = (digest ^ size) * 0x9E3779B97F4A7C15L;
        return (digest ^ modified) * 0x9E3779B97F4A7C15L;
    }
}
