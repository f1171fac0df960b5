package dev.controlplane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.SourceFile;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.audit.AuditClientsCard;
import dev.controlplane.cards.audit.AuditDepsCard;
import dev.controlplane.cards.audit.AuditEnrichedScoresCard;
import dev.controlplane.cards.audit.AuditL2QualityCard;
import dev.controlplane.cards.audit.AuditL2RepoCard;
import dev.controlplane.cards.audit.AuditL2RisksCard;
import dev.controlplane.cards.audit.AuditL2StructureCard;
import dev.controlplane.cards.audit.AuditScoresCard;
import dev.controlplane.cards.audit.AuditStructureCard;
import dev.controlplane.cards.devops.DocsCard;
import dev.controlplane.cards.devops.EnvCard;
import dev.controlplane.cards.devops.PackagesCard;
import dev.controlplane.cards.devops.QualityCard;
import dev.controlplane.cards.devops.SecurityCard;
import dev.controlplane.cards.devops.TestingCard;
import dev.controlplane.support.ProjectWalker;
import dev.controlplane.support.ToolRunner;

/**
 * Cold Audit L2 in one fresh JVM: generates a multi-module project ({@link ProjectGenerator}), computes the
 * peers the L2 cards read first (not timed: on a running dashboard they are the cards already shown), then the
 * four L2 cards and the enriched score one after another, as "Analyze" does, and prints each time and the total.
 * Usage: {@code L2ColdBench <files to generate> [dir]}; a {@code dir} with a {@code .git} from an earlier run is
 * reused as it is.
 */
public final class L2ColdBench {
    private L2ColdBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("l2-bench");
        // A directory this bench generated before (it has the commit) is reused: repeated runs then time the
        // analysis, not the generator. Anything else must be empty (the generator refuses otherwise).
        boolean reused = Files.isDirectory(root.resolve(".git"));
        if (!reused) {
            ProjectGenerator.generate(root, files, ProjectGenerator.DEFAULT_SEED);
        }
        // A repository with one commit, so the repo card reads a real history (git missing: it reports so).
        for (String[] command : List.of(new String[] {"git", "init", "-q"}, new String[] {"git", "add", "-A"},
                new String[] {"git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c",
                        "commit.gpgsign=false", "commit", "-q", "-m", "generated"})) {
            if (reused) {
                break;
            }
            ToolRunner.run(root, java.time.Duration.ofMinutes(5), command); // git add of 50k files: ~8 s idle
        }
        long sources = ProjectWalker.files(root, CardContext.MIN_COMPUTE_DEPTH, ProjectWalker.DEFAULT_MAX_FILES,
                SourceFile::isSource).size();
        List<Card> peers = List.of(new PackagesCard(), new AuditDepsCard(), new SecurityCard(), new DocsCard(),
                new TestingCard(), new EnvCard(), new QualityCard(), new AuditStructureCard(), new AuditClientsCard(),
                new AuditScoresCard());
        List<Card> l2 = List.of(new AuditL2StructureCard(), new AuditL2QualityCard(), new AuditL2RepoCard(),
                new AuditL2RisksCard(), new AuditEnrichedScoresCard());
        Map<String, Card> byKey = new HashMap<>();
        peers.forEach(c -> byKey.put(c.key(), c));
        l2.forEach(c -> byKey.put(c.key(), c));
        Map<String, ObjectNode> done = new HashMap<>();
        CardContext.Peers[] lookup = new CardContext.Peers[1];
        lookup[0] = key -> {
            ObjectNode result = done.get(key);
            if (result == null) {
                result = byKey.get(key).compute(new CardContext(root, root.resolve(".state"), 8,
                        ToolRunner.DEFAULT_TIMEOUT, byKey.get(key).peers(), lookup[0]));
                done.put(key, result);
            }
            return result;
        };
        for (Card peer : peers) {
            lookup[0].get(peer.key());
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> cpu = new HashMap<>();
        for (Card card : l2) {
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            lookup[0].get(card.key());
            seconds.put(card.key(), (System.nanoTime() - started) / 1e9);
            cpu.put(card.key(), (processCpuNanos() - cpuStarted) / 1e9);
        }
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> lines = new ArrayList<>();
        seconds.forEach((key, s) -> lines.add(String.format(java.util.Locale.ROOT, "%-24s %6.3f s  (CPU %6.3f s)  %s", key, s, cpu.get(key),
                done.get(key).path("summary").path("text").asText())));
        System.out.printf(java.util.Locale.ROOT, (reused ? "reused" : "generated") + " %d files, %d source files in %s (parse %d ms)%n", files,
                sources, root, done.get("audit:l2:structure").path("stats").path("parse_ms").asLong());
        lines.forEach(System.out::println);
        System.out.printf(java.util.Locale.ROOT, "total (4 L2 + enriched, cold) %6.3f s%n", total);
        // The machine is shared: CPU seconds of this process say what the wall times cannot under load.
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(java.util.Locale.ROOT, "heap used after GC %d MiB (committed %d MiB, max %d MiB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20,
                runtime.maxMemory() >> 20);
    }

    /** CPU time of the whole process (all threads: the parse runs on the common pool too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
