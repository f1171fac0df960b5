package dev.controlplane.project.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The state of one {@link DependencyReader#read} call shared by the format parsers: the project root, the
 * dependencies and warnings found so far, and which files were already read (so a {@code -r} include or a
 * parent POM is read once, whatever points at it).
 */
final class ManifestReading {
    private final Path root;
    private final ProjectModel model;
    private final Set<Path> discovered;
    private final Map<String, Dependency> dependencies = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<Path> includedOnce = new HashSet<>();
    /** Dependency files read through another one ({@code -r common.txt}), with their manager. */
    private final Map<Path, PackageManager> included = new LinkedHashMap<>();
    /** Other files whose content went into the result ({@code gradle.properties}): watched, not listed. */
    private final Set<Path> consulted = new LinkedHashSet<>();
    /** Parsed POMs by path: a parent is read once for all its modules. */
    final Map<Path, PomParser.Pom> poms = new HashMap<>();

    /** @param root absolute and normalised; @param discovered files under it; @param model parses once per refresh */
    ManifestReading(Path root, Set<Path> discovered, ProjectModel model) {
        this.model = model;
        this.root = root;
        this.discovered = new HashSet<>();
        discovered.forEach(file -> this.discovered.add(key(file)));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The project model the manifests are parsed through (once per file state, shared with other cards). */
    ProjectModel model() {
        return model;
    }

    String rel(Path file) {
        return Manifests.relative(file, root);
    }

    /** True when the walk found this file as a manifest of its own (an include of it is then not re-read). */
    boolean isDiscovered(Path file) {
        return discovered.contains(key(file));
    }

    /** Marks a file as read; false when it already was. */
    boolean firstVisit(Path file) {
        return includedOnce.add(key(file));
    }

    /**
     * A path the project points at ({@code -r}, {@code <relativePath>}) when it is a regular file inside the
     * root, also after resolving links in its directories (a linked directory must not lead out); else null.
     */
    Path inside(Path file) {
        Path normal = key(file);
        try {
            if (normal.startsWith(root) && Files.isRegularFile(normal, LinkOption.NOFOLLOW_LINKS)
                    && normal.toRealPath().startsWith(root.toRealPath())) {
                return normal;
            }
        } catch (IOException | RuntimeException e) {
            // vanished or unreadable: treated as absent
        }
        return null;
    }

    /** Records a dependency file reached through an include, so it is listed and watched like a found one. */
    void included(Path file, PackageManager manager) {
        included.putIfAbsent(key(file), manager);
    }

    Map<Path, PackageManager> includedFiles() {
        return included;
    }

    /** Records a file the result depends on that is not a dependency file itself. */
    void consulted(Path file) {
        consulted.add(key(file));
    }

    Set<Path> consultedFiles() {
        return consulted;
    }

    void warn(String warning) {
        if (warning != null && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    void warn(Path file, String problem) {
        warn(rel(file) + ": " + problem);
    }

    /**
     * Records one dependency. A name declared twice in one file is kept once, as a runtime dependency when any
     * of its declarations is (a peer dependency also listed in devDependencies is still needed at runtime).
     */
    void add(String name, String version, boolean dev, PackageManager manager, Path file) {
        if (name == null || name.isBlank()) {
            return;
        }
        Dependency dependency = new Dependency(name.trim(), version, dev, manager, rel(file));
        String key = dependency.sourceFile() + "\n" + dependency.normalizedName();
        Dependency earlier = dependencies.get(key);
        if (earlier == null) {
            dependencies.put(key, dependency);
        } else if (earlier.dev() && !dev) {
            dependencies.put(key, earlier.asRuntime());
        }
    }

    List<Dependency> dependencies() {
        return List.copyOf(dependencies.values());
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A text manifest (requirements, go.mod, Gemfile, Gradle script), or null with a warning. */
    String text(Path file) {
        return text(file, () -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * As {@link #text(Path)}, the content coming from {@code reader} (a shared reading of the file, e.g. the
     * model's {@link GradleScript}); the size cap and the warnings stay this reading's.
     */
    String text(Path file, java.util.function.Supplier<String> reader) {
        try {
            long size = Files.size(file);
            if (size > Manifests.MAX_BYTES) {
                warn(file, "skipped, " + (size / (1024 * 1024)) + " MB is over the 5 MB limit");
                return null;
            }
            String text = reader.get();
            if (text == null) {
                throw new IOException("unreadable");
            }
            return text;
        } catch (IOException | RuntimeException e) {
            String text = Manifests.text(file); // falls back to ISO-8859-1 for a non-UTF-8 file
            if (text == null) {
                warn(file, "unreadable");
            }
            return text;
        }
    }

    /** The value of a parsed manifest, or null after recording its warning. */
    <T> T value(ParsedFile<T> parsed) {
        if (parsed.warning() != null) {
            warn(parsed.warning());
        }
        return parsed.isOk() ? parsed.value() : null;
    }
}
