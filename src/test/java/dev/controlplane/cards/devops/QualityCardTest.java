package dev.controlplane.cards.devops;

import static dev.controlplane.cards.devops.CardFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

class QualityCardTest {
    private static final List<String> ALL_IDS = List.of("ruff", "mypy", "black", "pytest", "eslint", "prettier", "tsc",
            "biome", "jest", "vitest", "go-vet", "golangci-lint", "clippy", "rustfmt", "checkstyle", "spotless", "pmd",
            "spotbugs", "error-prone");

    /** A machine with nothing on the PATH, so results do not depend on what this one has installed. */
    private final QualityCard bareMachine = new QualityCard(command -> false);

    private static JsonNode tool(JsonNode result, String id) {
        for (JsonNode tool : result.get("tools")) {
            if (tool.get("id").asText().equals(id)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + id);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static void assertTool(JsonNode result, String id, boolean configFound, String configFile, String cli,
            boolean cliAvailable, boolean relevant) {
        JsonNode tool = tool(result, id);
        assertEquals(configFound, tool.get("config_found").asBoolean(), id + " config_found");
        assertEquals(configFile, tool.get("config_file").asText(), id + " config_file");
        assertEquals(cli, tool.get("cli").asText(), id + " cli");
        assertEquals(cliAvailable, tool.get("cli_available").asBoolean(), id + " cli_available");
        assertEquals(relevant, tool.get("relevant").asBoolean(), id + " relevant");
    }

    @Test
    void declaresTheSpecContract() {
        QualityCard card = new QualityCard();
        assertEquals("quality", card.key());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(30, card.order());
        assertEquals("/api/quality/status", card.alias());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.AUTO, card.defaultPref());
        assertEquals(List.of("pyproject.toml", "ruff.toml", ".ruff.toml", "mypy.ini", ".eslintrc.json", ".eslintrc.js",
                "eslint.config.js", ".prettierrc", "biome.json", "setup.cfg", "pom.xml", "checkstyle.xml",
                ".editorconfig"), card.watchPaths());
    }

    @Test
    void emptyDirectoryListsEveryToolAsIrrelevant(@TempDir Path dir) {
        ObjectNode result = new QualityCard().compute(CardContext.standalone(dir));

        assertEquals(ALL_IDS, ids(result.get("tools"), "id"));
        for (JsonNode tool : result.get("tools")) {
            assertFalse(tool.get("config_found").asBoolean());
            assertEquals("", tool.get("config_file").asText());
            assertTrue(tool.get("cli_available").isBoolean(), "depends on this machine, but always a boolean");
            assertFalse(tool.get("relevant").asBoolean());
            assertFalse(tool.get("available").asBoolean());
            assertTrue(Set.of("lint", "typecheck", "format", "test").contains(tool.get("category").asText()));
            assertFalse(tool.get("install_hint").asText().isEmpty());
            assertFalse(tool.get("name").asText().isEmpty());
        }
        assertEquals(List.of("lint", "typecheck", "format", "test"), texts(fieldNames(result.get("categories"))));
        result.get("categories").forEach(count -> assertEquals(0, count.asInt()));
        assertEquals(0, result.get("stacks").size());
        assertEquals(0, result.at("/totals/relevant").asInt());
        assertEquals(0, result.at("/totals/available").asInt());
        assertEquals(0, result.at("/totals/configured").asInt());
        assertEquals(0, result.get("missing_tools").size());
        assertEquals(0, result.get("warnings").size());
        assertEquals("0/0 tools", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }

    private static JsonNode fieldNames(JsonNode object) {
        var names = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void pythonToolsConfiguredInPyproject(@TempDir Path dir) {
        CardFixtures.copy("quality-python", dir);

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertEquals(List.of("python"), texts(result.get("stacks")));
        assertTool(result, "ruff", true, "pyproject.toml", "ruff", false, true);
        assertTool(result, "mypy", true, "pyproject.toml", "mypy", false, true);
        // declared as dependencies only (PEP 503 names: "Black" is black)
        assertTool(result, "black", true, "pyproject.toml", "black", false, true);
        assertTool(result, "pytest", true, "pyproject.toml", "pytest", false, true);
        assertTool(result, "eslint", false, "", "eslint", false, false);
        assertEquals(4, result.at("/totals/relevant").asInt());
        assertEquals(4, result.at("/totals/available").asInt());
        assertEquals(1, result.at("/categories/lint").asInt());
        assertEquals(1, result.at("/categories/typecheck").asInt());
        assertEquals(1, result.at("/categories/format").asInt());
        assertEquals(1, result.at("/categories/test").asInt());
        // configured but not installed here: available by the badge's definition, still reported missing
        assertEquals(List.of("ruff", "mypy", "black", "pytest"), ids(result.get("missing_tools"), "id"));
        assertEquals("pip install ruff", result.at("/missing_tools/0/install_hint").asText());
        assertEquals("Ruff", result.at("/missing_tools/0/label").asText());
        assertEquals("4/4 tools", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void pythonCliFoundInTheProjectVirtualenv(@TempDir Path dir) throws Exception {
        CardFixtures.write(dir, "requirements-dev.txt", "# tools\npytest==8.3.3\n-r requirements.txt\n");
        Path ruff = CardFixtures.write(dir, ".venv/bin/ruff", "#!/bin/sh\n");
        Files.setPosixFilePermissions(ruff, PosixFilePermissions.fromString("rwxr-xr-x"));

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertTool(result, "ruff", false, "", "ruff", true, true);
        assertTool(result, "pytest", true, "requirements-dev.txt", "pytest", false, true);
        assertTool(result, "mypy", false, "", "mypy", false, true);
        // ruff (installed) and pytest (declared) of ruff, mypy, black, pytest
        assertEquals("2/4 tools", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void havingMavenIsNotHavingItsLintPlugins(@TempDir Path dir) {
        CardFixtures.write(dir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><artifactId>a</artifactId></project>");
        CardFixtures.write(dir, "mvnw", "#!/bin/sh\n");
        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));
        assertEquals(0, result.at("/totals/available").asInt());
        assertEquals("0/5 tools", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void mavenPluginsInEveryModuleCountAsConfigured(@TempDir Path dir) {
        CardFixtures.copy("quality-maven", dir);
        CardContext ctx = CardContext.standalone(dir);

        ObjectNode result = bareMachine.compute(ctx);

        assertEquals(List.of("java"), texts(result.get("stacks")));
        // the wrapper makes the build tool, and so every plugin, runnable
        assertTool(result, "checkstyle", true, "checkstyle.xml", "mvn", true, true);
        assertTool(result, "spotless", true, "pom.xml", "mvn", true, true);
        assertTool(result, "pmd", true, "app/pom.xml", "mvn", true, true);
        assertTool(result, "spotbugs", true, "app/pom.xml", "mvn", true, true);
        assertTool(result, "error-prone", true, "lib/pom.xml", "mvn", true, true);
        assertTool(result, "ruff", false, "", "ruff", false, false);
        assertEquals(5, result.at("/totals/relevant").asInt());
        assertEquals(5, result.at("/categories/lint").asInt() + result.at("/categories/format").asInt());
        assertEquals(1, result.at("/categories/format").asInt());
        assertEquals(0, result.get("missing_tools").size());
        assertEquals("5/5 tools", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
        assertTrue(ctx.discoveredWatchPaths().containsAll(List.of("app/pom.xml", "lib/pom.xml", "mvnw",
                ".golangci.yml", "tsconfig.json")), ctx.discoveredWatchPaths().toString());
        assertFalse(ctx.discoveredWatchPaths().contains("pom.xml"), "a declared watch path");
    }

    @Test
    void mavenProjectWithoutPluginsOrBuildTool(@TempDir Path dir) {
        CardFixtures.write(dir, "pom.xml", "<project><artifactId>plain</artifactId></project>");

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertTool(result, "checkstyle", false, "", "mvn", false, true);
        assertEquals("0/5 tools", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
        assertEquals(5, result.get("missing_tools").size());
        assertTrue(result.at("/missing_tools/0/install_hint").asText().startsWith("install Maven"));
    }

    @Test
    void typescriptProjectWithLocalEslint(@TempDir Path dir) throws Exception {
        CardFixtures.copy("quality-ts", dir);
        Path eslint = CardFixtures.write(dir, "node_modules/.bin/eslint", "#!/usr/bin/env node\n");
        Files.setPosixFilePermissions(eslint, PosixFilePermissions.fromString("rwxr-xr-x"));

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertEquals(List.of("js", "ts"), texts(result.get("stacks")));
        assertTool(result, "eslint", true, "eslint.config.js", "eslint", true, true);
        assertTool(result, "prettier", true, ".prettierrc", "prettier", false, true);
        assertTool(result, "tsc", true, "tsconfig.json", "tsc", false, true);
        assertTool(result, "biome", false, "", "biome", false, true);
        assertTool(result, "jest", false, "", "jest", false, true);
        assertTool(result, "vitest", true, "package.json", "vitest", false, true);
        assertEquals(2, result.at("/categories/lint").asInt());
        assertEquals(1, result.at("/categories/typecheck").asInt());
        assertEquals(1, result.at("/categories/format").asInt());
        assertEquals(2, result.at("/categories/test").asInt());
        assertEquals(List.of("prettier", "tsc", "biome", "jest", "vitest"), ids(result.get("missing_tools"), "id"));
        assertEquals("4/6 tools", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void goAndRustTools(@TempDir Path dir) {
        CardFixtures.write(dir, "go.mod", "module example.com/svc\n\ngo 1.22\n");
        CardFixtures.write(dir, ".golangci.yml", "linters:\n  enable: [errcheck]\n");
        CardFixtures.write(dir, "Cargo.toml", "[package]\nname = \"svc\"\nversion = \"0.1.0\"\n\n[lints.clippy]\npedantic = \"warn\"\n");
        CardFixtures.write(dir, "rustfmt.toml", "max_width = 100\n");

        ObjectNode result = new QualityCard(command -> command.equals("go")).compute(CardContext.standalone(dir));

        assertEquals(List.of("go", "rust"), texts(result.get("stacks")));
        assertTool(result, "go-vet", false, "", "go vet", true, true);
        assertTool(result, "golangci-lint", true, ".golangci.yml", "golangci-lint", false, true);
        assertTool(result, "clippy", true, "Cargo.toml", "cargo clippy", false, true);
        assertTool(result, "rustfmt", true, "rustfmt.toml", "rustfmt", false, true);
        assertEquals("4/4 tools", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
        assertEquals(List.of("golangci-lint", "clippy", "rustfmt"), ids(result.get("missing_tools"), "id"));
    }

    @Test
    void gradlePluginIdsInEveryProject(@TempDir Path dir) {
        CardFixtures.write(dir, "settings.gradle.kts", "rootProject.name = \"svc\"\ninclude(\":core\")\n");
        CardFixtures.write(dir, "build.gradle.kts", """
                plugins {
                    java
                    checkstyle
                    id("com.diffplug.spotless") version "6.25.0"
                    id("net.ltgt.errorprone") version "4.1.0"
                    // id("com.github.spotbugs") is commented out here
                }
                """);
        CardFixtures.write(dir, "core/build.gradle", """
                plugins {
                    id 'java-library'
                    id 'com.github.spotbugs' version '6.0.26'
                }
                apply plugin: 'pmd'
                """);

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertTool(result, "checkstyle", true, "build.gradle.kts", "gradle", false, true);
        assertTool(result, "spotless", true, "build.gradle.kts", "gradle", false, true);
        assertTool(result, "error-prone", true, "build.gradle.kts", "gradle", false, true);
        assertTool(result, "spotbugs", true, "core/build.gradle", "gradle", false, true);
        assertTool(result, "pmd", true, "core/build.gradle", "gradle", false, true);
        assertEquals("5/5 tools", result.at("/summary/text").asText());
        assertEquals(5, result.get("missing_tools").size());
        assertTrue(result.at("/missing_tools/0/install_hint").asText().startsWith("install Gradle"));
    }

    @Test
    void aConfiguredToolIsRelevantWithoutItsStack(@TempDir Path dir) {
        CardFixtures.write(dir, ".prettierrc", "{}\n");

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        assertEquals(0, result.get("stacks").size());
        assertTool(result, "prettier", true, ".prettierrc", "prettier", false, true);
        assertEquals("1/1 tools", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void malformedManifestsBecomeWarnings(@TempDir Path dir) {
        CardFixtures.write(dir, "pom.xml", "<project><build>");
        CardFixtures.write(dir, "package.json", "[1, 2");
        CardFixtures.write(dir, "pyproject.toml", "[tool.ruff\nline-length = ");

        ObjectNode result = bareMachine.compute(CardContext.standalone(dir));

        List<String> warnings = texts(result.get("warnings"));
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("package.json: invalid JSON"), warnings.toString());
        assertTrue(warnings.get(1).startsWith("pom.xml: invalid XML"), warnings.toString());
        assertTrue(warnings.get(2).startsWith("pyproject.toml: invalid TOML"), warnings.toString());
        // the files still say which stacks the project has
        assertEquals(List.of("python", "js", "java"), texts(result.get("stacks")));
        assertEquals("0/14 tools", result.at("/summary/text").asText());
    }

    @Test
    void realMachineGivesTheSameShape(@TempDir Path dir) {
        CardFixtures.copy("quality-python", dir);

        ObjectNode result = new QualityCard().compute(CardContext.standalone(dir));

        assertEquals(19, result.get("tools").size());
        result.get("tools").forEach(tool -> assertTrue(tool.get("cli_available").isBoolean()));
        // configured tools are available whatever is installed
        assertEquals("4/4 tools", result.at("/summary/text").asText());
        result.get("missing_tools").forEach(missing -> {
            assertTrue(missing.get("id").isTextual());
            assertTrue(missing.get("label").isTextual());
            assertTrue(missing.get("install_hint").isTextual());
        });
    }
}
