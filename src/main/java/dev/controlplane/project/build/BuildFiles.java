package dev.controlplane.project.build;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.project.manifests.GradleScript;
import dev.controlplane.project.manifests.PackageJsonFile;
import dev.controlplane.project.manifests.PomFile;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.support.ProjectWalker;
import dev.controlplane.project.manifests.TomlManifest;

/**
 * What the build manifests declare about structure: dependency names (to recognise web, API and CLI
 * frameworks), declared entry points (npm scripts and bins, Python console scripts, Cargo bins, application
 * build plugins, main classes) and modules (Maven modules, Gradle subprojects, npm/pnpm workspaces, Go and
 * Cargo workspaces). Every manifest is read with the hardened parsers; a broken one becomes a warning.
 */
public final class BuildFiles {

    public record Entrypoint(String type, String name, String path) {
    }

    public record Module(String name, String path, String kind) {
    }

    /** Maven plugins that make a module a runnable application. */
    public static final Set<String> MAVEN_APP_PLUGINS = Set.of("spring-boot-maven-plugin", "quarkus-maven-plugin",
            "exec-maven-plugin", "maven-shade-plugin", "jib-maven-plugin", "micronaut-maven-plugin",
            "javafx-maven-plugin", "appassembler-maven-plugin", "native-maven-plugin");
    /** Gradle plugins that make a project a runnable application. */
    public static final Set<String> GRADLE_APP_PLUGINS = Set.of("application", "org.springframework.boot", "io.quarkus",
            "com.github.johnrengelman.shadow", "com.gradleup.shadow", "io.micronaut.application",
            "com.google.cloud.tools.jib", "org.graalvm.buildtools.native");

    private static final Pattern GRADLE_COORDINATE = Pattern.compile("[\"']([\\w.\\-]+):([\\w.\\-]+)(?::[^\"']*)?[\"']");
    private static final Pattern GRADLE_PLUGIN_ID = Pattern.compile(
            "(?:\\bid\\s*\\(?\\s*|apply\\s+plugin\\s*:\\s*)[\"']([\\w.\\-]+)[\"']");
    private static final Pattern GRADLE_BARE_PLUGIN = Pattern.compile("(?m)^\\s*`?(application)`?\\s*$");
    private static final Pattern GRADLE_MAIN_CLASS = Pattern.compile(
            "mainClass(?:Name)?\\s*(?:\\.set\\s*\\(|=)\\s*[\"']([\\w.$]+)[\"']");
    private static final Pattern GRADLE_INCLUDE = Pattern.compile("(?m)^\\s*include\\s*\\(?(.*)$");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern PYTHON_REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._\\-]*)");
    private static final Pattern GO_REQUIRE = Pattern.compile(
            "(?m)^\\s*(?:require\\s+)?([\\w.\\-]+\\.[\\w.\\-]+/\\S+)\\s+v\\S+");
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+(\\S+)");
    private static final Pattern GO_WORK_USE = Pattern.compile("(?m)^\\s*(?:use\\s+)?(\\.{1,2}/\\S*|\\.)\\s*$");
    private static final Pattern GO_MAJOR_SUFFIX = Pattern.compile("/v\\d+$");

    private final ProjectAccess ctx;
    /** Dependency name (lower case) → the manifest that declares it first. */
    public final Map<String, String> dependencies = new LinkedHashMap<>();
    public final List<Entrypoint> entrypoints = new ArrayList<>();
    public final Map<String, Module> modules = new LinkedHashMap<>();
    public final List<String> consoleScripts = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    public BuildFiles(ProjectAccess ctx) {
        this.ctx = ctx;
    }

    /** Reads one manifest found by the walk, by its file name. */
    public void read(Path file) {
        String name = file.getFileName().toString();
        String rel = ctx.rel(file);
        ctx.watch(rel);
        switch (name) {
            case "pom.xml" -> maven(file, rel);
            case "build.gradle", "build.gradle.kts" -> gradle(file, rel);
            case "settings.gradle", "settings.gradle.kts" -> gradleSettings(file, rel);
            case "package.json" -> npm(file, rel);
            case "pnpm-workspace.yaml" -> pnpmWorkspace(file, rel);
            case "pyproject.toml" -> pyproject(file, rel);
            case "Pipfile" -> pipfile(file, rel);
            case "setup.py", "setup.cfg" -> setupScript(file, rel);
            case "go.mod" -> goMod(file, rel);
            case "go.work" -> goWork(file, rel);
            case "Cargo.toml" -> cargo(file, rel);
            default -> {
                if (name.startsWith("requirements") && name.endsWith(".txt")) {
                    requirements(file, rel);
                }
            }
        }
    }

    private void maven(Path file, String rel) {
        ParsedFile<PomFile> parsed = PomFile.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return;
        }
        PomFile pom = parsed.value();
        for (PomFile.Coordinates dependency : pom.dependencies()) {
            if (!dependency.artifactId().isEmpty()) {
                dependency(dependency.artifactId(), rel);
            }
        }
        for (String artifact : pom.plugins()) {
            if (MAVEN_APP_PLUGINS.contains(artifact)) {
                entrypoint("build-plugin", artifact, rel);
            }
        }
        for (String mainClass : pom.mainClasses()) {
            entrypoint("main-class", mainClass, rel);
        }
        String dir = parentDir(rel);
        for (String name : pom.modules()) {
            module(name, join(dir, name), "maven");
        }
    }

    private void gradle(Path file, String rel) {
        String text = GradleScript.read(ctx.project(), file).text();
        if (text == null) {
            return;
        }
        Matcher coordinate = GRADLE_COORDINATE.matcher(text);
        while (coordinate.find()) {
            dependency(coordinate.group(2), rel);
        }
        Matcher plugin = GRADLE_PLUGIN_ID.matcher(text);
        while (plugin.find()) {
            if (GRADLE_APP_PLUGINS.contains(plugin.group(1))) {
                entrypoint("build-plugin", plugin.group(1), rel);
            }
        }
        if (GRADLE_BARE_PLUGIN.matcher(text).find()) {
            entrypoint("build-plugin", "application", rel);
        }
        Matcher mainClass = GRADLE_MAIN_CLASS.matcher(text);
        while (mainClass.find()) {
            entrypoint("main-class", mainClass.group(1), rel);
        }
    }

    private void gradleSettings(Path file, String rel) {
        String text = GradleScript.read(ctx.project(), file).text();
        if (text == null) {
            return;
        }
        String dir = parentDir(rel);
        Matcher include = GRADLE_INCLUDE.matcher(text);
        while (include.find()) {
            Matcher quoted = QUOTED.matcher(include.group(1));
            while (quoted.find()) {
                String project = quoted.group(1).replaceFirst("^:", "");
                module(project, join(dir, project.replace(':', '/')), "gradle");
            }
        }
    }

    private void npm(Path file, String rel) {
        ParsedFile<JsonNode> parsed = PackageJsonFile.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return;
        }
        JsonNode pkg = parsed.value();
        PackageJsonFile.dependencyNames(pkg).forEach(name -> dependency(name, rel));
        JsonNode bin = pkg.path("bin");
        if (bin.isTextual()) {
            entrypoint("bin", pkg.path("name").asText(parentName(rel)), rel);
        } else if (bin.isObject()) {
            bin.fieldNames().forEachRemaining(name -> entrypoint("bin", name, rel));
        }
        pkg.path("scripts").fieldNames().forEachRemaining(name -> entrypoint("script", name, rel));
        JsonNode workspaces = pkg.path("workspaces");
        workspaces(workspaces.isObject() ? workspaces.path("packages") : workspaces, parentDir(rel), "npm");
    }

    private void pnpmWorkspace(Path file, String rel) {
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
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
                for (String child : childDirectories(parent)) {
                    if (ctx.isFile(join(child, "package.json"))) {
                        module(child.substring(child.lastIndexOf('/') + 1), child, kind);
                    }
                }
            } else {
                module(text, join(dir, text), kind);
            }
        }
    }

    private void pyproject(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return;
        }
        JsonNode toml = parsed.value();
        for (JsonNode requirement : toml.path("project").path("dependencies")) {
            pythonRequirement(requirement.asText(), rel);
        }
        toml.path("project").path("optional-dependencies").forEach(group -> group.forEach(
                requirement -> pythonRequirement(requirement.asText(), rel)));
        JsonNode poetry = toml.path("tool").path("poetry");
        poetry.path("dependencies").fieldNames().forEachRemaining(name -> dependency(name, rel));
        poetry.path("group").forEach(group -> group.path("dependencies").fieldNames()
                .forEachRemaining(name -> dependency(name, rel)));
        toml.path("project").path("scripts").fieldNames().forEachRemaining(name -> consoleScript(name, rel));
        poetry.path("scripts").fieldNames().forEachRemaining(name -> consoleScript(name, rel));
    }

    private void pipfile(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return;
        }
        for (String section : List.of("packages", "dev-packages")) {
            parsed.value().path(section).fieldNames().forEachRemaining(name -> dependency(name, rel));
        }
    }

    /** setup.py/setup.cfg are code or loose INI: only the console_scripts declaration matters here. */
    private void setupScript(Path file, String rel) {
        String text = Manifests.text(file);
        if (text != null && text.contains("console_scripts")) {
            consoleScripts.add(rel);
        }
    }

    private void requirements(Path file, String rel) {
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

    private void goMod(Path file, String rel) {
        String text = Manifests.text(file);
        if (text == null) {
            return;
        }
        Matcher require = GO_REQUIRE.matcher(text);
        while (require.find()) {
            dependency(GO_MAJOR_SUFFIX.matcher(require.group(1)).replaceFirst(""), rel);
        }
        String dir = parentDir(rel);
        if (!dir.isEmpty()) {
            // A go.mod below the root is a module of its own (a multi-module repository).
            Matcher module = GO_MODULE.matcher(text);
            module(module.find() ? module.group(1) : dir, dir, "go");
        }
    }

    private void goWork(Path file, String rel) {
        String text = Manifests.text(file);
        if (text == null) {
            return;
        }
        String dir = parentDir(rel);
        Matcher use = GO_WORK_USE.matcher(text);
        while (use.find()) {
            String path = join(dir, use.group(1).replaceFirst("^\\./", "").replaceFirst("/$", ""));
            if (!path.isEmpty() && !path.equals(".")) {
                module(path.substring(path.lastIndexOf('/') + 1), path, "go");
            }
        }
    }

    private void cargo(Path file, String rel) {
        ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return;
        }
        JsonNode toml = parsed.value();
        for (String section : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
            toml.path(section).fieldNames().forEachRemaining(name -> dependency(name, rel));
        }
        toml.path("workspace").path("dependencies").fieldNames().forEachRemaining(name -> dependency(name, rel));
        for (JsonNode bin : toml.path("bin")) {
            if (bin.path("name").isTextual()) {
                entrypoint("bin", bin.path("name").asText(), rel);
            }
        }
        String dir = parentDir(rel);
        for (JsonNode member : toml.path("workspace").path("members")) {
            String text = member.asText();
            if (text.endsWith("/*")) {
                for (String child : childDirectories(join(dir, text.substring(0, text.length() - 2)))) {
                    module(child.substring(child.lastIndexOf('/') + 1), child, "cargo");
                }
            } else if (!text.isEmpty()) {
                module(text.substring(text.lastIndexOf('/') + 1), join(dir, text), "cargo");
            }
        }
    }

    private void pythonRequirement(String requirement, String rel) {
        Matcher m = PYTHON_REQUIREMENT.matcher(requirement);
        if (m.find()) {
            dependency(m.group(1), rel);
        }
    }

    private void consoleScript(String name, String rel) {
        consoleScripts.add(rel);
        entrypoint("bin", name, rel);
    }

    private void dependency(String name, String rel) {
        String normalized = name.toLowerCase(Locale.ROOT).replace('_', '-');
        dependencies.putIfAbsent(normalized, rel);
    }

    private void entrypoint(String type, String name, String rel) {
        Entrypoint entry = new Entrypoint(type, name, rel);
        if (!entrypoints.contains(entry)) {
            entrypoints.add(entry);
        }
    }

    private void module(String name, String path, String kind) {
        modules.putIfAbsent(kind + ":" + path, new Module(name, path, kind));
    }

    /** Sub-directories of a project directory, sorted, without hidden or skipped ones and without links. */
    private List<String> childDirectories(String rel) {
        List<String> children = new ArrayList<>();
        Path dir = ctx.path(rel);
        if (!dir.startsWith(ctx.root()) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return children;
        }
        // From the model's listing: an unreadable workspace directory gives no modules.
        for (DirectoryEntry entry : ctx.project().list(dir)) {
            if (entry.isDirectory() && !ProjectWalker.skipped(entry.path())) {
                children.add(ctx.rel(entry.path()));
            }
            if (children.size() >= 500) {
                break;
            }
        }
        children.sort(String::compareTo);
        return children;
    }

    public static String parentDir(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static String parentName(String rel) {
        String dir = parentDir(rel);
        return dir.isEmpty() ? "." : dir.substring(dir.lastIndexOf('/') + 1);
    }

    /** {@code dir/child}, normalised ({@code a/../b} → {@code b}), always with forward slashes. */
    public static String join(String dir, String child) {
        String joined = dir.isEmpty() ? child : dir + "/" + child;
        Path normal = Path.of(joined).normalize();
        String text = normal.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
