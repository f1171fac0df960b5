package dev.controlplane.project.manifests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The one reader of a {@code package.json}: parsed once per file state through the project model and handed
 * as the same tree to {@link PackageJsonFacts} (testing, quality), {@link PackageJsonParser} (packages and the
 * cards on its reading) and audit:structure's build reading. The tree is shared: readers never modify it.
 */
public final class PackageJsonFile {
    /** The sections that name dependencies, in the order a reader meets them. */
    public static final List<String> DEPENDENCY_SECTIONS = List.of("dependencies", "devDependencies",
            "peerDependencies", "optionalDependencies");

    private PackageJsonFile() {
    }

    /** The file's JSON (any JSON value: whether it must be an object is the reader's call), or a warning. */
    public static ParsedFile<JsonNode> read(ProjectModel model, Path file, Path root) {
        try {
            return model.parse(file, "package.json", f -> Manifests.json(f, root));
        } catch (IOException e) {
            return Manifests.json(file, root); // vanished or unreadable: the parser says so in its own words
        }
    }

    /** The names of every dependency section that is an object, in {@link #DEPENDENCY_SECTIONS} order. */
    public static Set<String> dependencyNames(JsonNode json) {
        Set<String> names = new LinkedHashSet<>();
        for (String section : DEPENDENCY_SECTIONS) {
            JsonNode table = json.path(section);
            if (table.isObject()) {
                table.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }
}
