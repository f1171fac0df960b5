package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The parts of a Maven {@code pom.xml} the testing and quality cards look at: build plugins, dependencies
 * (including annotation-processor paths), whether Error Prone is wired into the compiler, and the modules.
 * Read with the hardened parser of {@link Manifests} (no DTDs, no external entities).
 */
public record PomFacts(Set<String> pluginArtifactIds, List<Coordinates> dependencies, boolean errorProne,
        List<String> modules) {

    /** {@code groupId:artifactId} of a dependency or processor path. */
    public record Coordinates(String groupId, String artifactId) {
    }

    public static ParsedFile<PomFacts> read(Path pom, Path root) {
        ParsedFile<Document> document = Manifests.xml(pom, root);
        if (!document.isOk()) {
            return ParsedFile.failed(document.warning());
        }
        return ParsedFile.ok(of(document.value()));
    }

    public static PomFacts of(Document document) {
        Set<String> plugins = new LinkedHashSet<>();
        for (Element plugin : elements(document, "plugin")) {
            childText(plugin, "artifactId").ifPresent(plugins::add);
        }
        List<Coordinates> dependencies = new ArrayList<>();
        boolean errorProne = false;
        // <path> holds annotationProcessorPaths entries, the usual way Error Prone is added
        for (String tag : List.of("dependency", "path")) {
            for (Element dependency : elements(document, tag)) {
                Optional<String> artifactId = childText(dependency, "artifactId");
                if (artifactId.isPresent()) {
                    dependencies.add(new Coordinates(childText(dependency, "groupId").orElse(""), artifactId.get()));
                    errorProne |= artifactId.get().equals("error_prone_core");
                }
            }
        }
        for (String tag : List.of("arg", "compilerArgument")) {
            for (Element arg : elements(document, tag)) {
                errorProne |= arg.getTextContent().contains("-Xplugin:ErrorProne");
            }
        }
        List<String> modules = new ArrayList<>();
        for (Element module : elements(document, "module")) {
            String name = module.getTextContent().trim();
            if (!name.isEmpty()) {
                modules.add(name);
            }
        }
        return new PomFacts(plugins, dependencies, errorProne, modules);
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

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Optional<String> childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                String text = element.getTextContent().trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
