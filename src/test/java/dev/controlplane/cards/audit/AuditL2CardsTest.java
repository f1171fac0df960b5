package dev.controlplane.cards.audit;

import static dev.controlplane.project.manifests.DepsFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.PeerContexts;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.DocsCard;
import dev.controlplane.cards.devops.EnvCard;
import dev.controlplane.cards.devops.PackagesCard;
import dev.controlplane.cards.devops.QualityCard;
import dev.controlplane.cards.devops.SecurityCard;
import dev.controlplane.cards.devops.TestingCard;
import dev.controlplane.testing.TestFiles;

/**
 * The four L2 cards and the enriched score on a multi-module Maven fixture whose import graph, planted method,
 * broken link and env keys are known, plus the empty directory and a hostile tree.
 */
class AuditL2CardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path project;

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        if (project != null) {
            TestFiles.deleteQuietly(project);
        }
    }

    private static CardContext context(Path root) {
        return PeerContexts.withAllPeers(root, new PackagesCard(), new AuditDepsCard(), new SecurityCard(), new DocsCard(),
                new TestingCard(), new EnvCard(), new QualityCard(), new AuditStructureCard(), new AuditClientsCard(),
                new AuditScoresCard(), new AuditL2StructureCard(), new AuditL2QualityCard(), new AuditL2RepoCard(),
                new AuditL2RisksCard());
    }

    private Path fixture() {
        project = TestFiles.copyFixture("l2-project");
        return project;
    }

    @Test
    void metadataFollowsTheSpec() {
        List<L2Card> cards = List.of(new AuditL2StructureCard(), new AuditL2QualityCard(), new AuditL2RepoCard(),
                new AuditL2RisksCard(), new AuditEnrichedScoresCard());
        assertEquals(List.of("audit:l2:structure", "audit:l2:quality", "audit:l2:repo", "audit:l2:risks",
                "audit:scores:enriched"), cards.stream().map(Card::key).toList());
        assertEquals(List.of("/api/audit/structure-analysis", "/api/audit/code-health", "/api/audit/repo",
                "/api/audit/risks", "/api/audit/scores/enriched"), cards.stream().map(Card::alias).toList());
        for (L2Card card : cards) {
            assertEquals(Tab.AUDIT, card.tab());
            assertEquals(Pref.MANUAL, card.defaultPref());
            assertEquals(Set.of("audit:l2"), card.scopes());
        }
        assertEquals(List.of(".git/HEAD", ".git/refs/", ".git/packed-refs", ".gitattributes"),
                new AuditL2RepoCard().watchPaths());
        assertEquals(List.of("security", "docs", "testing", "env", "packages"), AuditL2RisksCard.PEERS);
        // The manifests come from a hash set: sorted, so /api/cards lists them the same way on every start.
        assertEquals(dev.controlplane.analysis.ModuleLayout.MANIFESTS.stream().sorted().toList(),
                new AuditL2StructureCard().watchPaths());
    }

    @Test
    void structureReadsModulesImportGraphAndLibraryUsage() throws Exception {
        Path root = fixture();
        CardContext context = context(root);
        ObjectNode card = new AuditL2StructureCard().compute(context);

        JsonNode stats = card.get("stats");
        assertEquals(8, stats.get("total_files").asInt());
        assertEquals(197, stats.get("total_lines").asInt());
        assertEquals(8, stats.get("total_functions").asInt(), "6 Java methods (none in the file that does not parse) + 2 Python");
        assertEquals(1, stats.get("parse_errors").asInt(), "Broken.java is counted, not fatal");
        assertEquals(7, stats.at("/per_language/java/files").asInt());
        assertEquals(187, stats.at("/per_language/java/lines").asInt(), "the unparsable file still counts its lines");
        assertEquals(2, stats.at("/per_language/python/functions").asInt());

        List<String> modules = new ArrayList<>();
        card.get("modules").forEach(m -> modules.add(m.get("name").asText() + "|" + m.get("path").asText() + "|"
                + m.get("build").asText() + "|" + m.get("files").asInt() + "|" + m.get("lines").asInt() + "|"
                + texts(m.get("depends_on"))));
        assertEquals(List.of("l2-parent||maven|1|10|[]", "api|api|maven|1|15|[core]", "app|app|maven|2|20|[api, core]",
                "core|core|maven|4|152|[]"), modules);

        JsonNode graph = card.get("import_graph");
        List<String> edges = new ArrayList<>();
        graph.get("edges").forEach(e -> edges.add(e.get("from").asText() + ">" + e.get("to").asText() + "="
                + e.get("count").asInt()));
        assertEquals(List.of("com.acme.app>com.acme.core=2", "com.acme.api>com.acme.core=1",
                "com.acme.api>com.acme.core.model=1", "com.acme.app>com.acme.api=1", "com.acme.core>com.acme.core.model=1"),
                edges);
        assertEquals(5, graph.get("internal_edges").asInt());
        assertEquals(6, graph.get("internal_imports").asInt());
        assertEquals(7, graph.get("external_deps").asInt());
        assertEquals(4, countKind(graph, "module"));
        assertEquals(5, countKind(graph, "package"), "core, core.model, api, app, scripts");

        List<String> cross = new ArrayList<>();
        card.get("cross_module_deps").forEach(c -> cross.add(c.get("from").asText() + ">" + c.get("to").asText() + "="
                + c.get("imports").asInt()));
        assertEquals(List.of("api>core=2", "app>core=2", "app>api=1"), cross);
        assertEquals(List.of("api/src/main/java/com/acme/api/ItemResource.java → com.acme.core.Util",
                "api/src/main/java/com/acme/api/ItemResource.java → com.acme.core.model.Item"),
                texts(card.at("/cross_module_deps/0/examples")));

        JsonNode usage = card.get("library_usage");
        assertEquals(List.of("com.fasterxml.jackson.core:jackson-databind", "org.junit.jupiter:junit-jupiter"),
                names(usage.get("declared_used")));
        assertEquals(List.of("org.apache.commons:commons-lang3"), names(usage.get("declared_unused")),
                "the Quarkus extension and the project's own modules are never 'unused'");
        assertEquals(List.of("com.google.common", "requests"), names(usage.get("used_undeclared")),
                "jakarta.ws.rs comes with Quarkus, java.util and os are standard");
        assertEquals("8 files · 4 modules", card.at("/summary/text").asText());
        assertEquals("degraded", card.at("/summary/level").asText(), "one file does not parse");
        assertTrue(context.discoveredWatchPaths().containsAll(List.of("core/src/", "api/src/", "app/", "scripts/",
                "pom.xml", "core/pom.xml")), context.discoveredWatchPaths().toString());
    }

    @Test
    void qualityFindsThePlantedMethod() throws Exception {
        ObjectNode card = new AuditL2QualityCard().compute(context(fixture()));
        JsonNode worst = card.at("/file_scores/0");
        assertEquals("core/src/main/java/com/acme/core/Legacy.java", worst.get("file").asText());
        assertEquals(7.5, worst.get("score").asDouble(), "10 − 1.5 (function > 60 lines) − 1 (nesting > 4)");
        assertEquals("{\"lines\":124,\"functions\":1,\"longest_function\":120,\"max_nesting\":6,\"max_params\":1,"
                + "\"complexity_max\":7,\"todo\":0}", worst.get("metrics").toString());
        List<String> hotspots = new ArrayList<>();
        card.get("hotspots").forEach(h -> hotspots.add(h.get("type").asText() + "|" + h.get("severity").asText() + "|"
                + h.get("file").asText() + ":" + h.get("line").asInt() + "|" + h.get("detail").asText()));
        assertEquals(List.of(
                "deep_nesting|warning|core/src/main/java/com/acme/core/Legacy.java:4|tangled: nested 6 deep",
                "long_function|warning|core/src/main/java/com/acme/core/Legacy.java:4|tangled: 120 lines"), hotspots);
        assertEquals(8, card.get("file_scores_total").asInt());
        JsonNode naming = card.get("naming");
        assertEquals(14, naming.get("total_symbols").asInt());
        assertEquals(12, naming.get("consistent").asInt());
        assertEquals(0.857, naming.get("consistency_score").asDouble());
        List<String> violations = new ArrayList<>();
        naming.get("violations").forEach(v -> violations.add(v.get("symbol").asText() + "≠" + v.get("expected").asText()));
        assertEquals(List.of("Run_Fast≠camelCase", "doThing≠snake_case"), violations);
        JsonNode summary = card.get("summary");
        assertEquals(8.4, summary.get("overall_score").asDouble(), "(7.5 × 124 + 10 × 73) / 197 lines");
        assertEquals(8.3, summary.at("/per_language/java/score").asDouble());
        assertEquals(10.0, summary.at("/per_language/python/score").asDouble());
        assertEquals("{\"critical\":0,\"warning\":2,\"info\":0}", summary.get("hotspot_summary").toString());
        assertEquals("8.4/10 · 2 hotspots", summary.get("text").asText());
        assertEquals("ok", summary.get("level").asText());
    }

    @Test
    void risksAggregateThePeersAndCheckLinksAndEnvKeys() throws Exception {
        ObjectNode card = new AuditL2RisksCard().compute(context(fixture()));
        JsonNode link = find(card, "links");
        assertEquals("medium", link.get("severity").asText());
        assertEquals("README.md line 3: docs/missing.md", link.get("detail").asText());
        assertEquals("{\"file\":\"README.md\",\"line\":3,\"target\":\"docs/missing.md\"}",
                link.at("/locations/0").toString());
        assertEquals("audit:l2:risks", link.get("source").asText());
        assertEquals(1, card.at("/by_category/links").asInt(), "the link in the code fence and the good one are not findings");
        JsonNode env = find(card, "env");
        assertEquals("2 keys missing from .env.example", env.get("title").asText());
        assertEquals("KEY_B, SECRET_C", env.get("detail").asText(), "names only, never values");
        assertEquals("env", env.get("source").asText());
        JsonNode testing = find(card, "testing");
        assertEquals(List.of("api", "app", "l2-parent"), texts(testing.get("files")), "modules with sources, no tests");
        assertFalse(card.toString().contains("=3"), "no env value is carried");
        // Sorted by severity, summary and posture consistent with the findings.
        List<String> order = List.of("critical", "high", "medium", "info");
        int last = 0;
        for (JsonNode finding : card.get("findings")) {
            int rank = order.indexOf(finding.get("severity").asText());
            assertTrue(rank >= last, "sorted by severity");
            last = rank;
        }
        JsonNode summary = card.get("summary");
        assertEquals(card.get("findings").size(), summary.get("total").asInt());
        double expected = 10 - Math.min(6, summary.get("critical").asInt() * 2.0) - Math.min(4, summary.get("high").asInt())
                - Math.min(2, summary.get("medium").asInt() * 0.3) - Math.min(1, summary.get("info").asInt() * 0.1);
        assertEquals(Math.round(Math.max(0, expected) * 10) / 10.0, card.at("/posture/score").asDouble());
        assertTrue(card.get("action_items").size() <= 5);
        assertEquals(card.at("/findings/0/recommendation").asText(), card.at("/action_items/0").asText());
    }

    @Test
    void enrichedAddsTheThreeL2Dimensions() throws Exception {
        Path root = fixture();
        CardContext context = context(root);
        ObjectNode card = new AuditEnrichedScoresCard().compute(context);
        JsonNode quality = card.get("quality");
        assertTrue(quality.get("enriched").asBoolean());
        JsonNode breakdown = quality.get("breakdown");
        assertEquals(List.of("documentation", "testing", "tooling", "security", "structure", "code_health", "repo_health",
                "risk_posture"), fieldNames(breakdown));
        assertEquals(8.4, breakdown.get("code_health").asDouble());
        assertEquals(0.0, breakdown.get("repo_health").asDouble(), "not a repository");
        assertEquals(context.peer("audit:l2:risks").at("/posture/score").asDouble(), breakdown.get("risk_posture").asDouble());
        double total = 0;
        for (String part : fieldNames(breakdown)) {
            total += breakdown.get(part).asDouble() * quality.at("/weights/" + part).asDouble();
        }
        assertEquals(Math.round(total * 10) / 10.0, quality.get("score").asDouble());
        assertEquals(context.peer("audit:scores").get("complexity"), card.get("complexity"));
        assertEquals("new", card.at("/trend/quality").asText());
        assertTrue(Files.isRegularFile(root.resolve(".state/audit_scores_enriched_history.json")), "its own trend file");
        ObjectNode again = new AuditEnrichedScoresCard().compute(context(root));
        assertEquals("stable", again.at("/trend/quality").asText());
    }

    @Test
    void anEmptyDirectoryGivesTheSameShapes() throws Exception {
        CardContext context = context(dir);
        ObjectNode structure = new AuditL2StructureCard().compute(context);
        assertEquals(0, structure.at("/stats/total_files").asInt());
        assertEquals("none", structure.at("/summary/level").asText());
        assertEquals(0, structure.get("modules").size());
        ObjectNode quality = new AuditL2QualityCard().compute(context);
        assertEquals(0, quality.get("file_scores_total").asInt());
        assertEquals("no source files", quality.at("/summary/text").asText());
        ObjectNode repo = new AuditL2RepoCard().compute(context);
        assertFalse(repo.get("available").asBoolean());
        assertEquals("not a git repository", repo.get("reason").asText());
        assertEquals(0, repo.at("/history/total_commits").asInt());
        ObjectNode risks = new AuditL2RisksCard().compute(context);
        assertTrue(risks.get("findings").isArray());
        assertTrue(risks.at("/posture/grade").isTextual());
    }

    @Test
    void aHostileTreeIsDataNotAFailure() throws Exception {
        TestFiles.write(dir.resolve("src/<script>x</script>.java"), "class A { void m() { int x = " + "(".repeat(20_000)
                + "1" + ")".repeat(20_000) + "; } }\n");
        Files.write(dir.resolve("src/Binary.java"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 0});
        TestFiles.write(dir.resolve("src/Deep.java"), "class D { void m() {" + "if (true) {".repeat(3000)
                + "}".repeat(3000) + "} }\n");
        TestFiles.write(dir.resolve("web/app.js"), "import x from '../../../../etc/passwd';\nfunction a(" + ",b".repeat(100)
                + ") {\n" + "{".repeat(500) + "\n");
        TestFiles.write(dir.resolve("README.md"), "[a](../../outside.md) [b](<with space.md>) [c](%zz)\n");
        Files.createDirectories(dir.resolve("loop"));
        Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop"));
        Files.createSymbolicLink(dir.resolve("src/Escape.java"), Path.of("/etc/hostname"));
        CardContext context = context(dir);
        ObjectNode structure = new AuditL2StructureCard().compute(context);
        assertEquals(4, structure.at("/stats/total_files").asInt(), "the link out of the project is not read");
        assertTrue(structure.at("/stats/parse_errors").asInt() >= 2);
        ObjectNode quality = new AuditL2QualityCard().compute(context);
        assertTrue(quality.toString().contains("src/<script>x</script>.java"), "hostile names are kept as data");
        ObjectNode risks = new AuditL2RisksCard().compute(context);
        assertEquals(3, risks.at("/by_category/links").asInt(), "outside, missing and undecodable targets are broken");
        JSON.writeValueAsString(risks);
    }

    @Test
    void aTreeLargerThanTheCapIsAnalysedInPartAndSaysSo() throws Exception {
        CardContext context = context(fixture());
        ObjectNode structure = new AuditL2StructureCard(3).compute(context);
        JsonNode stats = structure.get("stats");
        assertEquals(3, stats.get("total_files").asInt(), "ItemResource, Broken, Main: the first 3 in path order");
        assertEquals(35, stats.get("total_lines").asInt(), "15 + 6 + 14");
        assertEquals(1, stats.get("parse_errors").asInt());
        assertEquals(8, stats.get("files_total").asInt());
        assertTrue(stats.get("truncated").asBoolean());
        assertEquals("degraded", structure.at("/summary/level").asText());
        assertEquals(List.of("only the first 3 of 8 source files were analysed (controlplane.audit.l2-max-files)"),
                texts(structure.get("warnings")));

        ObjectNode quality = new AuditL2QualityCard(3).compute(context);
        assertEquals(3, quality.get("file_scores_total").asInt());
        assertEquals(0, quality.get("hotspots_total").asInt(), "Legacy.java, the one with hotspots, is not read");
        assertEquals(3, quality.at("/summary/files").asInt());
        assertEquals(8, quality.at("/summary/files_total").asInt());
        assertTrue(quality.at("/summary/truncated").asBoolean());
        assertEquals("degraded", quality.at("/summary/level").asText());
        assertEquals(List.of("only the first 3 of 8 source files were analysed (controlplane.audit.l2-max-files)"),
                texts(quality.get("warnings")));

        ObjectNode full = new AuditL2QualityCard().compute(context);
        assertFalse(full.at("/summary/truncated").asBoolean());
        assertEquals(8, full.at("/summary/files_total").asInt());
        assertEquals(2, full.get("hotspots_total").asInt());
    }

    private static int countKind(JsonNode graph, String kind) {
        int n = 0;
        for (JsonNode node : graph.get("nodes")) {
            n += kind.equals(node.get("kind").asText()) ? 1 : 0;
        }
        return n;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        names.sort(null);
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode card, String category) {
        for (JsonNode finding : card.get("findings")) {
            if (category.equals(finding.get("category").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no " + category + " finding in " + card.get("findings"));
    }
}
