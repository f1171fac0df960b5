package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.ParsedFile;

/**
 * Python project metadata the testing and quality cards need: {@code [tool.*]} sections of pyproject.toml,
 * declared dependency names (PEP 621, PEP 735 groups, Poetry, Pipfile, requirements files), and INI sections
 * of setup.cfg / tox.ini.
 */
public final class PythonManifests {
    private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    private PythonManifests() {
    }

    /** A parsed pyproject.toml: its {@code [tool]} table and the names of everything it depends on. */
    public record Pyproject(JsonNode tool, Set<String> dependencies) {
        public boolean hasTool(String name) {
            return tool.has(name);
        }

        /** {@code [tool.pytest.ini_options]} addopts, or "". */
        public String pytestAddopts() {
            JsonNode addopts = tool.path("pytest").path("ini_options").path("addopts");
            if (addopts.isArray()) {
                StringBuilder joined = new StringBuilder();
                addopts.forEach(a -> joined.append(a.asText()).append(' '));
                return joined.toString();
            }
            return addopts.asText("");
        }
    }

    public static ParsedFile<Pyproject> pyproject(Path file, Path root) {
        return pyproject(new ProjectModel(root), file, root);
    }

    /** As {@link #pyproject(Path, Path)}, from the model's one parse of the file ({@link TomlManifest}). */
    public static ParsedFile<Pyproject> pyproject(ProjectModel model, Path file, Path root) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(model, file, root);
        if (!parsed.isOk()) {
            return ParsedFile.failed(parsed.warning());
        }
        JsonNode toml = parsed.value();
        Set<String> names = new TreeSet<>();
        addRequirements(toml.path("project").path("dependencies"), names);
        toml.path("project").path("optional-dependencies").forEach(group -> addRequirements(group, names));
        toml.path("dependency-groups").forEach(group -> addRequirements(group, names));
        JsonNode poetry = toml.path("tool").path("poetry");
        addKeys(poetry.path("dependencies"), names);
        addKeys(poetry.path("dev-dependencies"), names);
        poetry.path("group").forEach(group -> addKeys(group.path("dependencies"), names));
        return ParsedFile.ok(new Pyproject(toml.path("tool"), names));
    }

    /** Package names of a Pipfile's [packages] and [dev-packages]. */
    public static ParsedFile<Set<String>> pipfile(Path file, Path root) {
        return pipfile(new ProjectModel(root), file, root);
    }

    /** As {@link #pipfile(Path, Path)}, from the model's one parse of the file ({@link TomlManifest}). */
    public static ParsedFile<Set<String>> pipfile(ProjectModel model, Path file, Path root) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(model, file, root);
        if (!parsed.isOk()) {
            return ParsedFile.failed(parsed.warning());
        }
        Set<String> names = new TreeSet<>();
        addKeys(parsed.value().path("packages"), names);
        addKeys(parsed.value().path("dev-packages"), names);
        return ParsedFile.ok(names);
    }

    /** Package names in a requirements file (options, includes and URLs are skipped). */
    public static Set<String> requirements(String text) {
        Set<String> names = new TreeSet<>();
        if (text == null) {
            return names;
        }
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("-") || trimmed.contains("://")) {
                continue;
            }
            Matcher m = REQUIREMENT_NAME.matcher(trimmed);
            if (m.find()) {
                names.add(normalize(m.group(1)));
            }
        }
        return names;
    }

    /** True when an INI file (setup.cfg, tox.ini) has the section {@code [name]} or one starting {@code [name:}. */
    public static boolean hasIniSection(String text, String name, boolean prefix) {
        if (text == null) {
            return false;
        }
        String quoted = Pattern.quote(name);
        String pattern = prefix ? "^\\s*\\[" + quoted + "[:\\]]" : "^\\s*\\[" + quoted + "\\]";
        return Pattern.compile(pattern, Pattern.MULTILINE).matcher(text).find();
    }

    /** PEP 503 normalised name: case-folded, runs of {@code -_.} as one {@code -}. */
    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static void addRequirements(JsonNode list, Set<String> names) {
        if (!list.isArray()) {
            return;
        }
        for (JsonNode requirement : list) {
            Matcher m = REQUIREMENT_NAME.matcher(requirement.asText(""));
            if (m.find()) {
                names.add(normalize(m.group(1)));
            }
        }
    }

    private static void addKeys(JsonNode table, Set<String> names) {
        if (!table.isObject()) {
            return;
        }
        for (Iterator<String> it = table.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!name.equals("python")) {
                names.add(normalize(name));
            }
        }
    }
}
