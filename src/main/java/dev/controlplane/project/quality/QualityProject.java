package dev.controlplane.project.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.GradleFacts;
import dev.controlplane.project.manifests.PackageJsonFacts;
import dev.controlplane.project.manifests.PomFacts;
import dev.controlplane.project.manifests.PythonManifests;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.project.testing.TestInventory;
import dev.controlplane.project.testing.TestRunReports;
import dev.controlplane.project.manifests.TomlManifest;

/**
 * What the quality card reads of a project: the stacks it has (from root manifests), the root manifests
 * parsed once, every Maven module's pom.xml (following {@code <modules>}) and every Gradle project's build
 * script (following {@code include} in the settings script).
 */
public final class QualityProject {
    /** Stacks in the order the card lists them. */
    public static final List<String> STACKS = List.of("python", "js", "ts", "go", "rust", "java");
    private static final int MAX_MODULES = 50;

    /** A build script of one module, project-relative. */
    public record Module<T>(String path, T facts) {
    }

    private final ProjectAccess ctx;
    private final Set<String> rootFiles = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> stacks = new LinkedHashSet<>();
    private final List<Module<PomFacts>> poms = new ArrayList<>();
    private final List<Module<GradleFacts>> gradleScripts = new ArrayList<>();
    /** Python dependency name → the manifest declaring it (first one wins). */
    private final Map<String, String> pythonDependencies = new LinkedHashMap<>();
    private PythonManifests.Pyproject pyproject;
    private PackageJsonFacts packageJson;
    private JsonNode cargo;
    private String setupCfg;
    private String toxIni;

    private QualityProject(ProjectAccess ctx) {
        this.ctx = ctx;
    }

    public static QualityProject read(ProjectAccess ctx) {
        QualityProject project = new QualityProject(ctx);
        project.load();
        return project;
    }

    private void load() {
        ctx.project().files(ctx.root(), 1, 10_000, file -> true)
                .forEach(file -> rootFiles.add(file.getFileName().toString()));
        readPython();
        if (has("package.json")) {
            ParsedFile<PackageJsonFacts> parsed = PackageJsonFacts.read(ctx.project(), ctx.path("package.json"), ctx.root());
            warn(parsed);
            packageJson = parsed.value();
        }
        if (has("Cargo.toml")) {
            ParsedFile<JsonNode> parsed = TomlManifest.read(ctx.project(), ctx.path("Cargo.toml"), ctx.root());
            warn(parsed);
            cargo = parsed.value();
        }
        readPomFile("pom.xml", new LinkedHashSet<>());
        readGradle();
        detectStacks();
    }

    private void readPython() {
        if (has("pyproject.toml")) {
            ParsedFile<PythonManifests.Pyproject> parsed = PythonManifests.pyproject(ctx.project(), ctx.path("pyproject.toml"),
                    ctx.root());
            warn(parsed);
            pyproject = parsed.value();
            if (pyproject != null) {
                pyproject.dependencies().forEach(name -> pythonDependencies.putIfAbsent(name, "pyproject.toml"));
            }
        }
        for (String name : rootFiles.stream().sorted().toList()) {
            if (name.startsWith("requirements") && name.endsWith(".txt")) {
                PythonManifests.requirements(Manifests.text(ctx.path(name)))
                        .forEach(dep -> pythonDependencies.putIfAbsent(dep, name));
            }
        }
        if (has("Pipfile")) {
            ParsedFile<Set<String>> parsed = PythonManifests.pipfile(ctx.project(), ctx.path("Pipfile"), ctx.root());
            warn(parsed);
            if (parsed.value() != null) {
                parsed.value().forEach(dep -> pythonDependencies.putIfAbsent(dep, "Pipfile"));
            }
        }
        setupCfg = has("setup.cfg") ? Manifests.text(ctx.path("setup.cfg")) : null;
        toxIni = has("tox.ini") ? Manifests.text(ctx.path("tox.ini")) : null;
    }

    /** Reads a pom.xml and, through {@code <modules>}, every module below it (at most 50). */
    private void readPomFile(String rel, Set<String> seen) {
        if (seen.size() >= MAX_MODULES || !seen.add(rel) || !ctx.isFile(rel)) {
            return;
        }
        ParsedFile<PomFacts> parsed = PomFacts.read(ctx.project(), ctx.path(rel), ctx.root());
        warn(parsed);
        if (parsed.value() == null) {
            return;
        }
        poms.add(new Module<>(rel, parsed.value()));
        String dir = TestInventory.parentDir(rel);
        for (String module : parsed.value().modules()) {
            // a module names a directory, or (rarely) a pom file of another name
            String child = TestRunReports.join(dir, module);
            String childPom = module.endsWith(".xml") ? child : TestRunReports.join(child, "pom.xml");
            inside(childPom).ifPresent(pom -> readPomFile(pom, seen));
        }
    }

    private void readGradle() {
        List<String> dirs = new ArrayList<>();
        dirs.add("");
        for (String settings : List.of("settings.gradle", "settings.gradle.kts")) {
            if (has(settings)) {
                dirs.addAll(GradleFacts.includedProjects(ctx.project(), ctx.path(settings)));
            }
        }
        for (String dir : dirs.stream().distinct().limit(MAX_MODULES).toList()) {
            for (String script : List.of("build.gradle", "build.gradle.kts")) {
                Optional<String> rel = inside(TestRunReports.join(dir, script));
                if (rel.isPresent() && ctx.isFile(rel.get())) {
                    gradleScripts.add(new Module<>(rel.get(), GradleFacts.read(ctx.project(), ctx.path(rel.get()))));
                }
            }
        }
    }

    private void detectStacks() {
        if (has("pyproject.toml") || has("setup.py") || has("setup.cfg") || has("Pipfile") || has("tox.ini")
                || rootFiles.stream().anyMatch(n -> n.startsWith("requirements") && n.endsWith(".txt"))) {
            stacks.add("python");
        }
        if (has("package.json")) {
            stacks.add("js");
        }
        if (has("tsconfig.json") || (packageJson != null && packageJson.dependsOn("typescript"))) {
            stacks.add("ts");
        }
        if (has("go.mod")) {
            stacks.add("go");
        }
        if (has("Cargo.toml")) {
            stacks.add("rust");
        }
        if (has("pom.xml") || hasGradle()) {
            stacks.add("java");
        }
    }

    /**
     * A project-relative path of an existing file that stays inside the project: {@code ../sibling} modules
     * and modules reached through a link to elsewhere are left out.
     */
    private Optional<String> inside(String rel) {
        Path resolved = ctx.path(rel);
        boolean inside = resolved.startsWith(ctx.root()) && ctx.reallyContains(resolved);
        return inside ? Optional.of(ctx.rel(resolved)) : Optional.empty();
    }

    private void warn(ParsedFile<?> parsed) {
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
    }

    public boolean has(String rootFile) {
        return rootFiles.contains(rootFile);
    }

    public boolean hasGradle() {
        return has("build.gradle") || has("build.gradle.kts") || has("settings.gradle") || has("settings.gradle.kts");
    }

    /** Whether the tool's stack is one of the project's (JS tools also serve TypeScript projects). */
    public boolean hasStack(String stack) {
        return stacks.contains(stack) || (stack.equals("js") && stacks.contains("ts"));
    }

    public List<String> stacks() {
        return STACKS.stream().filter(stacks::contains).toList();
    }

    public Optional<PythonManifests.Pyproject> pyproject() {
        return Optional.ofNullable(pyproject);
    }

    public Optional<PackageJsonFacts> packageJson() {
        return Optional.ofNullable(packageJson);
    }

    /** Cargo.toml's {@code [lints.clippy]} or {@code [workspace.lints.clippy]}. */
    public boolean cargoConfiguresClippy() {
        return cargo != null && (cargo.path("lints").has("clippy") || cargo.path("workspace").path("lints").has("clippy"));
    }

    /** The root INI file's text ({@code setup.cfg} or {@code tox.ini}), or null. */
    public String iniText(String file) {
        return switch (file) {
            case "setup.cfg" -> setupCfg;
            case "tox.ini" -> toxIni;
            default -> null;
        };
    }

    public Optional<String> pythonDependencySource(String name) {
        return Optional.ofNullable(pythonDependencies.get(PythonManifests.normalize(name)));
    }

    public List<Module<PomFacts>> poms() {
        return poms;
    }

    public List<Module<GradleFacts>> gradleScripts() {
        return gradleScripts;
    }

    public List<String> warnings() {
        return warnings;
    }
}
