package dev.controlplane.cards.audit;

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
import dev.controlplane.cards.Tab;

class AuditSystemCardTest {
    private static final Set<String> CATEGORIES = Set.of("vcs", "container", "kubernetes", "iac", "cloud",
            "language", "build", "package", "database");

    @TempDir
    Path tmp;
    private final AuditSystemCard card = new AuditSystemCard();

    @Test
    void declaresTheSpecifiedContract() {
        assertEquals("audit:system", card.key());
        assertEquals(Tab.AUDIT, card.tab());
        assertEquals(10, card.order());
        assertEquals("/api/audit/system", card.alias());
        assertEquals(List.of("project.yml", "stacks/"), card.watchPaths());
        assertEquals(Set.of(), card.peers());
        assertEquals(Set.of("audit"), card.scopes());
        assertTrue(card.maxAge().isEmpty());
    }

    @Test
    void emptyDirectoryReportsTheMachineAndNoManifests() throws Exception {
        CardContext ctx = CardContext.standalone(tmp);
        ObjectNode json = card.compute(ctx);

        assertMachineShape(json);
        assertEquals(0, json.get("manifests").size());
        assertTrue(json.get("project_name").isNull());
        assertEquals(0, json.get("stacks").size());
        assertEquals(0, json.get("warnings").size());
        assertEquals(json.get("tools_available").asInt() + "/31 tools", json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
        // Manifests that do not exist yet are watched too: creating one changes the card.
        assertTrue(ctx.discoveredWatchPaths().containsAll(List.of("pom.xml", "package.json", "go.mod")));
    }

    @Test
    void listsManifestsProjectNameAndStacks() throws Exception {
        write("pom.xml", "<project/>");
        write("package.json", "{}");
        write("Makefile", "all:\n");
        write("project.yml", "name: control-plane-demo\nenvironments: [dev, prod]\n");
        write("stacks/python-lib/stack.yml", "kind: python\n");
        write("stacks/node-app.yml", "kind: node\n");
        write("stacks/.hidden", "x\n");

        ObjectNode json = card.compute(CardContext.standalone(tmp));

        assertEquals(List.of("project.yml", "pom.xml", "package.json", "Makefile"), texts(json.get("manifests")));
        assertEquals("control-plane-demo", json.get("project_name").asText());
        assertEquals(List.of("node-app", "python-lib"), texts(json.get("stacks")));
        assertEquals(0, json.get("warnings").size());
    }

    @Test
    void malformedProjectYamlIsAWarning() throws Exception {
        write("project.yml", "name: [unclosed\n");
        ObjectNode json = card.compute(CardContext.standalone(tmp));
        assertTrue(json.get("project_name").isNull());
        assertEquals(1, json.get("warnings").size());
        assertTrue(json.at("/warnings/0").asText().startsWith("project.yml: invalid YAML"));
        assertEquals(List.of("project.yml"), texts(json.get("manifests")));
    }

    private static void assertMachineShape(JsonNode json) {
        assertTrue(json.at("/os/name").isTextual());
        assertTrue(json.at("/os/version").isTextual());
        assertTrue(json.at("/os/distribution").isTextual() || json.at("/os/distribution").isNull());
        assertTrue(json.get("arch").isTextual());
        assertTrue(json.get("cpu_cores").asInt() > 0);
        assertTrue(json.at("/memory/total_bytes").asLong() > 0);
        assertTrue(json.at("/memory/available_bytes").asLong() >= 0);
        assertTrue(json.at("/memory/available_bytes").asLong() <= json.at("/memory/total_bytes").asLong());
        assertTrue(json.at("/disk/total_bytes").asLong() > 0);
        assertTrue(json.at("/disk/free_bytes").asLong() >= 0);
        assertEquals(System.getProperty("java.version"), json.at("/java/version").asText());
        assertTrue(json.at("/java/vendor").isTextual());

        JsonNode tools = json.get("tools");
        assertEquals(31, tools.size());
        assertEquals(31, json.get("tools_total").asInt());
        int available = 0;
        List<String> ids = new ArrayList<>();
        for (JsonNode tool : tools) {
            ids.add(tool.get("id").asText());
            assertTrue(tool.get("label").isTextual());
            assertTrue(CATEGORIES.contains(tool.get("category").asText()), tool.toString());
            boolean present = tool.get("available").asBoolean();
            available += present ? 1 : 0;
            assertTrue(present ? tool.get("path").isTextual() : tool.get("path").isNull(), tool.toString());
        }
        assertTrue(ids.containsAll(List.of("git", "docker", "kubectl", "helm", "terraform", "gh", "node", "npm",
                "yarn", "pnpm", "python3", "pip", "java", "mvn", "gradle", "go", "cargo", "rustc", "ruby", "dotnet",
                "make", "cmake", "gcc", "psql", "redis-cli", "aws", "gcloud", "az", "kustomize", "ansible")));
        assertEquals(available, json.get("tools_available").asInt());
    }

    private void write(String rel, String content) throws IOException {
        Path file = tmp.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
