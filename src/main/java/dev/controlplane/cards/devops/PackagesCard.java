package dev.controlplane.cards.devops;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.MissingTool;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.Dependency;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.DependencyReader.ManifestFile;
import dev.controlplane.project.manifests.PackageManager;
import dev.controlplane.support.ToolRunner;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Package managers by their files, whether each has its lock files, whether its CLI is installed, and the
 * dependencies the manifests declare.
 *
 * <p>A dependency file counts as locked when a lock file of its manager sits in its directory or a parent
 * directory inside the project (workspaces keep one lock at their root), or when it declares nothing to lock.
 * Two managers have no lock file by design and are judged by what they declare instead: Maven and Gradle
 * resolve exactly the versions written in the build (no floating ranges unless asked for), so a build file is
 * locked when none of its versions is a range or dynamic ({@code [1.0,2.0)}, {@code LATEST}, {@code 1.+},
 * {@code latest.release}); a {@code gradle.lockfile} also counts. A pip requirements file that pins every
 * requirement with {@code ==} is itself a lock ({@code pip freeze} / {@code pip-compile} output). Go needs
 * {@code go.sum}: go.mod pins versions but only go.sum makes the download verifiable.
 */
@ApplicationScoped
public class PackagesCard implements Card {

    static final CardSpec SPEC = CardSpec.card("packages")
            .title("Packages")
            .description("Package managers, lock files and the dependencies the manifests declare")
            .tab(Tab.DEVOPS)
            .order(40)
            .watch(manifestsAndLocks())
            .alias("/api/packages/status")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    /** The manifests, and the lock files and wrappers that decide has_lock and cli_available. */
    private static List<String> manifestsAndLocks() {
        List<String> paths = new ArrayList<>(DependencyReader.MANIFEST_WATCH_PATHS);
        for (PackageManager manager : PackageManager.values()) {
            manager.lockNames().stream().filter(lock -> !paths.contains(lock)).forEach(paths::add);
        }
        paths.addAll(List.of("pylock.*.toml", "mvnw", "gradlew"));
        return List.copyOf(paths);
    }

    @Override
    public ObjectNode compute(CardContext context) {
        DependencyReader.Scan scan = DependencyReader.read(context.project(), context.depth(), context::watch);
        Map<PackageManager, List<ManifestFile>> files = byManager(scan.dependencyFiles());
        Map<PackageManager, List<ManifestFile>> locks = byManager(scan.lockFiles());

        List<Manager> managers = new ArrayList<>();
        List<MissingTool> missingTools = new ArrayList<>();
        boolean allLocked = true;
        for (Map.Entry<PackageManager, List<ManifestFile>> entry : files.entrySet()) {
            PackageManager manager = entry.getKey();
            List<ManifestFile> lockFiles = locks.getOrDefault(manager, List.of());
            Manager found = manager(context, manager, entry.getValue(), lockFiles, scan.dependencies());
            managers.add(found);
            allLocked &= found.hasLock();
            if (!found.cliAvailable()) {
                missingTools.add(new MissingTool(found.cli(), manager.label(), manager.installHint()));
            }
            watchLocksBeside(context, manager, entry.getValue());
        }
        List<DependencyRow> dependencies = scan.dependencies().stream().map(DependencyRow::of).toList();
        long dev = scan.dependencies().stream().filter(Dependency::dev).count();
        ObjectNode card = ResultJson.tree(new Packages(managers, managers.size(), dependencies, dependencies.size(),
                dependencies.size() - dev, dev, scan.warnings(), missingTools));
        Level level = managers.isEmpty() ? Level.NONE : allLocked ? Level.OK : Level.DEGRADED;
        return CardJson.summary(card, CardJson.plural(managers.size(), "manager", "managers"), level);
    }

    @RegisterForReflection
    record Packages(List<Manager> managers, @JsonProperty("total_managers") int totalManagers,
            List<DependencyRow> dependencies, @JsonProperty("total_dependencies") int totalDependencies,
            @JsonProperty("runtime_dependencies") long runtimeDependencies,
            @JsonProperty("dev_dependencies") long devDependencies, List<String> warnings,
            @JsonProperty("missing_tools") List<MissingTool> missingTools) {
    }

    /** One package manager found by its files; {@code cli} is the wrapper ({@code ./mvnw}) when shipped. */
    @RegisterForReflection
    record Manager(String id, String name, String cli, @JsonProperty("cli_available") boolean cliAvailable,
            @JsonProperty("dependency_files") List<String> dependencyFiles,
            @JsonProperty("lock_files") List<String> lockFiles, @JsonProperty("has_lock") boolean hasLock,
            @JsonProperty("unlocked_files") List<String> unlockedFiles,
            @JsonProperty("dependency_count") long dependencyCount) {
    }

    @RegisterForReflection
    record DependencyRow(String name, String version, boolean dev, String manager,
            @JsonProperty("source_file") String sourceFile) {
        static DependencyRow of(Dependency dependency) {
            return new DependencyRow(dependency.name(), dependency.version(), dependency.dev(),
                    dependency.manager().id(), dependency.sourceFile());
        }
    }

    private static Map<PackageManager, List<ManifestFile>> byManager(List<ManifestFile> files) {
        Map<PackageManager, List<ManifestFile>> map = new EnumMap<>(PackageManager.class);
        for (ManifestFile file : files) {
            map.computeIfAbsent(file.manager(), m -> new ArrayList<>()).add(file);
        }
        return map;
    }

    private static Manager manager(CardContext context, PackageManager manager, List<ManifestFile> files,
            List<ManifestFile> lockFiles, List<Dependency> dependencies) {
        String wrapper = wrapperIn(context, manager, files);
        boolean cliAvailable = wrapper != null
                || manager.commands().stream().anyMatch(command -> ToolRunner.which(command).isPresent());
        List<String> unlocked = new ArrayList<>();
        for (ManifestFile file : files) {
            List<Dependency> declared = dependencies.stream()
                    .filter(d -> d.sourceFile().equals(file.path()) && d.manager() == manager).toList();
            if (!locked(file, declared, lockFiles)) {
                unlocked.add(file.path());
            }
        }
        return new Manager(manager.id(), manager.label(), wrapper != null ? wrapper : manager.commands().get(0),
                cliAvailable, files.stream().map(ManifestFile::path).toList(),
                lockFiles.stream().map(ManifestFile::path).toList(), unlocked.isEmpty(), List.copyOf(unlocked),
                dependencies.stream().filter(d -> d.manager() == manager).count());
    }

    private static boolean locked(ManifestFile file, List<Dependency> declared, List<ManifestFile> lockFiles) {
        if (declared.isEmpty() || lockFiles.stream().anyMatch(lock -> coveredBy(file.path(), lock.path()))) {
            return true; // nothing to pin, or a lock here or at a workspace root above
        }
        return switch (file.manager()) {
            case MAVEN, GRADLE -> declared.stream().noneMatch(d -> floating(d.version()));
            case PIP -> file.path().endsWith(".txt")
                    && declared.stream().allMatch(d -> d.version().startsWith("=="));
            default -> false;
        };
    }

    /** A lock in the file's directory or a parent directory. */
    private static boolean coveredBy(String file, String lock) {
        String lockDir = parentOf(lock);
        return lockDir.isEmpty() || parentOf(file).equals(lockDir) || parentOf(file).startsWith(lockDir + "/");
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** A Maven range / LATEST / RELEASE, or a Gradle dynamic version ({@code 1.+}, {@code latest.release}). */
    private static boolean floating(String version) {
        return version.startsWith("[") || version.startsWith("(") || version.contains("+")
                || version.equals("LATEST") || version.equals("RELEASE") || version.startsWith("latest.");
    }

    /** {@code ./mvnw} / {@code ./gradlew} when the project ships the wrapper beside a build file or above it. */
    private static String wrapperIn(CardContext context, PackageManager manager, List<ManifestFile> files) {
        String wrapper = manager.wrapper();
        if (wrapper == null) {
            return null;
        }
        for (ManifestFile file : files) {
            for (String dir = parentOf(file.path()); ; dir = parentOf(dir)) {
                String candidate = dir.isEmpty() ? wrapper : dir + "/" + wrapper;
                if (Files.isRegularFile(context.path(candidate), LinkOption.NOFOLLOW_LINKS)) {
                    return "./" + wrapper;
                }
                if (dir.isEmpty()) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * A lock file created next to a nested manifest must make the card stale too. Every lock of the ecosystem
     * is watched: a new {@code yarn.lock} turns an npm package into a Yarn one, a {@code poetry.lock} a pip
     * project into a Poetry one.
     */
    private static void watchLocksBeside(CardContext context, PackageManager manager, List<ManifestFile> files) {
        List<String> locks = Stream.of(PackageManager.values())
                .filter(other -> other.ecosystem().equals(manager.ecosystem()))
                .flatMap(other -> other.lockNames().stream()).toList();
        for (ManifestFile file : files) {
            String dir = parentOf(file.path());
            locks.forEach(lock -> context.watch(dir.isEmpty() ? lock : dir + "/" + lock));
        }
    }
}
