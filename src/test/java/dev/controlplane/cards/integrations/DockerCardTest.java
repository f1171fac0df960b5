package dev.controlplane.cards.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.infra.DockerfileAnalysis;

class DockerCardTest {
    @TempDir
    Path tmp;
    private final DockerCard card = new DockerCard();

    @Test
    void declaresTheSpecifiedContract() {
        assertEquals("docker", card.key());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(40, card.order());
        assertEquals("/api/docker/status", card.alias());
        assertEquals(List.of("Dockerfile*", "docker-compose.yml", "docker-compose.yaml", "compose.yml",
                "compose.yaml", ".dockerignore"), card.watchPaths());
        assertEquals(Set.of(), card.peers());
        assertEquals(Set.of("integrations"), card.scopes());
        assertEquals(Optional.of(Duration.ofMinutes(1)), card.maxAge());
    }

    @Test
    void analysesEveryDockerfileComposeAndDockerignore() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/gitdocker/docker").toURI());
        CardContext ctx = CardContext.standalone(fixture);

        ObjectNode json = card.compute(ctx);

        assertTrue(json.get("has_dockerfile").asBoolean());
        assertEquals(3, json.get("dockerfile_count").asInt());
        JsonNode files = json.get("dockerfiles");
        assertEquals(List.of("Dockerfile", "services/proxy/Containerfile", "services/worker/Dockerfile"),
                texts(files.findValues("path")));

        JsonNode root = files.get(0);
        assertEquals(List.of("maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre"), texts(root.get("base_images")));
        assertEquals(List.of("build", "runtime", "debug"), texts(root.get("stages")));
        assertEquals(List.of("8080", "8443/tcp", "5005"), texts(root.get("ports")));
        assertEquals(List.of(), texts(root.get("warnings")));
        assertEquals("app", root.get("user").asText());

        JsonNode proxy = files.get(1);
        assertEquals(List.of("nginx"), texts(proxy.get("base_images")));
        assertEquals(List.of("0"), texts(proxy.get("stages")));
        assertEquals(List.of("80"), texts(proxy.get("ports")));
        assertEquals(List.of("line 1: base image 'nginx' has no tag (resolves to latest)"), texts(proxy.get("warnings")));

        JsonNode worker = files.get(2);
        assertEquals(List.of("python:latest"), texts(worker.get("base_images")));
        assertEquals(List.of(), texts(worker.get("ports")));
        assertEquals(List.of("line 1: base image 'python:latest' uses the latest tag",
                "line 2: ADD of a remote URL (use ADD --checksum or download in RUN)",
                "no USER in the final stage (the container runs as root)"), texts(worker.get("warnings")));
        assertTrue(worker.get("user").isNull());

        assertTrue(json.get("has_compose").asBoolean());
        assertEquals("docker-compose.yml", json.get("compose_file").asText());
        assertEquals(List.of("api", "worker", "db", "cache"), texts(json.get("compose_services")));
        JsonNode details = json.get("compose_service_details");
        assertService(details.get(0), "api", null, ".", List.of("8080:8080", "8443"), List.of("db", "cache"));
        assertService(details.get(1), "worker", null, "./services/worker", List.of(), List.of("db"));
        assertService(details.get(2), "db", "postgres:16", null, List.of("5433:5432/tcp"), List.of());
        assertService(details.get(3), "cache", "redis:7", null, List.of(), List.of());

        assertTrue(json.get("has_dockerignore").asBoolean());
        assertEquals(List.of("target/", "*.log", ".git", "!target/app.jar"), texts(json.get("dockerignore_patterns")));

        assertEquals(List.of(), texts(json.get("warnings")));
        assertEquals(4, json.get("warning_count").asInt());
        assertEquals("3 Dockerfiles", json.at("/summary/text").asText());
        assertEquals("degraded", json.at("/summary/level").asText());
        assertEquals(Set.of("services/proxy/Containerfile", "services/worker/Dockerfile"), ctx.discoveredWatchPaths());

        String payload = json.toString();
        assertFalse(payload.contains("fixture-password-never-shown"), "compose environment values are never read");
        assertFalse(payload.contains("worker-tool"), "ADD URLs are not echoed (a query string may hold a token)");
        assertCliShape(json);
    }

    @Test
    void emptyDirectoryHasTheFullShapeAndNoBadgeLevel() throws Exception {
        ObjectNode json = card.compute(CardContext.standalone(tmp));

        assertFalse(json.get("has_dockerfile").asBoolean());
        assertEquals(0, json.get("dockerfile_count").asInt());
        assertEquals(0, json.get("dockerfiles").size());
        assertFalse(json.get("has_compose").asBoolean());
        assertTrue(json.get("compose_file").isNull());
        assertEquals(0, json.get("compose_services").size());
        assertEquals(0, json.get("compose_service_details").size());
        assertFalse(json.get("has_dockerignore").asBoolean());
        assertEquals(0, json.get("dockerignore_patterns").size());
        assertEquals(0, json.get("warnings").size());
        assertEquals(0, json.get("warning_count").asInt());
        assertTrue(json.get("missing_tools").isArray());
        assertCliShape(json);
        assertEquals("0 Dockerfiles", json.at("/summary/text").asText());
        assertEquals("none", json.at("/summary/level").asText());
    }

    @Test
    void oneCleanDockerfileIsOk() throws Exception {
        write("Dockerfile", "FROM eclipse-temurin:17-jre@sha256:0123abcd\nUSER 1000\nEXPOSE 8080\n");
        ObjectNode json = card.compute(CardContext.standalone(tmp));
        assertEquals(List.of(), texts(json.at("/dockerfiles/0/warnings")));
        assertEquals("1 Dockerfile", json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
    }

    @Test
    void malformedComposeIsAWarningNotAFailure() throws Exception {
        write("compose.yaml", "services: [unclosed\n  api: {\n");
        write("docker-compose.yml", "services:\n  ignored: {image: x}\n");
        ObjectNode json = card.compute(CardContext.standalone(tmp));
        assertEquals("compose.yaml", json.get("compose_file").asText());
        assertEquals(0, json.get("compose_services").size());
        assertEquals(1, json.get("warnings").size());
        assertTrue(json.at("/warnings/0").asText().startsWith("compose.yaml: invalid YAML"));
        assertEquals("none", json.at("/summary/level").asText(), "no Dockerfile: no level");
    }

    @Test
    void parserHandlesDirectivesVariablesAndRootUsers() {
        DockerfileAnalysis escaped = DockerfileAnalysis.parse(String.join("\n",
                "# escape=`",
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022",
                "RUN powershell -Command `",
                "    Write-Host C:\\path\\",
                "USER ContainerUser"));
        assertEquals(List.of("mcr.microsoft.com/windows/servercore:ltsc2022"), escaped.baseImages());
        assertEquals(List.of(), escaped.warnings());

        DockerfileAnalysis vars = DockerfileAnalysis.parse(String.join("\n",
                "ARG REGISTRY=localhost:5000",
                "FROM ${REGISTRY}/team/base AS base",
                "ENV PORT=9000",
                "EXPOSE ${PORT}",
                "ADD --checksum=sha256:abc https://example.com/a.tgz /opt/",
                "FROM scratch",
                "COPY --from=base /app /app",
                "USER root"));
        assertEquals(List.of("localhost:5000/team/base", "scratch"), vars.baseImages());
        assertEquals(List.of("base", "1"), vars.stages());
        assertEquals(List.of("9000"), vars.ports());
        assertEquals(List.of("line 2: base image 'localhost:5000/team/base' has no tag (resolves to latest)",
                "the final stage runs as root (USER root)"), vars.warnings());

        assertEquals(List.of("no FROM instruction"), DockerfileAnalysis.parse("# only a comment\n").warnings());
    }

    private void write(String rel, String content) throws IOException {
        Path file = tmp.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Tool values depend on the machine: only the shape is asserted. */
    private static void assertCliShape(JsonNode json) {
        JsonNode cli = json.get("cli");
        assertTrue(cli.isObject());
        assertTrue(cli.get("available").isBoolean());
        assertTrue(cli.get("daemon_running").isBoolean());
        assertTrue(cli.get("compose_available").isBoolean());
        assertTrue(cli.get("version").isTextual() || cli.get("version").isNull());
        if (!cli.get("available").asBoolean()) {
            assertEquals("docker", json.at("/missing_tools/0/id").asText());
            assertFalse(cli.get("daemon_running").asBoolean());
        }
    }

    private static void assertService(JsonNode service, String name, String image, String build, List<String> ports,
            List<String> dependsOn) {
        assertEquals(name, service.get("name").asText());
        assertEquals(image, service.get("image").isNull() ? null : service.get("image").asText());
        assertEquals(build, service.get("build").isNull() ? null : service.get("build").asText());
        assertEquals(ports, texts(service.get("ports")));
        assertEquals(dependsOn, texts(service.get("depends_on")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
