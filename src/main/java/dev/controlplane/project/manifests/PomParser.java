package dev.controlplane.project.manifests;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pom.xml}: the project's own {@code <dependencies>} (not those of plugins, profiles or
 * {@code <dependencyManagement>}), named {@code groupId:artifactId}; scope {@code test} is dev. Versions written
 * as {@code ${property}} are resolved from {@code <properties>} of the POM and of its parents found in the
 * project (through {@code <relativePath>}, default {@code ../pom.xml}); a missing version is taken from a
 * {@code <dependencyManagement>} entry there, else left empty (managed by an imported BOM).
 */
final class PomParser {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_PARENTS = 10;

    /** What a module inherits: its properties (parents' first, own overriding) and managed versions. */
    record Pom(Map<String, String> properties, Map<String, String> managed, List<PomFile.Declared> dependencies) {
    }

    private PomParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        Pom pom = load(file, reading, 0);
        if (pom == null) {
            return PackageManager.MAVEN;
        }
        for (PomFile.Declared dependency : pom.dependencies()) {
            String group = resolve(dependency.groupId(), pom.properties());
            String artifact = resolve(dependency.artifactId(), pom.properties());
            if (artifact.isEmpty()) {
                reading.warn(file, "a dependency has no artifactId");
                continue;
            }
            String name = group.isEmpty() ? artifact : group + ":" + artifact;
            String version = resolve(dependency.version(), pom.properties());
            if (version.isEmpty()) {
                version = pom.managed().getOrDefault(name, "");
            }
            boolean dev = "test".equals(dependency.scope().trim());
            reading.add(name, version, dev, PackageManager.MAVEN, file);
        }
        return PackageManager.MAVEN;
    }

    /** Resolves a POM once per read (a parent serves all its modules); null when it is malformed. */
    private static Pom load(Path file, ManifestReading reading, int depth) {
        Path key = file.toAbsolutePath().normalize();
        if (reading.poms.containsKey(key)) {
            return reading.poms.get(key);
        }
        reading.poms.put(key, null); // a parent chain that loops back ends here
        PomFile document = reading.value(PomFile.read(reading.model(), file, reading.root()));
        if (document == null || !"project".equals(document.rootTag())) {
            if (document != null) {
                reading.warn(file, "root element is not <project>");
            }
            return null;
        }
        PomFile.Project project = document.project();
        Map<String, String> properties = new HashMap<>();
        Map<String, String> managed = new HashMap<>();
        PomFile.Parent parentRef = project.parent();
        Pom parent = depth < MAX_PARENTS && parentRef != null ? parent(file, parentRef, reading, depth) : null;
        if (parent != null) {
            properties.putAll(parent.properties());
            managed.putAll(parent.managed());
        }
        String parentVersion = parentRef == null ? "" : parentRef.version().trim();
        String parentGroup = parentRef == null ? "" : parentRef.groupId().trim();
        String version = firstNonEmpty(project.version().trim(), parentVersion);
        String group = firstNonEmpty(project.groupId().trim(), parentGroup);
        properties.put("project.version", version);
        properties.put("project.groupId", group);
        properties.put("project.artifactId", project.artifactId().trim());
        properties.put("project.parent.version", parentVersion);
        properties.put("project.parent.groupId", parentGroup);
        properties.put("version", version);
        properties.put("pom.version", version);
        properties.putAll(project.properties());
        for (PomFile.Declared entry : project.managed()) {
            String name = resolve(entry.groupId(), properties) + ":" + resolve(entry.artifactId(), properties);
            String managedVersion = resolve(entry.version(), properties);
            if (!"import".equals(entry.scope().trim()) && !managedVersion.isEmpty()) {
                managed.put(name, managedVersion);
            }
        }
        Pom pom = new Pom(properties, managed, project.own());
        reading.poms.put(key, pom);
        return pom;
    }

    private static Pom parent(Path file, PomFile.Parent parentRef, ManifestReading reading, int depth) {
        String path = parentRef.relativePath() == null ? "../pom.xml" : parentRef.relativePath();
        if (path.isEmpty()) {
            return null; // <relativePath/>: the parent comes from a repository, not from this project
        }
        Path candidate = file.resolveSibling(path);
        if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
            candidate = candidate.resolve("pom.xml");
        }
        Path inside = reading.inside(candidate);
        if (inside == null) {
            return null;
        }
        reading.consulted(inside); // its properties feed this module's versions
        return load(inside, reading, depth + 1);
    }

    /** Replaces {@code ${name}} with known properties, a few rounds for properties defined by properties. */
    static String resolve(String value, Map<String, String> properties) {
        String current = value.trim();
        for (int round = 0; round < 5 && current.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                changed |= replacement != null && !replacement.isEmpty();
                m.appendReplacement(out, Matcher.quoteReplacement(
                        replacement == null || replacement.isEmpty() ? m.group() : replacement));
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
