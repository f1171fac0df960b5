package dev.controlplane.cards.audit;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.CodeHealth;
import dev.controlplane.analysis.FileFacts;
import dev.controlplane.analysis.NamingCheck;
import dev.controlplane.analysis.SourceScan;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;

/**
 * Code health: per-file metrics and a 0–10 score (the rubric is {@link CodeHealth}'s), hotspots with the spec's
 * thresholds, naming consistency per language convention, worst files first.
 */
@ApplicationScoped
public class AuditL2QualityCard extends L2Card {
    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = L2Card.declare("audit:l2:quality")
            .title("Code health")
            .description("Per-file metrics and scores, hotspots (long, deep, complex code) and naming consistency")
            .order(61)
            .alias("/api/audit/code-health")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        L2Sources.Tree tree = L2Sources.collect(context);
        L2Sources.sourceRoots(tree.sources()).forEach(context::watch);
        SourceScan.Result scan = SourceScan.scan(tree.sources());
        CodeHealth.Result health = CodeHealth.assess(scan.files());
        NamingCheck.Result naming = NamingCheck.check(scan.files());

        ObjectNode card = CardJson.object();
        ArrayNode files = card.putArray("file_scores");
        for (CodeHealth.FileScore score : health.files()) {
            FileFacts facts = score.facts();
            ObjectNode node = files.addObject();
            node.put("file", facts.file().rel());
            node.put("language", facts.file().language());
            node.put("score", score.score());
            ObjectNode metrics = node.putObject("metrics");
            metrics.put("lines", facts.lines());
            metrics.put("functions", facts.functions().size());
            metrics.put("longest_function", facts.longestFunction());
            metrics.put("max_nesting", facts.maxNesting());
            metrics.put("max_params", facts.maxParams());
            metrics.put("complexity_max", facts.maxComplexity());
            metrics.put("todo", facts.todo());
            node.put("parsed", facts.parsed());
        }
        CardJson.cap(card, "file_scores", CAP);
        ArrayNode hotspots = card.putArray("hotspots");
        for (CodeHealth.Hotspot hotspot : health.hotspots()) {
            ObjectNode node = hotspots.addObject();
            node.put("type", hotspot.type());
            node.put("severity", hotspot.severity());
            node.put("file", hotspot.file());
            node.put("line", hotspot.line());
            node.put("detail", hotspot.detail());
        }
        CardJson.cap(card, "hotspots", CAP);
        ObjectNode namingNode = card.putObject("naming");
        namingNode.put("total_symbols", naming.totalSymbols());
        namingNode.put("consistent", naming.consistent());
        ArrayNode violations = namingNode.putArray("violations");
        naming.violations().forEach(v -> {
            ObjectNode node = violations.addObject();
            node.put("file", v.file());
            node.put("symbol", v.symbol());
            node.put("expected", v.expected());
        });
        CardJson.cap(namingNode, "violations", CAP);
        namingNode.put("consistency_score", naming.consistencyScore());
        ObjectNode summary = card.putObject("health_summary");
        CodeHealth.Summary s = health.summary();
        summary.put("overall_score", s.overallScore());
        ObjectNode per = summary.putObject("per_language");
        s.perLanguage().forEach((lang, v) -> {
            ObjectNode node = per.putObject(lang);
            node.put("score", v[0]);
            node.put("files", (long) v[1]);
        });
        ObjectNode counts = summary.putObject("hotspot_summary");
        counts.put("critical", s.critical());
        counts.put("warning", s.warning());
        counts.put("info", s.info());
        summary.put("files", scan.files().size());
        summary.put("parse_errors", scan.parseErrors());
        card.set("warnings", CardJson.array());
        Level level = scan.files().isEmpty() ? Level.NONE
                : s.overallScore() >= 7 ? Level.OK : s.overallScore() >= 4 ? Level.DEGRADED : Level.FAILED;
        String text = scan.files().isEmpty() ? "no source files"
                : String.format(Locale.ROOT, "%.1f/10 · %s", s.overallScore(),
                        CardJson.plural(health.hotspots().size(), "hotspot", "hotspots"));
        // The spec names the summary object "summary"; the badge lives there too (text, level) beside it.
        ObjectNode result = CardJson.summary(card, text, level);
        ObjectNode badge = (ObjectNode) result.get("summary");
        badge.setAll(summary);
        result.remove("health_summary");
        return result;
    }
}
