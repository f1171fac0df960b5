package dev.controlplane.cards.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.MarkdownLinks;
import dev.controlplane.analysis.ModuleLayout;
import dev.controlplane.analysis.RiskFindings;
import dev.controlplane.analysis.SourceFile;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;

/**
 * One prioritised list of risks, aggregated from the DevOps cards' results (read as peers, never recomputed:
 * secrets, sensitive files, lock files, docs, tests, env keys) plus two checks of its own on the same walk:
 * broken relative links in Markdown files and build modules with sources but no tests. A posture score and
 * grade sum it up ({@link RiskFindings}). No secret value is ever carried: only file, line and rule.
 */
@ApplicationScoped
public class AuditL2RisksCard extends L2Card {
    /** The cards this one reads (to be declared as peers). */
    public static final List<String> PEERS = List.of("security", "docs", "testing", "env", "packages");

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = L2Card.declare("audit:l2:risks")
            .title("Risks")
            .description("Prioritised findings from secrets, files, dependencies, docs, tests, env keys and links")
            .order(63)
            .watch(".env", ".env.example")
            .alias("/api/audit/risks")
            .peers(PEERS)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        ArrayNode warnings = CardJson.array();
        Map<String, JsonNode> peers = new LinkedHashMap<>();
        for (String key : PEERS) {
            peers.put(key, peer(context, key, warnings));
        }
        L2Sources.Tree tree = L2Sources.collect(context);
        tree.markdown().forEach(context::watch);
        List<MarkdownLinks.Broken> broken = MarkdownLinks.check(context.root(), tree.markdown());
        List<String> untested = modulesWithoutTests(context, tree);
        List<RiskFindings.Finding> findings = RiskFindings.collect(new RiskFindings.Inputs(peers.get("security"),
                peers.get("docs"), peers.get("testing"), peers.get("env"), peers.get("packages"), broken, untested));

        ObjectNode card = CardJson.object();
        ArrayNode list = card.putArray("findings");
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        RiskFindings.SEVERITIES.forEach(s -> bySeverity.put(s, 0));
        Map<String, Integer> byCategory = new TreeMap<>();
        Set<String> actions = new LinkedHashSet<>();
        for (RiskFindings.Finding finding : findings) {
            ObjectNode node = list.addObject();
            node.put("category", finding.category());
            node.put("severity", finding.severity());
            node.put("title", finding.title());
            node.put("detail", finding.detail());
            node.put("source", finding.source());
            node.put("recommendation", finding.recommendation());
            node.set("files", CardJson.strings(finding.files()));
            ArrayNode locations = node.putArray("locations");
            finding.locations().forEach(l -> {
                ObjectNode location = locations.addObject();
                location.put("file", l.file());
                location.put("line", l.line());
                location.put("target", l.target());
            });
            bySeverity.merge(finding.severity(), 1, Integer::sum);
            byCategory.merge(finding.category(), 1, Integer::sum);
            if (actions.size() < 5) {
                actions.add(finding.recommendation());
            }
        }
        CardJson.cap(card, "findings", CAP);
        RiskFindings.Posture posture = RiskFindings.posture(findings);
        ObjectNode postureNode = card.putObject("posture");
        postureNode.put("score", posture.score());
        postureNode.put("grade", posture.grade());
        card.set("action_items", CardJson.strings(actions));
        card.set("by_category", CardJson.counts(byCategory));
        card.put("markdown_files_checked", tree.markdown().size());
        card.set("warnings", warnings);
        Level level = bySeverity.get("critical") > 0 ? Level.FAILED
                : bySeverity.get("high") > 0 || bySeverity.get("medium") > 0 ? Level.DEGRADED : Level.OK;
        ObjectNode result = CardJson.summary(card, String.format(Locale.ROOT, "%s · %s", posture.grade(),
                CardJson.plural(findings.size(), "finding", "findings")), level);
        ObjectNode summary = (ObjectNode) result.get("summary");
        summary.put("total", findings.size());
        bySeverity.forEach(summary::put);
        return result;
    }

    /** Build modules (Maven, Gradle, npm, Go, Python) that hold sources but no test file. */
    static List<String> modulesWithoutTests(CardContext context, L2Sources.Tree tree) {
        List<ModuleLayout.Module> modules = ModuleLayout.find(context.root(), tree.manifests(), List.of());
        Map<String, int[]> counts = new LinkedHashMap<>(); // {sources, tests}
        for (SourceFile file : tree.sources()) {
            ModuleLayout.Module owner = ModuleLayout.owner(modules, file.rel());
            if (owner != null) {
                int[] c = counts.computeIfAbsent(owner.name(), k -> new int[2]);
                c[isTest(file.rel()) ? 1 : 0]++;
            }
        }
        List<String> untested = new ArrayList<>();
        counts.forEach((module, c) -> {
            if (c[0] > 0 && c[1] == 0) {
                untested.add(module);
            }
        });
        return untested;
    }

    static boolean isTest(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("test/") || lower.startsWith("tests/") || lower.contains("/test/")
                || lower.contains("/tests/") || lower.contains("/__tests__/") || name.startsWith("test_")
                || name.endsWith("_test.go") || name.endsWith("_test.py") || name.contains(".test.")
                || name.contains(".spec.") || name.endsWith("test.java") || name.endsWith("tests.java")
                || name.endsWith("it.java") || name.endsWith("test.kt");
    }
}
