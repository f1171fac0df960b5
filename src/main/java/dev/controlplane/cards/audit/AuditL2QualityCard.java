package dev.controlplane.cards.audit;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.CodeAnalysis;
import dev.controlplane.analysis.CodeHealth;
import dev.controlplane.analysis.FileFacts;
import dev.controlplane.analysis.NamingCheck;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.config.ControlPlaneConfig;

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

    private final int maxFiles;

    public AuditL2QualityCard() {
        this(MAX_FILES);
    }

    @Inject
    public AuditL2QualityCard(ControlPlaneConfig config) {
        this(config.audit().l2MaxFiles());
    }

    /** @param maxFiles the most source files analysed (tests set it low) */
    AuditL2QualityCard(int maxFiles) {
        this.maxFiles = maxFiles;
    }

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        L2Sources.Tree tree = L2Sources.collect(context);
        L2Sources.sourceRoots(tree.sources()).forEach(context::watch);
        CodeAnalysis.Result analysis = L2Card.analyse(context, tree, maxFiles);
        CodeHealth.Result health = analysis.health();
        NamingCheck.Result naming = analysis.naming();

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
        // The analysis kept only the CAP worst files, hotspots and violations; the totals are its counts.
        CardJson.cap(card, "file_scores", CAP).put("file_scores_total", health.fileCount());
        ArrayNode hotspots = card.putArray("hotspots");
        for (CodeHealth.Hotspot hotspot : health.hotspots()) {
            ObjectNode node = hotspots.addObject();
            node.put("type", hotspot.type());
            node.put("severity", hotspot.severity());
            node.put("file", hotspot.file());
            node.put("line", hotspot.line());
            node.put("detail", hotspot.detail());
        }
        CardJson.cap(card, "hotspots", CAP).put("hotspots_total", health.hotspotCount());
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
        CardJson.cap(namingNode, "violations", CAP).put("violations_total", analysis.namingViolations());
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
        summary.put("files", analysis.files());
        summary.put("parse_errors", analysis.parseErrors());
        summary.put("files_total", analysis.filesTotal());
        summary.put("truncated", analysis.truncated());
        ArrayNode warnings = card.putArray("warnings");
        L2Card.truncation(analysis, warnings);
        boolean none = analysis.files() == 0;
        Level level = none ? Level.NONE
                : s.overallScore() >= 7 ? analysis.truncated() ? Level.DEGRADED : Level.OK
                : s.overallScore() >= 4 ? Level.DEGRADED : Level.FAILED;
        String text = none ? "no source files"
                : String.format(Locale.ROOT, "%.1f/10 · %s", s.overallScore(),
                        CardJson.plural(health.hotspotCount(), "hotspot", "hotspots"));
        // The spec names the summary object "summary"; the badge lives there too (text, level) beside it.
        ObjectNode result = CardJson.summary(card, text, level);
        ObjectNode badge = (ObjectNode) result.get("summary");
        badge.setAll(summary);
        result.remove("health_summary");
        return result;
    }
}
