package dev.controlplane.cards.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;

/**
 * The audit score with the deep analysis added: the {@code audit:scores} shape, its complexity unchanged, its
 * quality re-weighted with three L2 dimensions: documentation, testing and tooling .15 each, security and
 * structure .10 each, code health .15 ({@code audit:l2:quality}), repository health .05 ({@code audit:l2:repo})
 * and risk posture .15 ({@code audit:l2:risks}). Its trend is kept apart from the plain score's.
 */
@ApplicationScoped
public class AuditEnrichedScoresCard extends L2Card {
    /** The cards this one reads (to be declared as peers); the L2 ones last, in dependency order. */
    public static final List<String> PEERS = List.of("audit:scores", "audit:l2:structure", "audit:l2:quality",
            "audit:l2:repo", "audit:l2:risks");
    static final String HISTORY_FILE = "audit_scores_enriched_history.json";
    static final Map<String, Double> WEIGHTS = weights();

    private static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("documentation", .15);
        w.put("testing", .15);
        w.put("tooling", .15);
        w.put("security", .10);
        w.put("structure", .10);
        w.put("code_health", .15);
        w.put("repo_health", .05);
        w.put("risk_posture", .15);
        return w;
    }

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = L2Card.declare("audit:scores:enriched")
            .title("Enriched scores")
            .description("The audit scores with code health, repository health and risk posture added")
            .order(64)
            .alias("/api/audit/scores/enriched")
            .peers(PEERS)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        ArrayNode warnings = CardJson.array();
        JsonNode scores = peer(context, "audit:scores", warnings);
        peer(context, "audit:l2:structure", warnings); // read so the whole scope is current; not scored
        JsonNode quality = peer(context, "audit:l2:quality", warnings);
        JsonNode repo = peer(context, "audit:l2:repo", warnings);
        JsonNode risks = peer(context, "audit:l2:risks", warnings);

        ObjectNode card = CardJson.object();
        card.set("complexity", scores.path("complexity").isObject() ? scores.get("complexity").deepCopy()
                : CardJson.object());
        ObjectNode q = card.putObject("quality");
        ObjectNode breakdown = q.putObject("breakdown");
        JsonNode base = scores.path("quality").path("breakdown");
        for (String part : List.of("documentation", "testing", "tooling", "security", "structure")) {
            breakdown.put(part, base.path(part).asDouble(0));
        }
        breakdown.put("code_health", quality.path("summary").path("overall_score").asDouble(0));
        breakdown.put("repo_health", repo.path("health").path("score").asDouble(0));
        breakdown.put("risk_posture", risks.path("posture").path("score").asDouble(0));
        double total = 0;
        for (Map.Entry<String, Double> weight : WEIGHTS.entrySet()) {
            total += breakdown.path(weight.getKey()).asDouble() * weight.getValue();
        }
        double score = AuditScoresCard.round(total);
        q.put("score", score);
        q.put("enriched", true);
        ObjectNode weights = q.putObject("weights");
        WEIGHTS.forEach(weights::put);
        double complexity = card.path("complexity").path("score").asDouble(0);
        card.set("trend", AuditScoresCard.trend(context, HISTORY_FILE, complexity, score, warnings));
        card.set("warnings", warnings);
        Level level = score >= 7 ? Level.OK : score >= 4 ? Level.DEGRADED : Level.FAILED;
        return CardJson.summary(card, String.format(Locale.ROOT, "Q %.1f · C %.1f", score, complexity), level);
    }
}
