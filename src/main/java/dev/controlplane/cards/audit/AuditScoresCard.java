package dev.controlplane.cards.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.support.AtomicFiles;
import dev.controlplane.support.Clock;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Two scores out of 10 from the other cards' current results, and their trend against earlier computations
 * (the last {@value #HISTORY} kept in {@code .state/audit_scores_history.json}).
 * <ul>
 * <li>complexity: ecosystems, modules, dependency count, infrastructure layers and external integrations,
 * 0–2 each;</li>
 * <li>quality: documentation, testing, tooling, security and structure, each 0–10 weighted 0.2.</li>
 * </ul>
 * The formulas are deliberately simple and shown in the breakdown, so a user can see why a score moved.
 */
@ApplicationScoped
public class AuditScoresCard implements Card {
    static final String HISTORY_FILE = "audit_scores_history.json";
    static final int HISTORY = 100;
    static final int RECENT = 10;
    static final int SERIES = 20;
    static final double STABLE = 0.2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * watchPaths: It reads no file of its own: what it scores comes from its peers, whose files it inherits.
     */
    static final CardSpec SPEC = CardSpec.card("audit:scores")
            .title("Scores")
            .description("Complexity and quality out of 10, and how they moved since the last computations")
            .tab(Tab.AUDIT)
            .order(50)
            .watch(List.of())
            .alias("/api/audit/scores")
            .peers(Set.of("audit:deps", "audit:structure", "audit:clients", "docs", "testing", "quality", "security"))
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        ArrayNode warnings = CardJson.array();
        JsonNode deps = peer(context, "audit:deps", warnings);
        JsonNode structure = peer(context, "audit:structure", warnings);
        JsonNode clients = peer(context, "audit:clients", warnings);
        JsonNode docs = peer(context, "docs", warnings);
        JsonNode testing = peer(context, "testing", warnings);
        JsonNode quality = peer(context, "quality", warnings);
        JsonNode security = peer(context, "security", warnings);

        int layers = count(structure, "has_docker", "has_iac", "has_ci");
        ComplexityBreakdown cb = new ComplexityBreakdown(
                round(Math.min(2, deps.path("ecosystems").size() * 0.5)),
                round(modulesScore(structure.path("modules").size())),
                round(Math.min(2, deps.path("total").asInt(0) / 50.0)),
                round(Math.min(2, layers * 2.0 / 3)),
                round(Math.min(2, clients.path("total_services").asInt(0) / 3.0)));
        Complexity complexity = new Complexity(cb, round(cb.sum()));

        JsonNode totals = quality.path("totals");
        int relevant = totals.path("relevant").asInt(0);
        QualityBreakdown qb = new QualityBreakdown(
                round(documentation(docs)),
                round(testing(testing)),
                round(relevant == 0 ? 0 : 10.0 * totals.path("available").asInt(0) / relevant),
                round(security.path("posture").path("score").asDouble(0) / 10.0),
                round(structureScore(structure)));
        Quality qualityScore = new Quality(qb, round(qb.sum() * 0.2), 0.2);

        double complexityScore = complexity.score();
        double qualityValue = qualityScore.score();
        ObjectNode trend = trend(context, complexityScore, qualityValue, warnings);
        ObjectNode card = ResultJson.tree(new Scores(complexity, qualityScore, trend, warnings));
        Level level = qualityValue >= 7 ? Level.OK : qualityValue >= 4 ? Level.DEGRADED : Level.FAILED;
        return CardJson.summary(card, String.format(java.util.Locale.ROOT, "Q %.1f · C %.1f", qualityValue,
                complexityScore), level);
    }

    /**
     * {@code trend} stays a tree: it is shared with the enriched score and carries the stored history entries
     * as they were read back from {@code .state/}.
     */
    @RegisterForReflection
    record Scores(Complexity complexity, Quality quality, JsonNode trend, JsonNode warnings) {
    }

    @RegisterForReflection
    record Complexity(ComplexityBreakdown breakdown, double score) {
    }

    /** Each 0–2; summed in field order. */
    @RegisterForReflection
    record ComplexityBreakdown(double ecosystems, double modules, double dependencies,
            @JsonProperty("infra_layers") double infraLayers, double integrations) {
        double sum() {
            return 0.0 + ecosystems + modules + dependencies + infraLayers + integrations;
        }
    }

    @RegisterForReflection
    record Quality(QualityBreakdown breakdown, double score, double weights) {
    }

    /** Each 0–10; summed in field order, weighted by {@code weights}. */
    @RegisterForReflection
    record QualityBreakdown(double documentation, double testing, double tooling, double security,
            double structure) {
        double sum() {
            return 0.0 + documentation + testing + tooling + security + structure;
        }
    }

    /** A peer's result; a failing peer counts as empty and is named in the warnings. */
    private static JsonNode peer(CardContext context, String key, ArrayNode warnings) throws InterruptedException {
        try {
            return context.peer(key);
        } catch (InterruptedException | CardContext.UndeclaredPeerException e) {
            throw e;
        } catch (Exception e) {
            warnings.add(key + " is unavailable (" + e.getMessage() + "): scored as empty");
            return CardJson.object();
        }
    }

    private static double modulesScore(int modules) {
        if (modules <= 1) {
            return 0;
        }
        return modules <= 3 ? 1 : modules <= 9 ? 1.5 : 2;
    }

    private static double documentation(JsonNode docs) {
        double score = 0;
        score += docs.path("readme").path("exists").asBoolean() ? 4 : 0;
        score += docs.path("license").path("exists").asBoolean() ? 2 : 0;
        score += docs.path("changelog").path("exists").asBoolean() ? 1 : 0;
        score += docs.path("contributing").path("exists").asBoolean() ? 1 : 0;
        score += Math.min(2, docs.path("doc_files").asInt(0) / 3.0 * 2);
        return Math.min(10, score);
    }

    private static double testing(JsonNode testing) {
        if (!testing.path("has_tests").asBoolean()) {
            return 0;
        }
        double score = 4 + Math.min(3, testing.path("stats").path("test_ratio").asDouble(0) * 6);
        JsonNode run = testing.path("last_run");
        if (run.path("available").asBoolean()) {
            score += run.path("failed").asInt(0) == 0 ? 3 : 0;
        } else {
            score += 1.5; // never run here: neither credit nor blame
        }
        return Math.min(10, score);
    }

    private static double structureScore(JsonNode structure) {
        int points = count(structure, "has_tests", "has_docs", "has_ci");
        points += structure.path("entrypoints").size() > 0 ? 1 : 0;
        points += structure.path("file_count").asInt(0) > 0 ? 1 : 0;
        return points * 2.0;
    }

    private static int count(JsonNode node, String... flags) {
        int n = 0;
        for (String flag : flags) {
            n += node.path(flag).asBoolean() ? 1 : 0;
        }
        return n;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Compares with the previous computation and appends this one to the history. */
    private static ObjectNode trend(CardContext context, double complexity, double quality, ArrayNode warnings) {
        return trend(context, HISTORY_FILE, complexity, quality, warnings);
    }

    /** As above, kept in {@code .state/<historyFile>} (the enriched score keeps its own history). */
    static ObjectNode trend(CardContext context, String historyFile, double complexity, double quality,
            ArrayNode warnings) {
        Path file = context.stateDir().resolve(historyFile);
        List<JsonNode> history = readHistory(file, warnings);
        ObjectNode trend = CardJson.object();
        JsonNode previous = history.isEmpty() ? null : history.get(history.size() - 1);
        trend.put("quality", direction(previous == null ? null : previous.path("quality").asDouble(), quality));
        trend.put("complexity", direction(previous == null ? null : previous.path("complexity").asDouble(), complexity));
        trend.put("delta_quality", previous == null ? 0 : round(quality - previous.path("quality").asDouble()));
        trend.put("delta_complexity", previous == null ? 0 : round(complexity - previous.path("complexity").asDouble()));
        ObjectNode entry = CardJson.object();
        entry.put("ts", Clock.now());
        entry.put("complexity", complexity);
        entry.put("quality", quality);
        history.add(entry);
        while (history.size() > HISTORY) {
            history.remove(0);
        }
        trend.put("samples", history.size());
        ArrayNode recent = trend.putArray("recent");
        history.subList(Math.max(0, history.size() - RECENT), history.size()).forEach(recent::add);
        // The page draws these as a sparkline: enough points to show a direction, few enough to stay small.
        ArrayNode series = trend.putArray("series");
        history.subList(Math.max(0, history.size() - SERIES), history.size()).forEach(series::add);
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectory(file.getParent()); // never recreate a deleted project directory
            }
            ArrayNode all = CardJson.array();
            history.forEach(all::add);
            AtomicFiles.write(file, JSON.writeValueAsBytes(all));
        } catch (IOException e) {
            warnings.add("cannot keep the score history in .state/ (" + e.getMessage() + ")");
        }
        return trend;
    }

    static String direction(Double previous, double now) {
        if (previous == null) {
            return "new";
        }
        double delta = now - previous;
        return Math.abs(delta) < STABLE ? "stable" : delta > 0 ? "up" : "down";
    }

    private static List<JsonNode> readHistory(Path file, ArrayNode warnings) {
        List<JsonNode> history = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return history;
        }
        try {
            JsonNode stored = JSON.readTree(file.toFile());
            if (stored != null && stored.isArray()) {
                stored.forEach(e -> {
                    if (e.isObject() && e.path("quality").isNumber() && e.path("complexity").isNumber()) {
                        history.add(e);
                    }
                });
            }
        } catch (IOException e) {
            warnings.add("the score history was unreadable and starts again");
        }
        return history;
    }
}
