package dev.controlplane.project.quality;

import java.util.Optional;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.GradleFacts;
import dev.controlplane.project.manifests.PomFacts;
import dev.controlplane.project.manifests.PythonManifests;

/**
 * Finds where a quality tool is configured, most specific first: its own config file, a pyproject.toml
 * table, an INI section, a package.json key, a build plugin (any Maven module, any Gradle project), and last
 * a dependency declaration (the project asked for the tool without configuring it).
 */
public final class QualityConfigs {

    private QualityConfigs() {
    }

    public static Optional<String> find(ProjectAccess ctx, QualityProject project, QualityTool tool) {
        for (String file : tool.configFiles()) {
            if (ctx.isFile(file)) {
                return Optional.of(file);
            }
        }
        if (tool.pyprojectTool() != null && project.pyproject().map(p -> p.hasTool(tool.pyprojectTool())).orElse(false)) {
            return Optional.of("pyproject.toml");
        }
        for (String section : tool.iniSections()) {
            int colon = section.indexOf(':');
            String file = section.substring(0, colon);
            if (PythonManifests.hasIniSection(project.iniText(file), section.substring(colon + 1), false)) {
                return Optional.of(file);
            }
        }
        if (tool.packageKey() != null && project.packageJson().map(p -> p.hasKey(tool.packageKey())).orElse(false)) {
            return Optional.of("package.json");
        }
        Optional<String> plugin = buildPlugin(project, tool);
        if (plugin.isPresent()) {
            return plugin;
        }
        if (tool.id().equals("clippy") && project.cargoConfiguresClippy()) {
            return Optional.of("Cargo.toml");
        }
        return declaredDependency(project, tool);
    }

    private static Optional<String> buildPlugin(QualityProject project, QualityTool tool) {
        if (!tool.runsThroughBuildTool()) {
            return Optional.empty();
        }
        boolean errorProne = tool.id().equals("error-prone");
        for (QualityProject.Module<PomFacts> pom : project.poms()) {
            boolean configured = errorProne ? pom.facts().errorProne()
                    : tool.mavenPlugin() != null && pom.facts().hasPlugin(tool.mavenPlugin());
            if (configured) {
                return Optional.of(pom.path());
            }
        }
        for (QualityProject.Module<GradleFacts> script : project.gradleScripts()) {
            boolean configured = script.facts().appliesPlugin(tool.gradlePlugin())
                    || (errorProne && script.facts().mentions("error_prone_core"));
            if (configured) {
                return Optional.of(script.path());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> declaredDependency(QualityProject project, QualityTool tool) {
        if (tool.dependency() == null) {
            return Optional.empty();
        }
        if (tool.stack().equals("python")) {
            return project.pythonDependencySource(tool.dependency());
        }
        boolean declared = project.packageJson().map(p -> p.dependsOn(tool.dependency())).orElse(false);
        return declared ? Optional.of("package.json") : Optional.empty();
    }
}
