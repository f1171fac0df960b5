package dev.controlplane.project.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.controlplane.project.manifests.Dependency;
import dev.controlplane.project.manifests.DependencyCatalogue;

/**
 * A dependency counted once per (normalised name, ecosystem) across all manifests: the first declared version,
 * dev only when every declaration is dev (a package a module needs at runtime is a runtime dependency of the
 * project), and every file that declares it.
 */
public record UniqueDependency(String name, String version, boolean dev, String ecosystem, List<String> sourceFiles,
        Optional<DependencyCatalogue.Entry> entry) {

    public static List<UniqueDependency> of(List<Dependency> dependencies) {
        Map<String, Builder> unique = new LinkedHashMap<>();
        for (Dependency dependency : dependencies) {
            String key = dependency.ecosystem() + "\n" + dependency.normalizedName();
            unique.computeIfAbsent(key, k -> new Builder(dependency)).merge(dependency);
        }
        return unique.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private final Dependency first;
        private String version;
        private boolean dev = true;
        private final List<String> files = new ArrayList<>();

        public Builder(Dependency first) {
            this.first = first;
            this.version = first.version();
        }

        void merge(Dependency dependency) {
            if (version.isEmpty()) {
                version = dependency.version(); // a BOM-managed declaration says less than a versioned one
            }
            dev &= dependency.dev();
            if (!files.contains(dependency.sourceFile())) {
                files.add(dependency.sourceFile());
            }
        }

        UniqueDependency build() {
            return new UniqueDependency(first.name(), version, dev, first.ecosystem(), List.copyOf(files),
                    DependencyCatalogue.lookup(first.ecosystem(), first.name()));
        }
    }
}
