package dev.controlplane.cards.audit;

import static dev.controlplane.project.manifests.DepsFixtures.texts;
import static dev.controlplane.project.manifests.DepsFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

class AuditClientsCardTest {
    private final AuditClientsCard card = new AuditClientsCard();

    @TempDir
    Path dir;

    private ObjectNode compute(Path root) {
        try {
            return card.compute(PeerContexts.withPeers(card, root, new PackagesCard()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void metadataFollowsTheSpec() {
        assertEquals("audit:clients", card.key());
        assertEquals("/api/audit/clients", card.alias());
        assertEquals(Tab.AUDIT, card.tab());
        assertEquals(40, card.order());
        assertEquals(Pref.AUTO, card.defaultPref());
        assertEquals(DependencyReader.MANIFEST_WATCH_PATHS, card.watchPaths());
    }

    @Test
    void polyglotProjectClients() {
        ObjectNode result = compute(DepsFixtures.polyglot());
        List<String> rows = new ArrayList<>();
        for (JsonNode c : result.path("clients")) {
            rows.add(String.join(" | ", c.path("name").asText(), c.path("service").asText(), c.path("type").asText(),
                    c.path("ecosystem").asText(), c.path("source_file").asText()));
        }
        assertEquals(List.of(
                "pg | PostgreSQL | database | ruby | Gemfile",
                "sidekiq | Redis | queue | ruby | Gemfile",
                "aws-sdk-s3 | AWS | cloud | ruby | Gemfile",
                "io.quarkus:quarkus-rest-client | HTTP APIs | http | java | api/pom.xml",
                "reqwest | HTTP APIs | http | rust | cli-rs/Cargo.toml",
                "ureq | HTTP APIs | http | rust | cli-rs/Cargo.toml",
                "org.postgresql:postgresql | PostgreSQL | database | java | core/pom.xml",
                "software.amazon.awssdk:s3 | AWS | cloud | java | core/pom.xml",
                "pg | PostgreSQL | database | javascript | package.json",
                "axios | HTTP APIs | http | javascript | package.json",
                "asyncpg | PostgreSQL | database | python | pyproject.toml",
                "redis | Redis | cache | python | common.txt",
                "celery | Celery broker | queue | python | common.txt",
                "requests | HTTP APIs | http | python | requirements.txt",
                "psycopg2-binary | PostgreSQL | database | python | requirements.txt",
                "boto3 | AWS | cloud | python | requirements.txt",
                "github.com/jackc/pgx/v5 | PostgreSQL | database | go | svc-go/go.mod"), rows);
        Map<String, List<String>> byService = new LinkedHashMap<>();
        result.path("by_service").properties().forEach(e -> byService.put(e.getKey(), texts(e.getValue())));
        assertEquals(List.of("AWS", "Celery broker", "HTTP APIs", "PostgreSQL", "Redis"), List.copyOf(byService.keySet()));
        assertEquals(List.of("aws-sdk-s3", "software.amazon.awssdk:s3", "boto3"), byService.get("AWS"));
        assertEquals(List.of("pg", "org.postgresql:postgresql", "pg", "asyncpg", "psycopg2-binary",
                "github.com/jackc/pgx/v5"), byService.get("PostgreSQL"));
        assertEquals(List.of("sidekiq", "redis"), byService.get("Redis"));
        assertEquals(Map.of("cache", 1, "cloud", 3, "database", 6, "http", 5, "queue", 2), Map.of(
                "cache", result.path("by_type").path("cache").asInt(), "cloud", result.path("by_type").path("cloud").asInt(),
                "database", result.path("by_type").path("database").asInt(),
                "http", result.path("by_type").path("http").asInt(), "queue", result.path("by_type").path("queue").asInt()));
        assertEquals(5, result.path("by_type").size());
        assertEquals(17, result.path("total").asInt());
        assertEquals(5, result.path("total_services").asInt());
        assertEquals("17 clients", result.path("summary").path("text").asText());
        assertEquals("ok", result.path("summary").path("level").asText());
    }

    @Test
    void emailPaymentsAndObservabilityClients() throws IOException {
        write(dir, "package.json", """
                {"dependencies": {"stripe": "^15.0.0", "@sendgrid/mail": "^8.1.0", "@sentry/node": "^8.0.0",
                 "lodash": "^4.17.21"}, "devDependencies": {"@aws-sdk/client-s3": "^3.590.0"}}
                """);
        ObjectNode result = compute(dir);
        assertEquals(4, result.path("total").asInt(), "lodash is no client");
        assertEquals(List.of("AWS", "SendGrid", "Sentry", "Stripe"), List.copyOf(
                iterableKeys(result.path("by_service"))));
        assertEquals(1, result.path("by_type").path("email").asInt());
        assertEquals(1, result.path("by_type").path("payments").asInt());
        assertEquals(1, result.path("by_type").path("observability").asInt());
        assertEquals(1, result.path("by_type").path("cloud").asInt());
        JsonNode aws = result.path("clients").get(3);
        assertEquals("@aws-sdk/client-s3", aws.path("name").asText());
        assertTrue(aws.path("dev").asBoolean());
    }

    private static List<String> iterableKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void oneClientBadgeIsSingular() throws IOException {
        write(dir, "requirements.txt", "boto3==1.34.0\nclick==8.1.7\n");
        ObjectNode result = compute(dir);
        assertEquals("1 client", result.path("summary").path("text").asText());
        assertEquals(List.of("boto3"), texts(result.path("by_service").path("AWS")));
    }

    @Test
    void malformedManifestsDegradeTheBadge() {
        ObjectNode result = compute(DepsFixtures.malformed());
        assertEquals(0, result.path("total").asInt());
        assertEquals(10, result.path("warnings").size());
        assertEquals("0 clients", result.path("summary").path("text").asText());
        assertEquals("degraded", result.path("summary").path("level").asText());
    }

    @Test
    void emptyDirectoryHasTheFullShape() {
        ObjectNode result = compute(dir);
        assertTrue(result.path("clients").isArray());
        assertEquals(0, result.path("clients").size());
        assertTrue(result.path("by_service").isObject());
        assertEquals(0, result.path("by_service").size());
        assertTrue(result.path("by_type").isObject());
        assertEquals(0, result.path("by_type").size());
        assertTrue(result.path("total").isInt());
        assertEquals(0, result.path("total").asInt());
        assertEquals(0, result.path("total_services").asInt());
        assertTrue(result.path("warnings").isArray());
        assertEquals(0, result.path("warnings").size());
        assertEquals("0 clients", result.path("summary").path("text").asText());
        assertEquals("none", result.path("summary").path("level").asText());
    }
}
