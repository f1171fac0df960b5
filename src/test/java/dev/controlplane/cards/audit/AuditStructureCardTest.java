package dev.controlplane.cards.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.MakefileTargets;

class AuditStructureCardTest {
    private static final List<String> FLAGS = List.of("has_cli", "has_web", "has_api", "has_docs", "has_tests",
            "has_iac", "has_ci", "has_docker");

    @TempDir
    Path tmp;
    private final AuditStructureCard card = new AuditStructureCard();

    @Test
    void declaresTheSpecifiedContract() {
        assertEquals("audit:structure", card.key());
        assertEquals(Tab.AUDIT, card.tab());
        assertEquals(30, card.order());
        assertEquals("/api/audit/structure", card.alias());
        assertEquals(List.of("project.yml", "src/", "Dockerfile", "docker-compose.yml", ".github/workflows/",
                "Makefile"), card.watchPaths());
        assertEquals(Set.of(), card.peers());
        assertEquals(Set.of("audit"), card.scopes());
    }

    @Test
    void recognisesAMultiModuleMavenWebApp() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/gitdocker/structure").toURI());
        CardContext ctx = CardContext.standalone(fixture);

        ObjectNode json = card.compute(ctx);

        assertEquals(Map.of("has_cli", false, "has_web", true, "has_api", true, "has_docs", true, "has_tests", true,
                "has_iac", false, "has_ci", true, "has_docker", true), flags(json));
        assertEquals(List.of("dependency spring-boot-starter-web (web/pom.xml)",
                "web/src/main/resources/static/index.html"), texts(json.at("/detected_by/has_web")));
        assertEquals(List.of("endpoint code web/src/main/java/com/acme/shop/web/OrderController.java"),
                texts(json.at("/detected_by/has_api")));
        assertEquals(List.of("docs/architecture.md"), texts(json.at("/detected_by/has_docs")));
        assertEquals(List.of("web/src/test/java/com/acme/shop/web/OrderControllerTest.java"),
                texts(json.at("/detected_by/has_tests")));
        assertEquals(List.of(".github/workflows/build.yml"), texts(json.at("/detected_by/has_ci")));
        assertEquals(List.of("Dockerfile"), texts(json.at("/detected_by/has_docker")));
        assertEquals(List.of(), texts(json.at("/detected_by/has_cli")));

        assertEquals(List.of(
                "main|com.acme.shop.web.ShopApplication|web/src/main/java/com/acme/shop/web/ShopApplication.java",
                "script|lint|package.json",
                "script|format|package.json",
                "make|build|Makefile",
                "make|test|Makefile",
                "make|run|Makefile",
                "make|clean|Makefile",
                "build-plugin|spring-boot-maven-plugin|web/pom.xml"), entrypoints(json));
        assertEquals(8, json.get("entrypoint_count").asInt());

        assertEquals(Map.of("java", 4, "html", 1), languages(json));
        assertEquals(List.of("java", "html"), new ArrayList<>(languages(json).keySet()), "by file count");
        assertEquals("java", json.get("primary_language").asText());
        assertEquals(List.of("core|core|maven", "web|web|maven"), modules(json));
        assertEquals(13, json.get("file_count").asInt(), "hidden directories are not walked");
        assertEquals(0, json.get("warnings").size());

        assertEquals("multi-component java web app", json.get("solution_type").asText());
        assertEquals("multi-component java web app", json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
        assertTrue(ctx.discoveredWatchPaths().containsAll(List.of("pom.xml", "core/pom.xml", "web/pom.xml",
                "package.json")));
    }

    @Test
    void recognisesAPythonCli() throws Exception {
        write("pyproject.toml", """
                [project]
                name = "tool"
                dependencies = ["click>=8.1", "requests"]

                [project.scripts]
                tool = "tool.cli:main"
                """);
        write("tool/__init__.py", "");
        write("tool/__main__.py", "from tool.cli import main\nmain()\n");
        write("tool/cli.py", "import click\n\n@click.command()\ndef main():\n    pass\n");
        write("tests/test_cli.py", "def test_main():\n    pass\n");

        ObjectNode json = card.compute(CardContext.standalone(tmp));

        assertEquals(Map.of("has_cli", true, "has_web", false, "has_api", false, "has_docs", false, "has_tests", true,
                "has_iac", false, "has_ci", false, "has_docker", false), flags(json));
        assertEquals(List.of("dependency click (pyproject.toml)", "tool/__main__.py", "console scripts (pyproject.toml)",
                "bin tool (pyproject.toml)"), texts(json.at("/detected_by/has_cli")));
        assertEquals(List.of("main|tool|tool/__main__.py", "bin|tool|pyproject.toml"), entrypoints(json));
        assertEquals(Map.of("python", 4), languages(json));
        assertEquals(List.of(), modules(json));
        assertEquals("python cli", json.get("solution_type").asText());
        assertEquals("python cli", json.at("/summary/text").asText());
    }

    @Test
    void collectsModulesOfEveryBuildSystem() throws Exception {
        write("settings.gradle", "rootProject.name = 'mono'\ninclude 'app', ':lib:core'\ninclude(\"tools\")\n");
        write("build.gradle", "plugins {\n    id 'application'\n}\napplication {\n    mainClass = 'com.acme.Main'\n}\n");
        write("package.json", "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"]}");
        write("packages/a/package.json", "{\"name\": \"a\", \"bin\": \"cli.js\", \"dependencies\": {\"react\": \"18\"}}");
        write("packages/b/package.json", "{\"name\": \"b\"}");
        write("packages/not-a-package/README.md", "no package.json here\n");
        write("go.work", "go 1.22\n\nuse (\n\t./svc-a\n\t./svc-b\n)\n");
        write("svc-a/go.mod", "module example.com/svc-a\n\ngo 1.22\n\nrequire github.com/spf13/cobra v1.8.0\n");
        write("svc-a/main.go", "package main\n\nfunc main() {}\n");
        write("broken/package.json", "{ not json");

        ObjectNode json = card.compute(CardContext.standalone(tmp));

        // Sorted by kind, then path.
        assertEquals(List.of("svc-a|svc-a|go", "svc-b|svc-b|go", "app|app|gradle", "lib:core|lib/core|gradle",
                "tools|tools|gradle", "a|packages/a|npm", "b|packages/b|npm"), modules(json));
        assertEquals(List.of("main|svc-a|svc-a/main.go", "bin|a|packages/a/package.json",
                "build-plugin|application|build.gradle", "main-class|com.acme.Main|build.gradle"), entrypoints(json));
        assertTrue(flags(json).get("has_cli"), "cobra and a package bin");
        assertTrue(flags(json).get("has_web"), "react");
        assertEquals(1, json.get("warnings").size());
        assertTrue(json.at("/warnings/0").asText().startsWith("broken/package.json: invalid JSON"));
        assertEquals("multi-component go web app", json.get("solution_type").asText());
    }

    @Test
    void testFixturesAreNotTheProjectsStructure() throws Exception {
        write("src/main/java/com/acme/Lib.java", "package com.acme;\npublic class Lib {}\n");
        // Words inside a string are not a main method or an endpoint.
        write("src/main/java/com/acme/Generator.java", "package com.acme;\nclass Generator {\n"
                + "    String main = \"public static void main(String[] args) {}\";\n"
                + "    String resource = \"@Path(\\\"/x\\\") @QuarkusMain\";\n}\n");
        write("src/test/java/com/acme/LibTest.java", "package com.acme;\nclass LibTest {}\n");
        write("src/test/resources/fixtures/app/pom.xml",
                "<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency>"
                        + "</dependencies></project>");
        write("src/test/resources/fixtures/app/Dockerfile", "FROM nginx\n");
        write("src/test/resources/fixtures/app/Main.java", "class Main { public static void main(String[] a) {} }\n");
        write("pom.xml", "<project><artifactId>lib</artifactId></project>");

        ObjectNode json = card.compute(CardContext.standalone(tmp));

        assertEquals(Map.of("has_cli", false, "has_web", false, "has_api", false, "has_docs", false, "has_tests", true,
                "has_iac", false, "has_ci", false, "has_docker", false), flags(json));
        assertEquals(List.of(), entrypoints(json));
        assertEquals("java library", json.get("solution_type").asText());
    }

    @Test
    void emptyDirectoryHasTheFullShape() throws Exception {
        ObjectNode json = card.compute(CardContext.standalone(tmp));

        for (String flag : FLAGS) {
            assertTrue(json.get(flag).isBoolean(), flag);
            assertEquals(false, json.get(flag).asBoolean(), flag);
            assertEquals(0, json.at("/detected_by/" + flag).size(), flag);
        }
        assertEquals(0, json.get("entrypoints").size());
        assertEquals(0, json.get("entrypoint_count").asInt());
        assertTrue(json.get("languages").isObject());
        assertEquals(0, json.get("languages").size());
        assertTrue(json.get("primary_language").isNull());
        assertEquals(0, json.get("modules").size());
        assertEquals(0, json.get("file_count").asInt());
        assertEquals(0, json.get("warnings").size());
        assertEquals("empty project", json.get("solution_type").asText());
        assertEquals("empty project", json.at("/summary/text").asText());
        assertEquals("none", json.at("/summary/level").asText());
    }

    @Test
    void makefileTargetsSkipVariablesSpecialAndPatternRules() {
        assertEquals(List.of("all", "install", "docs", "lint"), MakefileTargets.parse(String.join("\n",
                "CC := gcc",
                "PREFIX ::= /usr/local",
                "FLAGS = -O2 -Wall",
                ".PHONY: all install",
                "all install: build",
                "\techo $@: done",
                "define RECIPE",
                "fake: target",
                "endef",
                "ifeq ($(CC),gcc)",
                "docs: ; mkdocs build",
                "endif",
                "%.o: %.c",
                "lint: \\",
                "  deps",
                "")));
    }

    private void write(String rel, String content) throws IOException {
        Path file = tmp.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, Boolean> flags(JsonNode json) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        FLAGS.forEach(flag -> flags.put(flag, json.get(flag).asBoolean()));
        return flags;
    }

    private static List<String> entrypoints(JsonNode json) {
        List<String> entries = new ArrayList<>();
        json.get("entrypoints").forEach(e -> entries.add(e.get("type").asText() + "|" + e.get("name").asText() + "|"
                + e.get("path").asText()));
        return entries;
    }

    private static List<String> modules(JsonNode json) {
        List<String> modules = new ArrayList<>();
        json.get("modules").forEach(m -> modules.add(m.get("name").asText() + "|" + m.get("path").asText() + "|"
                + m.get("kind").asText()));
        return modules;
    }

    private static Map<String, Integer> languages(JsonNode json) {
        Map<String, Integer> languages = new LinkedHashMap<>();
        json.get("languages").properties().forEach(e -> languages.put(e.getKey(), e.getValue().asInt()));
        return languages;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
