package dev.controlplane.cards.integrations;

import static dev.controlplane.cards.devops.InfraFixture.assertSameShape;
import static dev.controlplane.cards.devops.InfraFixture.json;
import static dev.controlplane.cards.devops.InfraFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.InfraFixture;

class PagesCardTest {
    private static final String NO_BUILD = "{'exists': false, 'status': '', 'built_at': 0.0, 'duration_s': 0.0, 'error': ''}";

    private final PagesCard card = new PagesCard();

    private ObjectNode compute(Path root) {
        return card.compute(CardContext.standalone(root));
    }

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("pages", card.key());
        assertEquals("/api/pages/segments", card.alias());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(50, card.order(), "fifth row of the Integrations table");
        assertEquals(Set.of("integrations"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(List.of("project.yml", ".pages/"), card.watchPaths());
    }

    @Test
    void reportsSegmentsAndTheirLastBuildOfTheFixture() {
        ObjectNode result = compute(InfraFixture.root());

        assertEquals("project.yml", result.get("config_file").asText());
        // built_at "2024-05-01T12:00:00Z" becomes epoch seconds, like every time on the wire.
        assertEquals(json("""
                [{'name': 'docs', 'source': 'docs/site', 'builder': 'mkdocs', 'path': '/docs', 'source_exists': true,
                  'build': {'exists': true, 'status': 'success', 'built_at': 1714564800.0, 'duration_s': 12.5,
                            'error': ''}},
                 {'name': 'blog', 'source': 'blog', 'builder': 'hugo', 'path': '/blog', 'source_exists': true,
                  'build': %s}]
                """.formatted(NO_BUILD)), result.get("segments"));
        assertEquals(2, result.get("total_segments").asInt());
        assertEquals(1, result.get("built_segments").asInt());
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '2 segments', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void emptyProjectHasTheFullShapeWithEmptyValues(@TempDir Path empty) {
        ObjectNode result = compute(empty);

        assertSameShape(compute(InfraFixture.root()), result);
        assertEquals("", result.get("config_file").asText());
        assertEquals(json("[]"), result.get("segments"));
        assertEquals(0, result.get("total_segments").asInt());
        assertEquals(0, result.get("built_segments").asInt());
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '0 segments', 'level': 'none'}"), result.get("summary"));
    }

    @Test
    void aFailedBuildDegradesTheCardAndEpochTimesAreKept(@TempDir Path root) {
        write(root, "project.yml", "pages:\n  segments:\n    - {name: site, source: site, builder: vite, path: /}\n");
        write(root, ".pages/site/build.json", """
                {"status": "failed", "built_at": 1700000000.5, "duration_s": 3, "error": "vite: command not found"}
                """);

        ObjectNode result = compute(root);

        assertEquals(json("""
                {'exists': true, 'status': 'failed', 'built_at': 1700000000.5, 'duration_s': 3.0,
                 'error': 'vite: command not found'}
                """), result.at("/segments/0/build"));
        assertEquals(false, result.at("/segments/0/source_exists").asBoolean());
        assertEquals(json("{'text': '1 segment', 'level': 'degraded'}"), result.get("summary"));
    }

    @Test
    void unsafeNamesAndBrokenFilesAreWarnings(@TempDir Path root) {
        write(root, "project.yaml", """
                pages:
                  segments:
                    - {name: ../../etc, source: x}
                    - {source: nameless}
                    - {name: ok, source: ../outside}
                """);
        write(root, ".pages/ok/build.json", "{not json");
        CardContext ctx = CardContext.standalone(root);

        ObjectNode result = card.compute(ctx);

        assertEquals("project.yaml", result.get("config_file").asText());
        assertEquals(2, result.get("total_segments").asInt());
        assertEquals(json(NO_BUILD), result.at("/segments/0/build"));
        assertEquals(false, result.at("/segments/1/source_exists").asBoolean(), "outside the project");
        List<String> warnings = new ArrayList<>();
        result.get("warnings").forEach(w -> warnings.add(w.asText()));
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals("project.yaml: pages.segments #2 has no name, ignored", warnings.get(0));
        assertEquals("pages segment \"../../etc\": not usable as a directory name, build not read", warnings.get(1));
        assertEquals(true, warnings.get(2).startsWith(".pages/ok/build.json: invalid JSON"), warnings.get(2));
        assertEquals("degraded", result.at("/summary/level").asText());
        assertEquals(Set.of("project.yaml"), ctx.discoveredWatchPaths());
    }

    @Test
    void segmentsMayBeAMapKeyedByName(@TempDir Path root) {
        write(root, "project.yml", "pages:\n  segments:\n    api-docs: {source: api, builder: redoc, path: /api}\n");

        ObjectNode result = compute(root);

        assertEquals(json("""
                [{'name': 'api-docs', 'source': 'api', 'builder': 'redoc', 'path': '/api', 'source_exists': false,
                  'build': %s}]
                """.formatted(NO_BUILD)), result.get("segments"));
    }
}
