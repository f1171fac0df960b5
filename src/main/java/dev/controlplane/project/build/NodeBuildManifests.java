package dev.controlplane.project.build;

import static dev.controlplane.project.build.BuildFiles.join;
import static dev.controlplane.project.build.BuildFiles.parentDir;
import static dev.controlplane.project.build.BuildFiles.parentName;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.PackageJsonFile;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * What npm and pnpm declare: dependencies, bins and scripts as entry points, workspaces as modules.
 * One of the readers behind {@link BuildFiles}, which keeps what they find.
 */
final class NodeBuildManifests {

    private final BuildFiles out;
    private final ProjectAccess ctx;

    NodeBuildManifests(BuildFiles out) {
        this.out = out;
        this.ctx = out.access();
    }

    void npm(Path file, String rel) {
        ParsedFile<JsonNode> parsed = PackageJsonFile.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            out.warning(parsed.warning());
            return;
        }
        JsonNode pkg = parsed.value();
        PackageJsonFile.dependencyNames(pkg).forEach(name -> out.dependency(name, rel));
        JsonNode bin = pkg.path("bin");
        if (bin.isTextual()) {
            out.entrypoint("bin", pkg.path("name").asText(parentName(rel)), rel);
        } else if (bin.isObject()) {
            bin.fieldNames().forEachRemaining(name -> out.entrypoint("bin", name, rel));
        }
        pkg.path("scripts").fieldNames().forEachRemaining(name -> out.entrypoint("script", name, rel));
        JsonNode workspaces = pkg.path("workspaces");
        workspaces(workspaces.isObject() ? workspaces.path("packages") : workspaces, parentDir(rel), "npm");
    }

    void pnpmWorkspace(Path file, String rel) {
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
        if (parsed.warning() != null) {
            out.warning(parsed.warning());
        }
        if (parsed.value() != null && !parsed.value().isEmpty()) {
            workspaces(parsed.value().get(0).path("packages"), parentDir(rel), "pnpm");
        }
    }

    /** Workspace patterns; {@code packages/*} is expanded to the directories holding a package.json. */
    private void workspaces(JsonNode patterns, String dir, String kind) {
        if (!patterns.isArray()) {
            return;
        }
        for (JsonNode pattern : patterns) {
            String text = pattern.asText().replaceFirst("^\\./", "");
            if (text.isEmpty() || text.startsWith("!")) {
                continue;
            }
            if (text.endsWith("/*") && !text.substring(0, text.length() - 2).contains("*")) {
                String parent = join(dir, text.substring(0, text.length() - 2));
                for (String child : out.childDirectories(parent)) {
                    if (ctx.isFile(join(child, "package.json"))) {
                        out.module(child.substring(child.lastIndexOf('/') + 1), child, kind);
                    }
                }
            } else {
                out.module(text, join(dir, text), kind);
            }
        }
    }
}
