package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.ParsedFile;

/**
 * The parts of a Maven {@code pom.xml} the testing and quality cards look at: build plugins, dependencies
 * (including annotation-processor paths), whether Error Prone is wired into the compiler, and the modules.
 * Taken from the one POM reader, {@link PomFile}.
 */
public record PomFacts(Set<String> pluginArtifactIds, List<Coordinates> dependencies, boolean errorProne,
        List<String> modules) {

    /** {@code groupId:artifactId} of a dependency or processor path. */
    public record Coordinates(String groupId, String artifactId) {
    }

    public static ParsedFile<PomFacts> read(Path pom, Path root) {
        return from(PomFile.read(pom, root));
    }

    /** As {@link #read(Path, Path)}, from the model's one parse of the file. */
    public static ParsedFile<PomFacts> read(ProjectModel model, Path pom, Path root) {
        return from(PomFile.read(model, pom, root));
    }

    private static ParsedFile<PomFacts> from(ParsedFile<PomFile> pom) {
        return pom.isOk() ? ParsedFile.ok(of(pom.value())) : ParsedFile.failed(pom.warning());
    }

    /** The facts of one POM reading. */
    public static PomFacts of(PomFile pom) {
        Set<String> plugins = new LinkedHashSet<>(pom.plugins());
        List<Coordinates> dependencies = new ArrayList<>();
        boolean errorProne = pom.errorProneArg();
        for (List<PomFile.Coordinates> list : List.of(pom.dependencies(), pom.processorPaths())) {
            for (PomFile.Coordinates dependency : list) {
                if (!dependency.artifactId().isEmpty()) {
                    dependencies.add(new Coordinates(dependency.groupId(), dependency.artifactId()));
                    errorProne |= dependency.artifactId().equals("error_prone_core");
                }
            }
        }
        return new PomFacts(plugins, dependencies, errorProne, pom.modules());
    }

    public boolean hasPlugin(String artifactId) {
        return pluginArtifactIds.contains(artifactId);
    }

    /** The first JUnit artifact the pom depends on (junit, junit-jupiter, quarkus-junit, ...). */
    public Optional<String> junitArtifact() {
        return dependencies.stream()
                .filter(d -> d.groupId().startsWith("org.junit") || d.groupId().equals("junit")
                        || d.artifactId().contains("junit"))
                .map(Coordinates::artifactId)
                .findFirst();
    }
}
