package dev.controlplane.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.TestFiles;
import io.quarkus.arc.All;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every card together, on an empty directory, on a hostile tree and on the sample project: none fails, each
 * keeps one shape whatever the project (same fields, same JSON types), and each has its badge. The cards are
 * the ones the app registers (CDI), so a new card is covered here without touching this test.
 */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class) // the other @QuarkusTests' project: one app start for all
class AllCardsTest {

    @Inject
    @All
    List<Card> registered;

    private Map<String, Card> cards() {
        Map<String, Card> byKey = new LinkedHashMap<>();
        registered.forEach(card -> byKey.put(card.key(), card));
        return byKey;
    }

    /** Computes every card, peers included (each computed once), as the cache would. */
    private Map<String, ObjectNode> computeAll(Path root) throws Exception {
        Map<String, Card> cards = cards();
        Map<String, ObjectNode> results = new HashMap<>();
        CardContext.Peers[] peers = new CardContext.Peers[1];
        peers[0] = key -> {
            ObjectNode done = results.get(key);
            if (done == null) {
                Card card = cards.get(key);
                done = card.compute(new CardContext(root, root.resolve(".state"), 8, ToolRunner.DEFAULT_TIMEOUT,
                        card.peers(), peers[0]));
                results.put(key, done);
            }
            return done;
        };
        for (String key : cards.keySet()) {
            peers[0].get(key);
        }
        return results;
    }

    @Test
    void everyCardKeepsOneShapeFromAnEmptyDirectoryToARealProject(@TempDir Path empty) throws Exception {
        Path sample = TestFiles.copyFixture("sample-project");
        try {
            Map<String, ObjectNode> onEmpty = computeAll(empty);
            Map<String, ObjectNode> onSample = computeAll(sample);
            assertEquals(cards().keySet(), onEmpty.keySet(), "every card computed");
            for (String key : onSample.keySet()) {
                List<String> differences = new ArrayList<>();
                compareShape(key, onSample.get(key), onEmpty.get(key), differences);
                assertEquals(List.of(), differences, key + " changes shape on an empty project");
                assertBadge(key, onEmpty.get(key));
            }
        } finally {
            TestFiles.deleteQuietly(sample);
        }
    }

    /** Field names and JSON types of {@code expected} also in {@code actual} (recursively in objects). */
    private static void compareShape(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null) {
            out.add(path + " missing");
            return;
        }
        JsonNodeType want = kind(expected);
        JsonNodeType got = kind(actual);
        if (want != got && want != JsonNodeType.NULL && got != JsonNodeType.NULL) {
            out.add(path + ": " + want + " vs " + got);
            return;
        }
        // An empty object on the empty project is a map with no entries ({kind: n}, {ecosystem: n}).
        if (expected.isObject() && actual.isObject() && actual.size() > 0) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                compareShape(path + "." + name, expected.get(name), actual.get(name), out);
            }
        }
    }

    private static JsonNodeType kind(JsonNode node) {
        return node.isNumber() ? JsonNodeType.NUMBER : node.getNodeType();
    }

    private static void assertBadge(String key, JsonNode card) {
        JsonNode summary = card.get("summary");
        assertTrue(summary != null && summary.get("text").isTextual() && !summary.get("text").asText().isBlank(),
                key + " has a badge text");
        assertTrue(List.of("ok", "degraded", "failed", "none").contains(summary.get("level").asText()),
                key + " has a badge level");
    }

    @Test
    void aHostileTreeBreaksNoCard(@TempDir Path root) throws Exception {
        TestFiles.copyTree(Path.of("src/test/resources/fixtures/sample-project"), root);
        TestFiles.write(root.resolve("src/<script>alert(1)</script>.py"), "KEY = \"AKIAIOSFODNN7EXAMPLE\"\n");
        TestFiles.write(root.resolve("docs/with space & ümlaut ✓.md"), "# Ünïcode\n");
        TestFiles.write(root.resolve("tests/test_\"quoted\".py"), "def test_q():\n    pass\n");
        TestFiles.write(root.resolve("k8s/broken.yaml"), "kind: [unclosed\n  - {\n");
        TestFiles.write(root.resolve("package.json"), "{ not json");
        Files.createDirectories(root.resolve("loop"));
        Files.createSymbolicLink(root.resolve("loop/self"), root.resolve("loop"));
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/etc"));
        Path locked = Files.createDirectories(root.resolve("src/locked"));
        TestFiles.write(locked.resolve("secret.txt"), "x");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            long started = System.nanoTime();
            Map<String, ObjectNode> results = computeAll(root);
            assertTrue(System.nanoTime() - started < Duration.ofMinutes(2).toNanos(), "no card loops");
            assertEquals(cards().keySet(), results.keySet(), "every card computed");
            results.forEach(AllCardsTest::assertBadge);
            JsonNode finding = results.get("security").get("findings").get(0);
            assertEquals("src/<script>alert(1)</script>.py", finding.get("file").asText(),
                    "hostile names are data, kept as they are (the page escapes them)");
            assertTrue(results.get("k8s").get("warnings").toString().contains("broken.yaml"));
            assertTrue(!results.toString().contains("root:x:0:0"), "nothing read through a link out of the project");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theRegistryPrintsTheDependencyGraphDerivedFromPeers() {
        // The graph docs/architecture.md shows: every edge comes from one peers() declaration.
        CardRegistry registry = new CardRegistry(List.copyOf(cards().values()));
        assertEquals("""
                github <- gh-runs, gh-pulls
                ci <- gh-runs
                gh-workflows <- gh-runs
                project-status <- k8s, terraform, dns, git, github, ci, docker, pages
                audit:deps <- packages
                audit:clients <- packages
                audit:scores <- security, testing, quality, docs, audit:deps, audit:structure, audit:clients
                audit:l2:structure <- audit:deps
                audit:l2:risks <- security, testing, packages, env, docs
                audit:scores:enriched <- audit:scores, audit:l2:structure, audit:l2:quality, audit:l2:repo, audit:l2:risks
                """, registry.graph().describe());
    }

    @Test
    void theRegistryRefusesDuplicateKeys() throws IOException {
        List<Card> twice = new ArrayList<>(registered);
        Card docs = cards().get("docs");
        twice.add(docs);
        try {
            new CardRegistry(twice);
            throw new AssertionError("duplicate keys accepted");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("docs"));
        }
    }
}
