package dev.controlplane.project.manifests;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The shipped fixture projects of the dependency cards, and small helpers to build others. */
public final class DepsFixtures {
    private DepsFixtures() {
    }

    /** Maven multi-module + npm + pip + PEP 621 + Go + Cargo + Bundler, with skipped node_modules/ and vendor/. */
    public static Path polyglot() {
        return fixture("polyglot");
    }

    /** One malformed manifest of each kind, next to a few valid lines. */
    public static Path malformed() {
        return fixture("malformed");
    }

    private static Path fixture(String name) {
        try {
            return Path.of(DepsFixtures.class.getResource("/fixtures/deps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The text values of a JSON array. */
    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
