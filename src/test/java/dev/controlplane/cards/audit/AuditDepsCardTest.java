package dev.controlplane.cards.audit;

import static dev.controlplane.project.manifests.DepsFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.PeerContexts;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.PackagesCard;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.DepsFixtures;

class AuditDepsCardTest {
    private final AuditDepsCard card = new AuditDepsCard();

    @TempDir
    Path dir;

    private ObjectNode compute(Path root) {
        try {
            return card.compute(PeerContexts.withPeers(card, root, new PackagesCard()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new TreeMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    @Test
    void metadataFollowsTheSpec() {
        assertEquals("audit:deps", card.key());
        assertEquals("/api/audit/dependencies", card.alias());
        assertEquals(Tab.AUDIT, card.tab());
        assertEquals(20, card.order());
        assertEquals(Pref.AUTO, card.defaultPref());
        assertEquals(DependencyReader.MANIFEST_WATCH_PATHS, card.watchPaths());
    }

    @Test
    void polyglotProjectIsDeduplicatedAndClassified() {
        ObjectNode result = compute(DepsFixtures.polyglot());
        assertEquals(53, result.path("total").asInt(), "Django and slf4j-api are declared twice");
        assertEquals(53, result.path("dependencies").size());
        assertEquals(41, result.path("runtime").asInt());
        assertEquals(12, result.path("dev").asInt());
        assertEquals(Map.ofEntries(Map.entry("build", 1), Map.entry("cache", 1), Map.entry("cloud_sdk", 3),
                Map.entry("database_driver", 6), Map.entry("http_client", 5), Map.entry("lint", 4),
                Map.entry("logging", 1), Map.entry("messaging", 2), Map.entry("orm", 2), Map.entry("other", 11),
                Map.entry("serialization", 2), Map.entry("test", 7), Map.entry("ui_framework", 1),
                Map.entry("validation", 1), Map.entry("web_framework", 6)), counts(result.path("categories")));
        assertEquals(List.of("Ruby on Rails", "Quarkus", "Express", "FastAPI", "Django", "Gin"),
                texts(result.path("frameworks")));
        assertEquals(Map.of("go", 3, "java", 11, "javascript", 8, "python", 14, "ruby", 9, "rust", 8),
                counts(result.path("ecosystems")));
        assertEquals(0, result.path("warnings").size());
        assertEquals("53 deps", result.path("summary").path("text").asText());
        assertEquals("ok", result.path("summary").path("level").asText());
    }

    @Test
    void everyDependencyHasItsCategory() {
        List<String> rows = new ArrayList<>();
        for (JsonNode d : compute(DepsFixtures.polyglot()).path("dependencies")) {
            if (!"other".equals(d.path("category").asText())) {
                rows.add(d.path("ecosystem").asText() + " " + d.path("name").asText() + " = " + d.path("category").asText());
            }
        }
        assertEquals(List.of(
                "ruby rails = web_framework", "ruby pg = database_driver", "ruby sidekiq = messaging",
                "ruby rspec-rails = test", "ruby rubocop = lint", "ruby aws-sdk-s3 = cloud_sdk",
                "java io.quarkus:quarkus-rest = web_framework", "java io.quarkus:quarkus-rest-client = http_client",
                "java com.fasterxml.jackson.core:jackson-databind = serialization",
                "java org.junit.jupiter:junit-jupiter = test",
                "rust serde = serialization", "rust reqwest = http_client", "rust ureq = http_client",
                "rust criterion = test",
                "java io.quarkus:quarkus-hibernate-orm-panache = orm", "java org.postgresql:postgresql = database_driver",
                "java software.amazon.awssdk:s3 = cloud_sdk", "java io.quarkus:quarkus-junit = test",
                "java org.slf4j:slf4j-api = logging",
                "javascript express = web_framework", "javascript pg = database_driver", "javascript axios = http_client",
                "javascript react = ui_framework", "javascript jest = test", "javascript eslint = lint",
                "javascript typescript = build",
                "python fastapi = web_framework", "python SQLAlchemy = orm", "python pydantic = validation",
                "python mypy = lint", "python asyncpg = database_driver",
                "python pytest = test", "python ruff = lint", "python Django = web_framework",
                "python redis = cache", "python celery = messaging", "python requests = http_client",
                "python psycopg2-binary = database_driver", "python boto3 = cloud_sdk",
                "go github.com/gin-gonic/gin = web_framework", "go github.com/jackc/pgx/v5 = database_driver",
                "go github.com/stretchr/testify = test"), rows);
    }

    @Test
    void aDependencyDeclaredTwiceIsRuntimeWhenAnyDeclarationIs() {
        JsonNode slf4j = null;
        for (JsonNode d : compute(DepsFixtures.polyglot()).path("dependencies")) {
            if (d.path("name").asText().equals("org.slf4j:slf4j-api")) {
                slf4j = d;
            }
        }
        assertEquals("2.0.13", slf4j.path("version").asText());
        assertEquals(false, slf4j.path("dev").asBoolean(), "test scope in core, compile scope in the parent");
        assertEquals("java", slf4j.path("ecosystem").asText());
        assertEquals("core/pom.xml", slf4j.path("source_file").asText());
        assertEquals(List.of("core/pom.xml", "pom.xml"), texts(slf4j.path("source_files")));
        assertEquals("logging", slf4j.path("category").asText());
    }

    @Test
    void malformedManifestsDegradeTheBadge() {
        ObjectNode result = compute(DepsFixtures.malformed());
        assertEquals(4, result.path("total").asInt());
        assertEquals(10, result.path("warnings").size());
        assertEquals("4 deps", result.path("summary").path("text").asText());
        assertEquals("degraded", result.path("summary").path("level").asText());
    }

    @Test
    void aTypicalQuarkusServiceIsMostlyClassified() {
        ObjectNode result = compute(dev.controlplane.testing.TestFiles.copyFixture("quarkus-service"));
        assertEquals(49, result.path("total").asInt(), "two services, shared extensions counted once");
        List<String> other = new ArrayList<>();
        result.path("dependencies").forEach(d -> {
            if ("other".equals(d.path("category").asText())) {
                other.add(d.path("name").asText());
            }
        });
        assertTrue(other.size() * 5 <= result.path("total").asInt(), "at most 20 % other, got " + other);
        Map<String, Integer> categories = counts(result.path("categories"));
        assertEquals(15, categories.get("test"), "JUnit, REST Assured, Pact, WireMock, companions ...");
        assertEquals(List.of(), other, "every dependency of the fixture is known");
        JsonNode byName = byName(result);
        assertEquals("orm", byName.path("io.quarkus:quarkus-hibernate-reactive-panache").asText());
        assertEquals("database_driver", byName.path("io.quarkus:quarkus-reactive-pg-client").asText());
        assertEquals("observability", byName.path("io.quarkus:quarkus-micrometer-registry-prometheus").asText());
        assertEquals("deployment", byName.path("io.quarkus:quarkus-container-image-docker").asText());
        assertEquals("messaging", byName.path("io.quarkus:quarkus-messaging-kafka").asText());
        assertEquals("api_docs", byName.path("io.quarkus:quarkus-smallrye-openapi").asText());
        assertEquals("resilience", byName.path("io.quarkus:quarkus-smallrye-fault-tolerance").asText());
        assertEquals("security", byName.path("io.quarkus:quarkus-oidc").asText());
        assertEquals("ai", byName.path("io.quarkiverse.langchain4j:quarkus-langchain4j-openai").asText());
        assertEquals("framework", byName.path("io.quarkus:quarkus-info").asText(), "the family's catch-all");
        assertEquals(List.of("Quarkus"), texts(result.path("frameworks")));
    }

    private static JsonNode byName(JsonNode result) {
        ObjectNode names = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        result.path("dependencies").forEach(d -> names.put(d.path("name").asText(), d.path("category").asText()));
        return names;
    }

    @Test
    void emptyDirectoryHasTheFullShape() {
        ObjectNode result = compute(dir);
        assertTrue(result.path("dependencies").isArray());
        assertEquals(0, result.path("dependencies").size());
        assertTrue(result.path("total").isInt());
        assertEquals(0, result.path("total").asInt());
        assertTrue(result.path("runtime").isInt());
        assertEquals(0, result.path("runtime").asInt());
        assertTrue(result.path("dev").isInt());
        assertEquals(0, result.path("dev").asInt());
        assertTrue(result.path("categories").isObject());
        assertEquals(0, result.path("categories").size());
        assertTrue(result.path("frameworks").isArray());
        assertEquals(0, result.path("frameworks").size());
        assertTrue(result.path("ecosystems").isObject());
        assertEquals(0, result.path("ecosystems").size());
        assertTrue(result.path("warnings").isArray());
        assertEquals(0, result.path("warnings").size());
        assertEquals("0 deps", result.path("summary").path("text").asText());
        assertEquals("none", result.path("summary").path("level").asText());
    }
}
