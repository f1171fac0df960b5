package dev.controlplane.project.manifests;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading dependency tables of TOML manifests (Poetry, Pipenv, Cargo share the same shapes). */
final class TomlTables {
    private TomlTables() {
    }

    /** The entries of a table; none when the node is absent or not a table (so a wrong type is simply empty). */
    static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (!node.isObject()) {
            return List.of();
        }
        return node.properties();
    }

    /**
     * The version of {@code name = "^1.0"} or {@code name = {version = "^1.0", ...}}; for a git, path or URL
     * dependency that location (credentials are stripped by {@link Dependency}); for several constraints
     * ({@code [{version = "<2", python = "<3.8"}, ...]}) the first.
     */
    static String version(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            return value.size() == 0 ? "" : version(value.get(0));
        }
        for (String key : new String[] {"version", "git", "path", "url", "file"}) {
            if (value.path(key).isTextual()) {
                return value.path(key).asText();
            }
        }
        return "";
    }
}
