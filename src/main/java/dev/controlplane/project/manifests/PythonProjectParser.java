package dev.controlplane.project.manifests;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * {@code pyproject.toml} (PEP 621 {@code [project]}, PEP 735 {@code [dependency-groups]}, Poetry's
 * {@code [tool.poetry]}) and {@code Pipfile}, read as TOML.
 */
final class PythonProjectParser {
    /** Optional-dependency (extra) names that mean "for developing this project", not an optional feature. */
    private static final Set<String> DEV_EXTRAS = Set.of("dev", "devel", "develop", "development", "test", "tests",
            "testing", "lint", "linting", "docs", "doc", "typing", "types", "mypy", "style", "qa", "check", "checks",
            "ci", "coverage");

    private PythonProjectParser() {
    }

    /**
     * @return the manager of this pyproject (Poetry when it has a {@code [tool.poetry]} table or a
     *         {@code poetry.lock} beside it, pip otherwise), or null for a pyproject that only configures tools
     *         (ruff, black, ...) and declares no Python project
     */
    static PackageManager parsePyproject(Path file, ManifestReading reading) {
        boolean poetryLock = Files.isRegularFile(file.resolveSibling("poetry.lock"), LinkOption.NOFOLLOW_LINKS);
        JsonNode toml = reading.value(TomlManifest.read(reading.model(), file, reading.root()));
        if (toml == null) {
            return poetryLock ? PackageManager.POETRY : PackageManager.PIP; // malformed: still a Python manifest
        }
        JsonNode poetry = toml.path("tool").path("poetry");
        if (!toml.has("project") && !poetry.isObject() && !toml.has("build-system") && !toml.has("dependency-groups")) {
            return null;
        }
        PackageManager manager = poetry.isObject() || poetryLock ? PackageManager.POETRY : PackageManager.PIP;
        JsonNode project = toml.path("project");
        pep508List(file, project.path("dependencies"), false, manager, reading);
        for (Map.Entry<String, JsonNode> extra : TomlTables.fields(project.path("optional-dependencies"))) {
            boolean dev = DEV_EXTRAS.contains(extra.getKey().toLowerCase(Locale.ROOT));
            pep508List(file, extra.getValue(), dev, manager, reading);
        }
        // PEP 735 groups exist for development workflows: none of them is installed with the package.
        for (Map.Entry<String, JsonNode> group : TomlTables.fields(toml.path("dependency-groups"))) {
            pep508List(file, group.getValue(), true, manager, reading);
        }
        poetryTable(file, poetry.path("dependencies"), false, manager, reading);
        poetryTable(file, poetry.path("dev-dependencies"), true, manager, reading);
        // Poetry's docs reserve groups other than "main" for development dependencies.
        for (Map.Entry<String, JsonNode> group : TomlTables.fields(poetry.path("group"))) {
            boolean dev = !"main".equals(group.getKey());
            poetryTable(file, group.getValue().path("dependencies"), dev, manager, reading);
        }
        return manager;
    }

    static PackageManager parsePipfile(Path file, ManifestReading reading) {
        JsonNode toml = reading.value(TomlManifest.read(reading.model(), file, reading.root()));
        if (toml != null) {
            poetryTable(file, toml.path("packages"), false, PackageManager.PIPENV, reading);
            poetryTable(file, toml.path("dev-packages"), true, PackageManager.PIPENV, reading);
        }
        return PackageManager.PIPENV;
    }

    private static void pep508List(Path file, JsonNode list, boolean dev, PackageManager manager,
            ManifestReading reading) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            reading.warn(file, "a dependency list is not an array");
            return;
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                continue; // {include-group = "..."} in a PEP 735 group: its packages are listed in that group
            }
            Pep508.parse(item.asText()).ifPresentOrElse(
                    r -> reading.add(r.name(), r.version(), dev, manager, file),
                    () -> reading.warn(file, "an entry is not a PEP 508 requirement"));
        }
    }

    /** {@code name = "^1.0"} or {@code name = {version = "^1.0", extras = [...]}} (Poetry and Pipenv alike). */
    private static void poetryTable(Path file, JsonNode table, boolean dev, PackageManager manager,
            ManifestReading reading) {
        for (Map.Entry<String, JsonNode> entry : TomlTables.fields(table)) {
            if ("python".equalsIgnoreCase(entry.getKey())) {
                continue; // the interpreter constraint, not a package
            }
            reading.add(entry.getKey(), TomlTables.version(entry.getValue()), dev, manager, file);
        }
    }
}
