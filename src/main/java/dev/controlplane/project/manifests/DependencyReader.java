package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.ProjectWalker;

/**
 * Finds a project's package manifests and lock files, at the root and in nested modules, and reads the
 * dependencies the manifests declare with real parsers (JSON, TOML and XML through
 * {@link dev.controlplane.support.Manifests}; pip, go.mod, Gradle and Gemfile formats line by line).
 *
 * <p>Usage: {@code DependencyReader.Scan scan = DependencyReader.read(context.root(), context.depth(), context::watch);} then
 * {@link Scan#dependencies()}, {@link Scan#manifests()} and {@link Scan#warnings()}. Reading never throws for
 * a bad file: a malformed or oversized manifest becomes a warning and the others are still read. Every file
 * found is added to the context's watch paths, so a card built on this goes stale when a nested manifest
 * changes.
 *
 * <p>Formats: {@code requirements*.txt} (and {@code requirements/*.txt}), {@code pyproject.toml} (PEP 621,
 * PEP 735, Poetry), {@code Pipfile}, {@code package.json}, {@code Cargo.toml}, {@code go.mod}, {@code pom.xml},
 * {@code build.gradle(.kts)}, {@code Gemfile}, {@code *.csproj}/{@code *.fsproj}/{@code *.vbproj}.
 */
public final class DependencyReader {

    /** The manifests a dependency card watches at the project root (nested ones are added while reading). */
    public static final List<String> MANIFEST_WATCH_PATHS = List.of("requirements.txt", "requirements-dev.txt",
            "pyproject.toml", "Pipfile", "package.json", "package-lock.json", "Cargo.toml", "go.mod", "pom.xml",
            "build.gradle", "build.gradle.kts", "Gemfile",
            // beyond the spec's list: every requirements file, the pip requirements/ layout, .NET projects, and
            // the files a manifest takes its values from
            "requirements*.txt", "requirements/", "*.csproj", "*.fsproj", "*.vbproj", "gradle.properties");

    /**
     * Directories never searched for manifests besides the walker's skip list: vendored third-party code and
     * test data carry manifests that are not this project's dependencies (a fixture tree inside
     * {@code src/test/resources/fixtures/} would otherwise add its make-believe packages). The start directory
     * itself is always searched.
     */
    public static final Set<String> SKIP_DIRS = Set.of("vendor", "third_party", "bower_components", "testdata",
            "fixtures", "__fixtures__");

    /** Bounds the work on a huge tree: more manifests than this are left out with a warning. */
    public static final int MAX_MANIFESTS = 500;

    /** A manifest or lock file found in the project. */
    public record ManifestFile(String path, PackageManager manager, boolean lockFile) {
    }

    /**
     * What the read found: the manifests (dependency files of a known manager, and lock files) in path order,
     * the dependencies in manifest order then declaration order (one entry per name and file), and warnings.
     */
    public record Scan(List<ManifestFile> manifests, List<Dependency> dependencies, List<String> warnings) {
        public List<ManifestFile> dependencyFiles() {
            return manifests.stream().filter(m -> !m.lockFile()).toList();
        }

        public List<ManifestFile> lockFiles() {
            return manifests.stream().filter(ManifestFile::lockFile).toList();
        }
    }

    private DependencyReader() {
    }

    /**
     * The dependencies and warnings of the packages card's payload, for the cards built on the same reading
     * (audit:deps, audit:clients): one walk of the tree instead of three, and all three always agree.
     */
    public static Scan fromPackages(Consumer<String> watch, com.fasterxml.jackson.databind.JsonNode packages) {
        // The packages card watches every manifest it read; so must the cards built on its reading.
        for (com.fasterxml.jackson.databind.JsonNode manager : packages.path("managers")) {
            manager.path("dependency_files").forEach(file -> watch.accept(file.asText()));
            manager.path("lock_files").forEach(file -> watch.accept(file.asText()));
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode node : packages.path("dependencies")) {
            PackageManager.byId(node.path("manager").asText()).ifPresent(manager -> dependencies.add(new Dependency(
                    node.path("name").asText(), node.path("version").asText(""), node.path("dev").asBoolean(),
                    manager, node.path("source_file").asText())));
        }
        List<String> warnings = new ArrayList<>();
        packages.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new Scan(List.of(), List.copyOf(dependencies), List.copyOf(warnings));
    }

    /**
     * Reads every manifest under {@code projectRoot} to {@code depth}; {@code watch} receives each file read
     * (project-relative), which the reading card must watch.
     */
    public static Scan read(Path projectRoot, int depth, Consumer<String> watch) {
        return read(new ProjectModel(projectRoot), depth, watch);
    }

    /** As {@link #read(Path, int, Consumer)}, finding the manifests in the model's one walk of the tree. */
    public static Scan read(ProjectModel model, int depth, Consumer<String> watch) {
        // One absolute, normalised root: includes and parent POMs are compared against it.
        Path root = model.root().toAbsolutePath().normalize();
        List<Path> found = find(model, root, depth);
        ManifestReading reading = new ManifestReading(root, new LinkedHashSet<>(found), model);
        if (found.size() >= MAX_MANIFESTS) {
            reading.warn("more than " + MAX_MANIFESTS + " manifests: the rest were not read");
        }
        List<ManifestFile> manifests = new ArrayList<>();
        for (Path file : found) {
            String name = file.getFileName().toString();
            PackageManager lockOwner = PackageManager.forLockFile(name);
            PackageManager manager = lockOwner != null ? lockOwner : parse(file, name, reading);
            if (manager != null) {
                manifests.add(new ManifestFile(reading.rel(file), manager, lockOwner != null));
            }
        }
        reading.includedFiles().forEach((file, manager) -> manifests.add(new ManifestFile(reading.rel(file), manager, false)));
        manifests.sort(Comparator.comparing(ManifestFile::path));
        manifests.forEach(manifest -> watch.accept(manifest.path()));
        reading.consultedFiles().forEach(file -> watch.accept(reading.rel(file)));
        return new Scan(List.copyOf(manifests), reading.dependencies(), reading.warnings());
    }

    /** True for a file name this reader parses or a lock file it reports. */
    public static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return PackageManager.forLockFile(name) != null || RequirementsParser.isRequirementsFile(file)
                || CsprojParser.isProjectFile(name)
                || switch (name) {
                    case "pyproject.toml", "Pipfile", "package.json", "Cargo.toml", "go.mod", "pom.xml",
                            "build.gradle", "build.gradle.kts", "Gemfile" -> true;
                    default -> false;
                };
    }

    private static List<Path> find(ProjectModel model, Path root, int depth) {
        List<Path> found = new ArrayList<>();
        model.walk(root, depth, ProjectWalker.DEFAULT_MAX_FILES, (file, attrs) -> {
            if (isManifest(file)) {
                found.add(file);
            }
            return found.size() < MAX_MANIFESTS;
        }, dir -> dir.equals(root) || !SKIP_DIRS.contains(String.valueOf(dir.getFileName())));
        // Path order, so the output (and every card built on it) is the same on every file system.
        found.sort(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')));
        return found;
    }

    /** Reads one dependency file; returns its manager, or null when it is not a dependency manifest after all. */
    private static PackageManager parse(Path file, String name, ManifestReading reading) {
        if (RequirementsParser.isRequirementsFile(file)) {
            return RequirementsParser.parse(file, reading);
        }
        if (CsprojParser.isProjectFile(name)) {
            return CsprojParser.parse(file, reading);
        }
        return switch (name) {
            case "pyproject.toml" -> PythonProjectParser.parsePyproject(file, reading);
            case "Pipfile" -> PythonProjectParser.parsePipfile(file, reading);
            case "package.json" -> PackageJsonParser.parse(file, reading);
            case "Cargo.toml" -> CargoParser.parse(file, reading);
            case "go.mod" -> GoModParser.parse(file, reading);
            case "pom.xml" -> PomParser.parse(file, reading);
            case "build.gradle", "build.gradle.kts" -> GradleParser.parse(file, reading);
            case "Gemfile" -> GemfileParser.parse(file, reading);
            default -> null;
        };
    }
}
