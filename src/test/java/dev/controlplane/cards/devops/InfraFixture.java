package dev.controlplane.cards.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.controlplane.testing.TestFiles;

/** The shared fixture project of the infra cards, and assertions on card payloads. */
public final class InfraFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InfraFixture() {
    }

    /** {@code src/test/resources/fixtures/infra} as copied to the test classpath. */
    public static Path root() {
        URL url = InfraFixture.class.getResource("/fixtures/infra");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture project in {@code target}, for tests that add files (e.g. {@code .git/config}). */
    public static Path copyTo(Path target) {
        try {
            TestFiles.copyTree(root(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** JSON from a test's expectation; single quotes allowed to keep expectations readable. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path root, String relative, String content) {
        TestFiles.write(root.resolve(relative), content);
    }

    /**
     * The empty-project payload has the same shape as a full one: the same fields at every object level, each of
     * the same JSON type (an array stays an array, an object an object, a number a number).
     */
    public static void assertSameShape(JsonNode full, JsonNode empty) {
        List<String> problems = new ArrayList<>();
        compare("", full, empty, problems);
        assertTrue(problems.isEmpty(), "shapes differ: " + problems);
    }

    private static void compare(String at, JsonNode full, JsonNode empty, List<String> problems) {
        if (full.getNodeType() != empty.getNodeType()) {
            problems.add(at + ": " + full.getNodeType() + " vs " + empty.getNodeType());
            return;
        }
        if (!full.isObject()) {
            return;
        }
        List<String> fullNames = names(full);
        if (at.endsWith("resource_summary") || at.endsWith("resource_types")) {
            return; // maps keyed by data (kinds, types), not fields
        }
        if (!fullNames.equals(names(empty))) {
            problems.add(at + ": fields " + fullNames + " vs " + names(empty));
            return;
        }
        for (String name : fullNames) {
            compare(at + "." + name, full.get(name), empty.get(name), problems);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** A tool's {@code {available, version}}: its values depend on the machine, its types do not. */
    public static void assertToolShape(JsonNode tool) {
        assertTrue(tool.path("available").isBoolean(), "available is a boolean: " + tool);
        assertTrue(tool.path("version").isTextual(), "version is a string: " + tool);
        if (!tool.path("available").asBoolean()) {
            assertEquals("", tool.path("version").asText());
        }
    }

    /** The ids listed in {@code missing_tools}, after checking each entry's shape. */
    public static List<String> missingToolIds(JsonNode card) {
        List<String> ids = new ArrayList<>();
        for (JsonNode tool : card.path("missing_tools")) {
            assertTrue(tool.path("id").isTextual() && tool.path("label").isTextual()
                    && tool.path("install_hint").isTextual(), "missing tool shape: " + tool);
            ids.add(tool.path("id").asText());
        }
        return ids;
    }
}
