package dev.controlplane.project.manifests;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.controlplane.support.Manifests;

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
    record Pom(Map<String, String> properties, Map<String, String> managed, List<Element> dependencies) {
    }

    private PomParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        Pom pom = load(file, reading, 0);
        if (pom == null) {
            return PackageManager.MAVEN;
        }
        for (Element dependency : pom.dependencies()) {
            String group = resolve(child(dependency, "groupId"), pom.properties());
            String artifact = resolve(child(dependency, "artifactId"), pom.properties());
            if (artifact.isEmpty()) {
                reading.warn(file, "a dependency has no artifactId");
                continue;
            }
            String name = group.isEmpty() ? artifact : group + ":" + artifact;
            String version = resolve(child(dependency, "version"), pom.properties());
            if (version.isEmpty()) {
                version = pom.managed().getOrDefault(name, "");
            }
            boolean dev = "test".equals(child(dependency, "scope").trim());
            reading.add(name, version, dev, PackageManager.MAVEN, file);
        }
        return PackageManager.MAVEN;
    }

    /** Parses a POM once per read (a parent serves all its modules); null when it is malformed. */
    private static Pom load(Path file, ManifestReading reading, int depth) {
        Path key = file.toAbsolutePath().normalize();
        if (reading.poms.containsKey(key)) {
            return reading.poms.get(key);
        }
        reading.poms.put(key, null); // a parent chain that loops back ends here
        Document document = reading.value(Manifests.xml(file, reading.root()));
        Element project = document == null ? null : document.getDocumentElement();
        if (project == null || !"project".equals(project.getTagName())) {
            if (document != null) {
                reading.warn(file, "root element is not <project>");
            }
            return null;
        }
        Map<String, String> properties = new HashMap<>();
        Map<String, String> managed = new HashMap<>();
        Element parentRef = childElement(project, "parent");
        Pom parent = depth < MAX_PARENTS && parentRef != null ? parent(file, parentRef, reading, depth) : null;
        if (parent != null) {
            properties.putAll(parent.properties());
            managed.putAll(parent.managed());
        }
        String parentVersion = parentRef == null ? "" : child(parentRef, "version").trim();
        String parentGroup = parentRef == null ? "" : child(parentRef, "groupId").trim();
        String version = firstNonEmpty(child(project, "version").trim(), parentVersion);
        String group = firstNonEmpty(child(project, "groupId").trim(), parentGroup);
        properties.put("project.version", version);
        properties.put("project.groupId", group);
        properties.put("project.artifactId", child(project, "artifactId").trim());
        properties.put("project.parent.version", parentVersion);
        properties.put("project.parent.groupId", parentGroup);
        properties.put("version", version);
        properties.put("pom.version", version);
        Element own = childElement(project, "properties");
        if (own != null) {
            for (Element property : childElements(own)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        Element management = childElement(childElement(project, "dependencyManagement"), "dependencies");
        for (Element entry : childElements(management)) {
            String name = resolve(child(entry, "groupId"), properties) + ":" + resolve(child(entry, "artifactId"), properties);
            String managedVersion = resolve(child(entry, "version"), properties);
            if (!"import".equals(child(entry, "scope").trim()) && !managedVersion.isEmpty()) {
                managed.put(name, managedVersion);
            }
        }
        List<Element> dependencies = childElements(childElement(project, "dependencies"));
        Pom pom = new Pom(properties, managed, dependencies);
        reading.poms.put(key, pom);
        return pom;
    }

    private static Pom parent(Path file, Element parentRef, ManifestReading reading, int depth) {
        Element relative = childElement(parentRef, "relativePath");
        String path = relative == null ? "../pom.xml" : relative.getTextContent().trim();
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

    private static String child(Element parent, String name) {
        Element element = childElement(parent, name);
        return element == null ? "" : element.getTextContent();
    }

    private static Element childElement(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
