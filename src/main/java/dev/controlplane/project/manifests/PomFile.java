package dev.controlplane.project.manifests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The one reader of a Maven {@code pom.xml}: everything any card takes from a POM, read from one DOM (the
 * hardened parser of {@link Manifests}: no DTDs, no external entities) into plain immutable values, so a
 * project model can hand the same reading to every card of a refresh (a DOM is not safe to share between
 * threads). {@link PomFacts} (testing, quality), {@link PomParser} (packages and the cards on its reading) and
 * audit:structure's build reading all start from this.
 *
 * @param rootTag        the document element's tag ({@code project} for a POM)
 * @param dependencies   every {@code <dependency>} anywhere in the file (plugins, profiles and management
 *                       included), in document order, with its text trimmed
 * @param processorPaths every {@code <path>} (annotation-processor paths, the usual way Error Prone is added)
 * @param plugins        the {@code artifactId} of every {@code <plugin>}, in document order
 * @param mainClasses    every non-empty {@code <mainClass>}
 * @param modules        every non-empty {@code <module>}
 * @param errorProneArg  whether a compiler argument ({@code <arg>}, {@code <compilerArgument>}) loads Error Prone
 * @param project        the project's own coordinates, parent, properties and dependency lists, as written
 */
public record PomFile(String rootTag, List<Coordinates> dependencies, List<Coordinates> processorPaths,
        List<String> plugins, List<String> mainClasses, List<String> modules, boolean errorProneArg,
        Project project) {

    /** A {@code groupId:artifactId} pair, trimmed; empty when absent. */
    public record Coordinates(String groupId, String artifactId) {
    }

    /** A dependency entry as written (untrimmed text, {@code ${...}} unresolved): resolution is the reader's. */
    public record Declared(String groupId, String artifactId, String version, String scope) {
    }

    /**
     * The top-level parts of {@code <project>}, as written.
     *
     * @param parent     the {@code <parent>} reference, or null
     * @param properties {@code <properties>} entries in document order, values trimmed
     * @param managed    {@code <dependencyManagement><dependencies>} entries
     * @param own        the project's own {@code <dependencies>} (not those of plugins, profiles or management)
     */
    public record Project(String groupId, String artifactId, String version, Parent parent,
            Map<String, String> properties, List<Declared> managed, List<Declared> own) {
    }

    /** {@code <parent>}: {@code relativePath} is null when the element is absent, else its trimmed text. */
    public record Parent(String groupId, String version, String relativePath) {
    }

    /** Reads and parses {@code file}; a malformed or oversized one is a warning. */
    public static ParsedFile<PomFile> read(Path file, Path root) {
        ParsedFile<Document> document = Manifests.xml(file, root);
        if (!document.isOk()) {
            return ParsedFile.failed(document.warning());
        }
        return ParsedFile.ok(of(document.value()));
    }

    /** As {@link #read(Path, Path)}, once per file state for every card sharing {@code model}. */
    public static ParsedFile<PomFile> read(ProjectModel model, Path file, Path root) {
        try {
            return model.parse(file, "pom.xml", f -> read(f, root));
        } catch (IOException e) {
            return read(file, root); // vanished or unreadable: the parser says so in its own words
        }
    }

    static PomFile of(Document document) {
        List<Coordinates> dependencies = coordinates(document, "dependency");
        List<Coordinates> paths = coordinates(document, "path");
        List<String> plugins = new ArrayList<>();
        for (Element plugin : elements(document, "plugin")) {
            String artifact = childText(plugin, "artifactId");
            if (!artifact.isEmpty()) {
                plugins.add(artifact);
            }
        }
        boolean errorProneArg = false;
        for (String tag : List.of("arg", "compilerArgument")) {
            for (Element arg : elements(document, tag)) {
                errorProneArg |= arg.getTextContent().contains("-Xplugin:ErrorProne");
            }
        }
        Element root = document.getDocumentElement();
        return new PomFile(root == null ? "" : root.getTagName(), dependencies, paths, List.copyOf(plugins),
                texts(document, "mainClass"), texts(document, "module"), errorProneArg, project(root));
    }

    private static Project project(Element project) {
        if (project == null) {
            return new Project("", "", "", null, Map.of(), List.of(), List.of());
        }
        Element parentRef = childElement(project, "parent");
        Parent parent = null;
        if (parentRef != null) {
            Element relative = childElement(parentRef, "relativePath");
            parent = new Parent(child(parentRef, "groupId"), child(parentRef, "version"),
                    relative == null ? null : relative.getTextContent().trim());
        }
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (Element property : childElements(childElement(project, "properties"))) {
            properties.put(property.getTagName(), property.getTextContent().trim());
        }
        return new Project(child(project, "groupId"), child(project, "artifactId"), child(project, "version"),
                parent, java.util.Collections.unmodifiableMap(properties),
                declared(childElement(childElement(project, "dependencyManagement"), "dependencies")),
                declared(childElement(project, "dependencies")));
    }

    private static List<Declared> declared(Element dependencies) {
        List<Declared> list = new ArrayList<>();
        for (Element entry : childElements(dependencies)) {
            list.add(new Declared(child(entry, "groupId"), child(entry, "artifactId"), child(entry, "version"),
                    child(entry, "scope")));
        }
        return List.copyOf(list);
    }

    private static List<Coordinates> coordinates(Document document, String tag) {
        List<Coordinates> list = new ArrayList<>();
        for (Element element : elements(document, tag)) {
            list.add(new Coordinates(childText(element, "groupId"), childText(element, "artifactId")));
        }
        return List.copyOf(list);
    }

    private static List<String> texts(Document document, String tag) {
        List<String> list = new ArrayList<>();
        for (Element element : elements(document, tag)) {
            String text = element.getTextContent().trim();
            if (!text.isEmpty()) {
                list.add(text);
            }
        }
        return List.copyOf(list);
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                list.add(element);
            }
        }
        return list;
    }

    /** The trimmed text of the first child element named {@code name}; empty when absent. */
    private static String childText(Element parent, String name) {
        return child(parent, name).trim();
    }

    /** The text of the first child element named {@code name}, as written; empty when absent. */
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
