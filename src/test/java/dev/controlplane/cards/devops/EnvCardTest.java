package dev.controlplane.cards.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.EnvFileNames;

class EnvCardTest {
    /** Every value in the fixture's env files: the card reports names only. */
    private static final List<String> PLANTED_VALUES = List.of("db-planted-host.internal", "Env-Planted-Password-1",
            "Env-Planted-Token-2", "Env-Planted-Multiline-3", "Env-Planted-Inside-Quotes-4", "inline-planted-5",
            "trailing comment", "Env-Planted-Prod-6", "custom-planted-7", "BEGIN FAKE");

    private final EnvCard card = new EnvCard();

    @TempDir
    Path dir;

    private ObjectNode compute() {
        return card.compute(CardContext.standalone(dir));
    }

    @Test
    void describesItselfAsTheSpecSays() {
        assertEquals("env", card.key());
        assertEquals("/api/env/card-status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(50, card.order());
        assertEquals(List.of(".env", ".env.*", "project.yml", "project.yaml"), card.watchPaths());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.AUTO, card.defaultPref());
    }

    @Test
    void listsKeysOfEveryEnvFileAndTheEnvironments() {
        SecdocsFixtures.copy("env", dir);
        ObjectNode result = compute();

        JsonNode files = result.get("files");
        assertEquals(8, files.size());
        assertFile(files.get(0), ".env", true, "[\"DB_HOST\",\"DB_PASSWORD\",\"API_TOKEN\",\"MULTI_LINE_KEY\",\"EMPTY\","
                + "\"INLINE\"]", true);
        assertFile(files.get(1), ".env.local", false, "[]", false);
        assertFile(files.get(2), ".env.development", false, "[]", false);
        assertFile(files.get(3), ".env.staging", false, "[]", false);
        assertFile(files.get(4), ".env.production", true, "[\"APP_ENV\",\"SECRET_KEY\"]", true);
        assertFile(files.get(5), ".env.test", false, "[]", false);
        assertFile(files.get(6), ".env.example", true, "[\"DB_HOST\",\"DB_PASSWORD\",\"NEW_FEATURE_FLAG\"]", false);
        assertFile(files.get(7), ".env.custom", true, "[\"CUSTOM_ONLY\"]", true);

        assertEquals("[{\"name\":\"development\",\"default\":false},{\"name\":\"staging\",\"default\":true},"
                + "{\"name\":\"production\",\"default\":false}]", result.get("environments").toString());
        assertEquals("staging", result.get("active_env").asText());
        assertEquals("[\"API_TOKEN\",\"MULTI_LINE_KEY\",\"EMPTY\",\"INLINE\"]",
                result.get("missing_in_example").toString());
        assertEquals("[\"NEW_FEATURE_FLAG\"]", result.get("missing_in_env").toString());
        assertEquals("gitignore", result.get("ignore_check").asText());
        assertEquals("[]", result.get("missing_tools").toString());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("4 env files", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void noValueAppearsAnywhereInTheJson() {
        SecdocsFixtures.copy("env", dir);
        String json = compute().toString();
        for (String value : PLANTED_VALUES) {
            assertFalse(json.contains(value), "the card's JSON leaks " + value);
        }
    }

    @Test
    void warnsAboutExposedFilesMalformedLinesAndUndeclaredActiveEnv() throws IOException {
        SecdocsFixtures.write(dir, ".env", "GOOD=leak-me-not-1\nthis line has no equals sign\n1BAD=leak-me-not-2\n"
                + "GOOD=leak-me-not-3\nOPEN=\"never closed\nstill-leak-me-not-4\n");
        SecdocsFixtures.write(dir, ".env.local", "LOCAL=leak-me-not-5\n");
        SecdocsFixtures.write(dir, ".env.active", "qa\n");
        SecdocsFixtures.write(dir, "project.yaml", "environments:\n  - dev\n  - name: prod\n");
        ObjectNode result = compute();

        assertEquals("[\"GOOD\",\"OPEN\"]", result.at("/files/0/keys").toString());
        assertEquals(2, result.at("/files/0/var_count").asInt());
        assertEquals("[\"LOCAL\"]", result.at("/files/1/keys").toString());
        assertEquals("[{\"name\":\"dev\",\"default\":false},{\"name\":\"prod\",\"default\":false}]",
                result.get("environments").toString());
        assertEquals("qa", result.get("active_env").asText());
        assertEquals("[]", result.get("missing_in_example").toString());
        assertEquals(List.of(
                ".env: line 2: not KEY=value",
                ".env: line 3: invalid variable name",
                ".env: line 4: duplicate key GOOD",
                ".env: line 5: quoted value never closed",
                ".env has no .env.example documenting its variables",
                ".env is not git-ignored",
                ".env.local is not git-ignored",
                "active environment 'qa' is not declared in project.yml"), strings(result.get("warnings")));
        assertEquals("2 env files", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
        String json = result.toString();
        for (int i = 1; i <= 5; i++) {
            assertFalse(json.contains("leak-me-not-" + i));
        }
    }

    @Test
    void aVirtualenvNamedDotEnvIsNotAnEnvFileAndBadYamlIsAWarning() throws IOException {
        Files.createDirectories(dir.resolve(".env/bin"));
        SecdocsFixtures.write(dir, "project.yml", "environments: [unclosed\n");
        SecdocsFixtures.write(dir, ".env.test", "X=1\n");
        ObjectNode result = compute();

        assertEquals(false, result.at("/files/0/exists").asBoolean());
        assertEquals(true, result.at("/files/5/exists").asBoolean());
        List<String> warnings = strings(result.get("warnings"));
        assertEquals(".env is a directory (a virtualenv?), not an env file", warnings.get(0));
        assertEquals(".env.test is not git-ignored", warnings.get(1));
        assertEquals(true, warnings.get(2).startsWith("project.yml: invalid YAML"), warnings.get(2));
        assertEquals(3, warnings.size());
        assertEquals("1 env file", result.at("/summary/text").asText());
    }

    @Test
    void emptyProjectHasTheFullShape() {
        ObjectNode result = compute();

        JsonNode files = result.get("files");
        assertEquals(EnvFileNames.STANDARD.size(), files.size());
        for (int i = 0; i < files.size(); i++) {
            assertFile(files.get(i), EnvFileNames.STANDARD.get(i), false, "[]", false);
            assertEquals(false, files.get(i).get("committed").asBoolean());
        }
        assertEquals("[]", result.get("environments").toString());
        assertEquals("", result.get("active_env").asText());
        assertEquals("[]", result.get("missing_in_example").toString());
        assertEquals("[]", result.get("missing_in_env").toString());
        assertEquals("[]", result.get("missing_tools").toString());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("0 env files", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }

    private static void assertFile(JsonNode file, String name, boolean exists, String keys, boolean ignored) {
        assertEquals(name, file.get("name").asText());
        assertEquals(exists, file.get("exists").asBoolean(), name);
        assertEquals(keys, file.get("keys").toString(), name);
        assertEquals(file.get("keys").size(), file.get("var_count").asInt(), name);
        assertEquals(ignored, file.get("git_ignored").asBoolean(), name + " git_ignored");
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
