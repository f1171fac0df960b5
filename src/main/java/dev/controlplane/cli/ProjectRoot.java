package dev.controlplane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which directory the dashboard describes, before the server starts, so that a wrong directory is one
 * clear line and nothing is written anywhere. An explicit directory (argument, system property or environment
 * variable) must exist and be readable; the working directory is taken only when it looks like a project,
 * so starting the tool from a home directory never walks or writes into it.
 */
public final class ProjectRoot {
    public static final String PROPERTY = "controlplane.project-root";

    /** What makes a directory look like a project: version control, a build manifest, or the original's file. */
    static final List<String> PROJECT_MARKERS = List.of(".git", "project.yml", "pom.xml", "build.gradle",
            "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "package.json", "pyproject.toml",
            "setup.py", "setup.cfg", "requirements.txt", "go.mod", "Cargo.toml", "Gemfile", "composer.json",
            "Makefile", "CMakeLists.txt", "mix.exs", "build.sbt", "deno.json");

    private ProjectRoot() {
    }

    /**
     * The project directory, absolute and normalised.
     *
     * @param argument    the DIR argument, if given
     * @param settings    looks up a setting by its property name (system property, then its environment variable)
     * @param workingDir  the current directory
     */
    public static Path resolve(Optional<String> argument, Function<String, String> settings, Path workingDir)
            throws CommandLine.UsageException {
        Optional<String> explicit = argument.or(() -> Optional.ofNullable(settings.apply(PROPERTY)))
                .filter(value -> !value.isBlank());
        if (explicit.isPresent()) {
            return checked(workingDir.resolve(explicit.get()).toAbsolutePath().normalize(), explicit.get());
        }
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (!looksLikeProject(cwd)) {
            throw new CommandLine.UsageException(cwd + " does not look like a project (no .git/, build manifest or "
                    + "project.yml): pass the project directory, e.g. control-plane ~/src/my-app");
        }
        return cwd;
    }

    static boolean looksLikeProject(Path directory) {
        return PROJECT_MARKERS.stream().anyMatch(marker -> Files.exists(directory.resolve(marker)))
                || hasProjectFile(directory);
    }

    /** .NET projects name their manifest after the project ({@code App.csproj}, {@code App.sln}). */
    private static boolean hasProjectFile(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".csproj") || name.endsWith(".sln"));
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Path checked(Path directory, String given) throws CommandLine.UsageException {
        if (!Files.exists(directory)) {
            throw new CommandLine.UsageException("project directory " + given + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new CommandLine.UsageException(given + " is not a directory: pass the project's directory");
        }
        if (!Files.isReadable(directory) || !Files.isExecutable(directory)) {
            throw new CommandLine.UsageException("project directory " + given + " cannot be read (permissions)");
        }
        return directory;
    }
}
