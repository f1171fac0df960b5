package dev.controlplane.cards.devops;

import static dev.controlplane.project.manifests.DepsFixtures.texts;
import static dev.controlplane.project.manifests.DepsFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.DepsFixtures;

class PackagesCardTest {
    private final PackagesCard card = new PackagesCard();

    @TempDir
    Path dir;

    private ObjectNode compute(Path root) {
        return card.compute(CardContext.standalone(root));
    }

    /** id | dependency_files | lock_files | has_lock | unlocked_files | dependency_count, per manager. */
    private static List<String> managers(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode m : result.path("managers")) {
            rows.add(m.path("id").asText() + " | " + texts(m.path("dependency_files")) + " | "
                    + texts(m.path("lock_files")) + " | " + m.path("has_lock").asBoolean() + " | "
                    + texts(m.path("unlocked_files")) + " | " + m.path("dependency_count").asInt());
        }
        return rows;
    }

    @Test
    void metadataFollowsTheSpec() {
        assertEquals("packages", card.key());
        assertEquals("/api/packages/status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(40, card.order());
        assertEquals(Pref.AUTO, card.defaultPref());
        assertEquals(Set.of(), card.peers());
        assertTrue(card.watchPaths().containsAll(List.of("requirements.txt", "requirements-dev.txt", "pyproject.toml",
                "Pipfile", "package.json", "package-lock.json", "Cargo.toml", "go.mod", "pom.xml", "build.gradle",
                "build.gradle.kts", "Gemfile")));
        assertTrue(card.watchPaths().containsAll(List.of("yarn.lock", "go.sum", "Cargo.lock", "Gemfile.lock", "mvnw")));
    }

    @Test
    void polyglotProject() {
        ObjectNode result = compute(DepsFixtures.polyglot());
        assertEquals(List.of(
                "pip | [common.txt, pyproject.toml, requirements-dev.txt, requirements.txt] | [] | false"
                        + " | [common.txt, pyproject.toml, requirements-dev.txt, requirements.txt] | 15",
                "npm | [package.json] | [package-lock.json] | true | [] | 8",
                "go | [svc-go/go.mod] | [svc-go/go.sum] | true | [] | 3",
                "cargo | [cli-rs/Cargo.toml] | [] | false | [cli-rs/Cargo.toml] | 8",
                "maven | [api/pom.xml, core/pom.xml, pom.xml] | [] | true | [] | 12",
                "bundler | [Gemfile] | [] | false | [Gemfile] | 9"), managers(result));
        assertEquals(6, result.path("total_managers").asInt());
        assertEquals(55, result.path("total_dependencies").asInt());
        assertEquals(55, result.path("dependencies").size());
        assertEquals(41, result.path("runtime_dependencies").asInt());
        assertEquals(14, result.path("dev_dependencies").asInt());
        assertEquals("6 managers", result.path("summary").path("text").asText());
        assertEquals("degraded", result.path("summary").path("level").asText(), "cargo, bundler and pip lack locks");
        assertEquals(0, result.path("warnings").size());

        JsonNode maven = result.path("managers").get(4);
        assertEquals("Maven", maven.path("name").asText());
        assertEquals("mvn", maven.path("cli").asText(), "no wrapper in the fixture");
        assertTrue(maven.path("cli_available").isBoolean());

        JsonNode junit = result.path("dependencies").get(13);
        assertEquals("org.junit.jupiter:junit-jupiter", junit.path("name").asText());
        assertEquals("5.10.2", junit.path("version").asText());
        assertTrue(junit.path("dev").asBoolean());
        assertEquals("maven", junit.path("manager").asText());
        assertEquals("api/pom.xml", junit.path("source_file").asText());
    }

    @Test
    void missingToolsListExactlyTheManagersWithoutACli() {
        ObjectNode result = compute(DepsFixtures.polyglot());
        List<String> missing = new ArrayList<>();
        result.path("missing_tools").forEach(tool -> {
            assertTrue(tool.path("label").isTextual() && tool.path("install_hint").isTextual());
            missing.add(tool.path("id").asText());
        });
        List<String> unavailable = new ArrayList<>();
        result.path("managers").forEach(m -> {
            if (!m.path("cli_available").asBoolean()) {
                unavailable.add(m.path("cli").asText());
            }
        });
        assertEquals(unavailable, missing);
    }

    @Test
    void nestedManifestsAndTheirLockSlotsAreWatched() {
        CardContext context = CardContext.standalone(DepsFixtures.polyglot());
        card.compute(context);
        assertTrue(context.discoveredWatchPaths().containsAll(List.of("api/pom.xml", "core/pom.xml", "svc-go/go.mod",
                "svc-go/go.sum", "cli-rs/Cargo.toml", "cli-rs/Cargo.lock", "Gemfile.lock", "common.txt")),
                context.discoveredWatchPaths().toString());
    }

    @Test
    void everyManagerLockedIsOk() throws IOException {
        write(dir, "package.json", "{\"dependencies\": {\"express\": \"^4.19.2\"}}");
        write(dir, "package-lock.json", "{}");
        write(dir, "crates/a/Cargo.toml", "[dependencies]\nserde = \"1\"\n");
        write(dir, "Cargo.lock", "version = 3\n"); // workspace lock at the root covers the member
        write(dir, "pom.xml", "<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1.0</version></dependency></dependencies></project>");
        write(dir, "mvnw", "#!/bin/sh\n");
        write(dir, "requirements.txt", "flask==3.0.3\nrequests==2.32.3\n"); // fully pinned: a lock
        write(dir, "tool/go.mod", "module example.com/tool\n\ngo 1.22\n"); // nothing to lock
        ObjectNode result = compute(dir);
        assertEquals(List.of("pip | [requirements.txt] | [] | true | [] | 2",
                "npm | [package.json] | [package-lock.json] | true | [] | 1",
                "go | [tool/go.mod] | [] | true | [] | 0",
                "cargo | [crates/a/Cargo.toml] | [Cargo.lock] | true | [] | 1",
                "maven | [pom.xml] | [] | true | [] | 1"), managers(result));
        assertEquals("5 managers", result.path("summary").path("text").asText());
        assertEquals("ok", result.path("summary").path("level").asText());
        JsonNode maven = result.path("managers").get(4);
        assertEquals("./mvnw", maven.path("cli").asText());
        assertTrue(maven.path("cli_available").asBoolean(), "the project's wrapper counts as the CLI");
    }

    @Test
    void floatingVersionsAndMissingGoSumAreNotLocked() throws IOException {
        write(dir, "pom.xml", "<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>[1.0,2.0)</version></dependency></dependencies></project>");
        write(dir, "build.gradle", "dependencies { implementation 'g:b:1.+' }\n");
        write(dir, "svc/go.mod", "module x\n\nrequire github.com/lib/pq v1.10.9\n");
        ObjectNode result = compute(dir);
        assertEquals(List.of("go | [svc/go.mod] | [] | false | [svc/go.mod] | 1",
                "maven | [pom.xml] | [] | false | [pom.xml] | 1",
                "gradle | [build.gradle] | [] | false | [build.gradle] | 1"), managers(result));
        assertEquals("degraded", result.path("summary").path("level").asText());
        write(dir, "gradle.lockfile", "g:b:1.4=compileClasspath\n");
        write(dir, "svc/go.sum", "github.com/lib/pq v1.10.9 h1:x=\n");
        assertEquals(List.of("go | [svc/go.mod] | [svc/go.sum] | true | [] | 1",
                "maven | [pom.xml] | [] | false | [pom.xml] | 1",
                "gradle | [build.gradle] | [gradle.lockfile] | true | [] | 1"), managers(compute(dir)));
    }

    @Test
    void malformedManifestsAreWarningsNotFailures() {
        ObjectNode result = compute(DepsFixtures.malformed());
        assertEquals(10, result.path("warnings").size());
        assertEquals(6, result.path("total_managers").asInt());
        assertEquals(4, result.path("total_dependencies").asInt());
        assertEquals("6 managers", result.path("summary").path("text").asText());
    }

    @Test
    void emptyDirectoryHasTheFullShape() {
        ObjectNode result = compute(dir);
        assertTrue(result.path("managers").isArray());
        assertEquals(0, result.path("managers").size());
        assertEquals(0, result.path("total_managers").asInt());
        assertTrue(result.path("total_managers").isInt());
        assertTrue(result.path("dependencies").isArray());
        assertEquals(0, result.path("dependencies").size());
        assertEquals(0, result.path("total_dependencies").asInt());
        assertTrue(result.path("total_dependencies").isInt());
        assertTrue(result.path("runtime_dependencies").isNumber());
        assertTrue(result.path("dev_dependencies").isNumber());
        assertTrue(result.path("warnings").isArray());
        assertEquals(0, result.path("warnings").size());
        assertTrue(result.path("missing_tools").isArray());
        assertEquals(0, result.path("missing_tools").size());
        assertEquals("0 managers", result.path("summary").path("text").asText());
        assertEquals("none", result.path("summary").path("level").asText());
    }

    @Test
    void oneManagerBadgeIsSingular() throws IOException {
        Files.writeString(dir.resolve("Gemfile"), "gem 'rails'\n");
        assertEquals("1 manager", compute(dir).path("summary").path("text").asText());
    }
}
