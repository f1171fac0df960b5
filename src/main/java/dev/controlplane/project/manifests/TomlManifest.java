package dev.controlplane.project.manifests;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The one reader of the TOML manifests ({@code pyproject.toml}, {@code Pipfile}, {@code Cargo.toml}): parsed
 * once per file state through the project model, and the same tree handed to every consumer — the packages
 * parsers ({@link PythonProjectParser}, {@link CargoParser}), {@link PythonManifests} (testing, quality) and
 * audit:structure's build reading. The tree is shared: readers never modify it.
 */
public final class TomlManifest {
    private TomlManifest() {
    }

    /** The file's TOML as a JSON tree, or a warning. */
    public static ParsedFile<JsonNode> read(ProjectModel model, Path file, Path root) {
        try {
            return model.parse(file, "toml", f -> Manifests.toml(f, root));
        } catch (IOException e) {
            return Manifests.toml(file, root); // vanished or unreadable: the parser says so in its own words
        }
    }
}
