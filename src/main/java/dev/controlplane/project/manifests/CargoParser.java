package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * {@code Cargo.toml}: {@code [dependencies]} and {@code [build-dependencies]} (both needed to build the crate
 * for its users) are runtime, {@code [dev-dependencies]} (tests, examples, benches only) dev; the same tables
 * under {@code [target.'cfg(...)']} count too. {@code [workspace.dependencies]} only sets versions for members
 * (like Maven's dependencyManagement) and is not listed.
 */
final class CargoParser {
    private CargoParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        JsonNode toml = reading.value(TomlManifest.read(reading.model(), file, reading.root()));
        if (toml == null) {
            return PackageManager.CARGO;
        }
        tables(file, toml, reading);
        for (Map.Entry<String, JsonNode> target : TomlTables.fields(toml.path("target"))) {
            tables(file, target.getValue(), reading);
        }
        return PackageManager.CARGO;
    }

    private static void tables(Path file, JsonNode owner, ManifestReading reading) {
        table(file, owner.path("dependencies"), false, reading);
        table(file, owner.path("build-dependencies"), false, reading);
        table(file, owner.path("dev-dependencies"), true, reading);
    }

    private static void table(Path file, JsonNode table, boolean dev, ManifestReading reading) {
        for (Map.Entry<String, JsonNode> entry : TomlTables.fields(table)) {
            JsonNode value = entry.getValue();
            // `alias = { package = "real-crate", ... }` renames a crate: report the crate itself
            String name = value.path("package").isTextual() ? value.path("package").asText() : entry.getKey();
            String version = value.path("workspace").asBoolean(false) ? "workspace"
                    : TomlTables.version(value);
            reading.add(name, version, dev, PackageManager.CARGO, file);
        }
    }
}
