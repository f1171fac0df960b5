package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/** The parts of a {@code package.json} the testing and quality cards look at: dependencies, keys, scripts. */
public record PackageJsonFacts(JsonNode json, Set<String> dependencies) {
    public static ParsedFile<PackageJsonFacts> read(Path file, Path root) {
        return read(new ProjectModel(root), file, root);
    }

    /** From the model's one parse of the file ({@link PackageJsonFile}). */
    public static ParsedFile<PackageJsonFacts> read(ProjectModel model, Path file, Path root) {
        ParsedFile<JsonNode> parsed = PackageJsonFile.read(model, file, root);
        if (!parsed.isOk()) {
            return ParsedFile.failed(parsed.warning());
        }
        if (!parsed.value().isObject()) {
            return ParsedFile.failed(Manifests.relative(file, root) + ": not a JSON object");
        }
        Set<String> dependencies = new TreeSet<>(PackageJsonFile.dependencyNames(parsed.value()));
        return ParsedFile.ok(new PackageJsonFacts(parsed.value(), dependencies));
    }

    public boolean dependsOn(String name) {
        return dependencies.contains(name);
    }

    /** A top-level key such as {@code "jest"} (inline configuration). */
    public boolean hasKey(String key) {
        return json.has(key);
    }

    /** The {@code scripts.test} command, or "". */
    public String testScript() {
        JsonNode script = json.path("scripts").path("test");
        return script.isTextual() ? script.asText() : "";
    }

    /** An object-valued top-level key, as JSON (missing node when absent). */
    public JsonNode section(String key) {
        return json.path(key);
    }
}
