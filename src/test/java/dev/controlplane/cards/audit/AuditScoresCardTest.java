package dev.controlplane.cards.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.FixedCard;
import dev.controlplane.cards.PeerContexts;
import dev.controlplane.cards.Tab;

class AuditScoresCardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final FixedCard DEPS = FixedCard.of("audit:deps",
            "{'ecosystems':{'java':10,'javascript':5,'python':1},'total':120}");
    private static final FixedCard STRUCTURE = FixedCard.of("audit:structure",
            "{'modules':['api','core','web','cli'],'has_docker':true,'has_iac':false,'has_ci':true,"
                    + "'has_tests':true,'has_docs':true,'entrypoints':['api/Main.java'],'file_count':40}");
    private static final FixedCard CLIENTS = FixedCard.of("audit:clients", "{'total_services':2}");
    private static final FixedCard DOCS = FixedCard.of("docs", "{'readme':{'exists':true},'license':{'exists':true},"
            + "'changelog':{'exists':false},'contributing':{'exists':true},'doc_files':2}");
    private static final FixedCard TESTS_GREEN = FixedCard.of("testing",
            "{'has_tests':true,'stats':{'test_ratio':0.25},'last_run':{'available':true,'failed':0}}");
    private static final FixedCard TESTS_RED = FixedCard.of("testing",
            "{'has_tests':true,'stats':{'test_ratio':0.25},'last_run':{'available':true,'failed':2}}");
    private static final FixedCard QUALITY = FixedCard.of("quality", "{'totals':{'relevant':5,'available':3}}");
    private static final FixedCard SECURITY = FixedCard.of("security", "{'posture':{'score':80}}");

    private final AuditScoresCard card = new AuditScoresCard();

    @TempDir
    Path dir;

    private ObjectNode compute(Card... peers) throws Exception {
        return card.compute(PeerContexts.withPeers(card, dir, peers));
    }

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("audit:scores", card.key());
        assertEquals("/api/audit/scores", card.alias());
        assertEquals(Tab.AUDIT, card.tab());
        // The files it depends on are its peers': declared once, as peers, never copied as watch paths.
        assertEquals(java.util.Set.of("audit:deps", "audit:structure", "audit:clients", "docs", "testing", "quality",
                "security"), card.peers());
        assertEquals(List.of(), card.watchPaths());
    }

    @Test
    void scoresFollowTheBreakdownTheyShow() throws Exception {
        ObjectNode result = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY, SECURITY);

        // 3 ecosystems × 0.5; 4 modules; 120 deps / 50 capped at 2; docker + ci of 3 layers; 2 services / 3
        assertEquals(JSON.readTree("{\"ecosystems\":1.5,\"modules\":1.5,\"dependencies\":2.0,\"infra_layers\":1.3,"
                + "\"integrations\":0.7}"), result.at("/complexity/breakdown"));
        assertEquals(7.0, result.at("/complexity/score").asDouble());
        // readme 4 + license 2 + contributing 1 + 2 doc files (1.3); tests 4 + ratio 1.5 + green run 3;
        // 3 of 5 tools; posture 80 / 10; tests, docs, ci, an entrypoint and files: 5 × 2
        assertEquals(JSON.readTree("{\"documentation\":8.3,\"testing\":8.5,\"tooling\":6.0,\"security\":8.0,"
                + "\"structure\":10.0}"), result.at("/quality/breakdown"));
        assertEquals(8.2, result.at("/quality/score").asDouble());
        assertEquals(0.2, result.at("/quality/weights").asDouble());
        assertEquals("Q 8.2 · C 7.0", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
        assertEquals(0, result.get("warnings").size());
    }

    @Test
    void theTrendComparesWithThePreviousComputationKeptInState() throws Exception {
        JsonNode first = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY, SECURITY).get("trend");
        assertEquals("new", first.get("quality").asText());
        assertEquals("new", first.get("complexity").asText());
        assertEquals(1, first.get("samples").asInt());

        // the last run failed: testing 8.5 -> 5.5, quality 8.2 -> 7.6; complexity unchanged
        ObjectNode second = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_RED, QUALITY, SECURITY);
        JsonNode trend = second.get("trend");
        assertEquals(7.6, second.at("/quality/score").asDouble());
        assertEquals("down", trend.get("quality").asText());
        assertEquals(-0.6, trend.get("delta_quality").asDouble());
        assertEquals("stable", trend.get("complexity").asText());
        assertEquals(0.0, trend.get("delta_complexity").asDouble());
        assertEquals(2, trend.get("samples").asInt());
        assertEquals(List.of(8.2, 7.6), qualities(trend.get("recent")));
        assertEquals(List.of(8.2, 7.6), qualities(trend.get("series")), "fewer than 20 samples: all of them");

        JsonNode third = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY, SECURITY).get("trend");
        assertEquals("up", third.get("quality").asText());
        assertEquals(0.6, third.get("delta_quality").asDouble());

        JsonNode stored = JSON.readTree(dir.resolve(".state").resolve(AuditScoresCard.HISTORY_FILE).toFile());
        assertEquals(List.of(8.2, 7.6, 8.2), qualities(stored));
    }

    @Test
    void theHistoryKeepsTheLastHundredShowsTheLastTenAndDrawsTheLastTwenty() throws Exception {
        ArrayNode old = JSON.createArrayNode();
        for (int i = 0; i < 100; i++) {
            old.addObject().put("ts", 1_700_000_000 + i).put("complexity", 7.0).put("quality", i / 100.0);
        }
        Files.createDirectories(dir.resolve(".state"));
        Files.write(dir.resolve(".state").resolve(AuditScoresCard.HISTORY_FILE), JSON.writeValueAsBytes(old));

        JsonNode trend = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY, SECURITY).get("trend");

        assertEquals(100, trend.get("samples").asInt());
        assertEquals(10, trend.get("recent").size());
        assertEquals(8.2, trend.get("recent").get(9).get("quality").asDouble());
        assertEquals(20, trend.get("series").size(), "the sparkline's samples");
        assertEquals(0.81, trend.get("series").get(0).get("quality").asDouble(), "the 20th newest");
        assertEquals(8.2, trend.get("series").get(19).get("quality").asDouble());
        assertTrue(trend.get("series").get(0).has("ts"));
        assertEquals(8.2 - 0.99, trend.get("delta_quality").asDouble(), 0.051);
        JsonNode stored = JSON.readTree(dir.resolve(".state").resolve(AuditScoresCard.HISTORY_FILE).toFile());
        assertEquals(100, stored.size());
        assertEquals(0.01, stored.get(0).get("quality").asDouble(), "the oldest entry was dropped");
    }

    @Test
    void aCorruptHistoryStartsAgainWithAWarning() throws Exception {
        Files.createDirectories(dir.resolve(".state"));
        Files.writeString(dir.resolve(".state").resolve(AuditScoresCard.HISTORY_FILE), "[{\"quality\": 3.0,");

        ObjectNode result = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY, SECURITY);

        assertEquals("new", result.at("/trend/quality").asText());
        assertEquals(1, result.at("/trend/samples").asInt());
        assertEquals("the score history was unreadable and starts again", result.get("warnings").get(0).asText());
        assertTrue(JSON.readTree(dir.resolve(".state").resolve(AuditScoresCard.HISTORY_FILE).toFile()).isArray());
    }

    @Test
    void aFailingPeerCountsAsEmptyAndIsNamed() throws Exception {
        ObjectNode result = compute(DEPS, STRUCTURE, CLIENTS, DOCS, TESTS_GREEN, QUALITY,
                FixedCard.failing("security", "timed out after 30 s"));

        assertEquals(0.0, result.at("/quality/breakdown/security").asDouble());
        assertEquals(6.6, result.at("/quality/score").asDouble()); // (40.8 - 8) × 0.2 = 6.56
        assertEquals("degraded", result.at("/summary/level").asText());
        assertEquals("security is unavailable (timed out after 30 s): scored as empty",
                result.get("warnings").get(0).asText());
    }

    @Test
    void nothingToScoreIsZeroAndARedBadge() throws Exception {
        ObjectNode result = compute(FixedCard.of("audit:deps", "{}"), FixedCard.of("audit:structure", "{}"),
                FixedCard.of("audit:clients", "{}"), FixedCard.of("docs", "{}"), FixedCard.of("testing", "{}"),
                FixedCard.of("quality", "{}"), FixedCard.of("security", "{}"));

        assertEquals(0.0, result.at("/complexity/score").asDouble());
        assertEquals(0.0, result.at("/quality/score").asDouble());
        assertEquals("Q 0.0 · C 0.0", result.at("/summary/text").asText());
        assertEquals("failed", result.at("/summary/level").asText());
    }

    private static List<Double> qualities(JsonNode entries) {
        List<Double> values = new ArrayList<>();
        entries.forEach(entry -> values.add(entry.get("quality").asDouble()));
        return values;
    }
}
