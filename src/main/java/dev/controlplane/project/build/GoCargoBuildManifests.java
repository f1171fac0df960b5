package dev.controlplane.project.build;

import static dev.controlplane.project.build.BuildFiles.join;
import static dev.controlplane.project.build.BuildFiles.parentDir;

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
 * What Go and Cargo declare: required modules and crates, Cargo bins, and the modules of Go and Cargo workspaces.
 * One of the readers behind {@link BuildFiles}, which keeps what they find.
 */
final class GoCargoBuildManifests {
    private static final Pattern GO_REQUIRE = Pattern.compile(
            "(?m)^\\s*(?:require\\s+)?([\\w.\\-]+\\.[\\w.\\-]+/\\S+)\\s+v\\S+");
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+(\\S+)");
    private static final Pattern GO_WORK_USE = Pattern.compile("(?m)^\\s*(?:use\\s+)?(\\.{1,2}/\\S*|\\.)\\s*$");
    private static final Pattern GO_MAJOR_SUFFIX = Pattern.compile("/v\\d+$");

    private final BuildFiles out;
    private final ProjectAccess ctx;

    GoCargoBuildManifests(BuildFiles out) {
        this.out = out;
        this.ctx = out.access();
    }

    void goMod(Path file, String rel) {
        String text = Manifests.text(file);
        if (text == null) {
            return;
        }
        Matcher require = GO_REQUIRE.matcher(text);
        while (require.find()) {
            out.dependency(GO_MAJOR_SUFFIX.matcher(require.group(1)).replaceFirst(""), rel);
        }
        String dir = parentDir(rel);
        if (!dir.isEmpty()) {
            // A go.mod below the root is a module of its own (a multi-module repository).
            Matcher module = GO_MODULE.matcher(text);
            out.module(module.find() ? module.group(1) : dir, dir, "go");
        }
    }

    void goWork(Path file, String rel) {
        String text = Manifests.text(file);
        if (text == null) {
            return;
        }
        String dir = parentDir(rel);
        Matcher use = GO_WORK_USE.matcher(text);
        while (use.find()) {
            String path = join(dir, use.group(1).replaceFirst("^\\./", "").replaceFirst("/$", ""));
            if (!path.isEmpty() && !path.equals(".")) {
                out.module(path.substring(path.lastIndexOf('/') + 1), path, "go");
            }
        }
    }

    void cargo(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            out.warning(parsed.warning());
            return;
        }
        JsonNode toml = parsed.value();
        for (String section : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
            toml.path(section).fieldNames().forEachRemaining(name -> out.dependency(name, rel));
        }
        toml.path("workspace").path("dependencies").fieldNames().forEachRemaining(name -> out.dependency(name, rel));
        for (JsonNode bin : toml.path("bin")) {
            if (bin.path("name").isTextual()) {
                out.entrypoint("bin", bin.path("name").asText(), rel);
            }
        }
        String dir = parentDir(rel);
        for (JsonNode member : toml.path("workspace").path("members")) {
            String text = member.asText();
            if (text.endsWith("/*")) {
                for (String child : out.childDirectories(join(dir, text.substring(0, text.length() - 2)))) {
                    out.module(child.substring(child.lastIndexOf('/') + 1), child, "cargo");
                }
            } else if (!text.isEmpty()) {
                out.module(text.substring(text.lastIndexOf('/') + 1), join(dir, text), "cargo");
            }
        }
    }
}
