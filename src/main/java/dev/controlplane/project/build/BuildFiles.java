package dev.controlplane.project.build;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ProjectWalker;

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

    private final ProjectAccess ctx;
    /** Dependency name (lower case) → the manifest that declares it first. */
    private final Map<String, String> dependencies = new LinkedHashMap<>();
    private final List<Entrypoint> entrypoints = new ArrayList<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final List<String> consoleScripts = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    // One reader per ecosystem family; each hands what it finds back through the package-private adders below.
    private final JvmBuildManifests jvm;
    private final NodeBuildManifests node;
    private final PythonBuildManifests python;
    private final GoCargoBuildManifests goCargo;

    public BuildFiles(ProjectAccess ctx) {
        this.ctx = ctx;
        this.jvm = new JvmBuildManifests(this);
        this.node = new NodeBuildManifests(this);
        this.python = new PythonBuildManifests(this);
        this.goCargo = new GoCargoBuildManifests(this);
    }

    /** Reads one manifest found by the walk, by its file name. */
    public void read(Path file) {
        String name = file.getFileName().toString();
        String rel = ctx.rel(file);
        ctx.watch(rel);
        switch (name) {
            case "pom.xml" -> jvm.maven(file, rel);
            case "build.gradle", "build.gradle.kts" -> jvm.gradle(file, rel);
            case "settings.gradle", "settings.gradle.kts" -> jvm.gradleSettings(file, rel);
            case "package.json" -> node.npm(file, rel);
            case "pnpm-workspace.yaml" -> node.pnpmWorkspace(file, rel);
            case "pyproject.toml" -> python.pyproject(file, rel);
            case "Pipfile" -> python.pipfile(file, rel);
            case "setup.py", "setup.cfg" -> python.setupScript(file, rel);
            case "go.mod" -> goCargo.goMod(file, rel);
            case "go.work" -> goCargo.goWork(file, rel);
            case "Cargo.toml" -> goCargo.cargo(file, rel);
            default -> {
                if (name.startsWith("requirements") && name.endsWith(".txt")) {
                    python.requirements(file, rel);
                }
            }
        }
    }

    /** Dependency name (lower case, {@code _} as {@code -}) → the manifest that declares it first. */
    public Map<String, String> dependencies() {
        return Collections.unmodifiableMap(dependencies);
    }

    /** Declared entry points, each once, in the order the manifests were read. */
    public List<Entrypoint> entrypoints() {
        return Collections.unmodifiableList(entrypoints);
    }

    /** Declared modules, each once (by kind and path), in the order the manifests were read. */
    public Collection<Module> modules() {
        return Collections.unmodifiableCollection(modules.values());
    }

    /** Manifests that declare Python console scripts. */
    public List<String> consoleScripts() {
        return Collections.unmodifiableList(consoleScripts);
    }

    /** Manifests that could not be read, one line each. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    ProjectAccess access() {
        return ctx;
    }

    void warning(String text) {
        warnings.add(text);
    }

    void consoleScriptManifest(String rel) {
        consoleScripts.add(rel);
    }

    void dependency(String name, String rel) {
        String normalized = name.toLowerCase(Locale.ROOT).replace('_', '-');
        dependencies.putIfAbsent(normalized, rel);
    }

    void entrypoint(String type, String name, String rel) {
        Entrypoint entry = new Entrypoint(type, name, rel);
        if (!entrypoints.contains(entry)) {
            entrypoints.add(entry);
        }
    }

    void module(String name, String path, String kind) {
        modules.putIfAbsent(kind + ":" + path, new Module(name, path, kind));
    }

    /** Sub-directories of a project directory, sorted, without hidden or skipped ones and without links. */
    List<String> childDirectories(String rel) {
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

    static String parentName(String rel) {
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
