package dev.controlplane.project.build;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.TomlManifest;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * What Python projects declare: requirements (PEP 621, Poetry, Pipfile, requirements files) and console scripts.
 * One of the readers behind {@link BuildFiles}, which keeps what they find.
 */
final class PythonBuildManifests {
    private static final Pattern PYTHON_REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._\\-]*)");

    private final BuildFiles out;
    private final ProjectAccess ctx;

    PythonBuildManifests(BuildFiles out) {
        this.out = out;
        this.ctx = out.access();
    }

    void pyproject(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            out.warning(parsed.warning());
            return;
        }
        JsonNode toml = parsed.value();
        for (JsonNode requirement : toml.path("project").path("dependencies")) {
            pythonRequirement(requirement.asText(), rel);
        }
        toml.path("project").path("optional-dependencies").forEach(group -> group.forEach(
                requirement -> pythonRequirement(requirement.asText(), rel)));
        JsonNode poetry = toml.path("tool").path("poetry");
        poetry.path("dependencies").fieldNames().forEachRemaining(name -> out.dependency(name, rel));
        poetry.path("group").forEach(group -> group.path("dependencies").fieldNames()
                .forEachRemaining(name -> out.dependency(name, rel)));
        toml.path("project").path("scripts").fieldNames().forEachRemaining(name -> consoleScript(name, rel));
        poetry.path("scripts").fieldNames().forEachRemaining(name -> consoleScript(name, rel));
    }

    void pipfile(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            out.warning(parsed.warning());
            return;
        }
        for (String section : List.of("packages", "dev-packages")) {
            parsed.value().path(section).fieldNames().forEachRemaining(name -> out.dependency(name, rel));
        }
    }

    /** setup.py/setup.cfg are code or loose INI: only the console_scripts declaration matters here. */
    void setupScript(Path file, String rel) {
        String text = Manifests.text(file);
        if (text != null && text.contains("console_scripts")) {
            out.consoleScriptManifest(rel);
        }
    }

    void requirements(Path file, String rel) {
        String text = Manifests.text(file);
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("-")) {
                pythonRequirement(line, rel);
            }
        }
    }

    private void pythonRequirement(String requirement, String rel) {
        Matcher m = PYTHON_REQUIREMENT.matcher(requirement);
        if (m.find()) {
            out.dependency(m.group(1), rel);
        }
    }

    private void consoleScript(String name, String rel) {
        out.consoleScriptManifest(rel);
        out.entrypoint("bin", name, rel);
    }
}
