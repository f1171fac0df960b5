package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.controlplane.support.Manifests;

/**
 * {@code *.csproj} / {@code *.fsproj} / {@code *.vbproj}: {@code <PackageReference Include="..." Version="..."/>}
 * (version as attribute or child element). Everything in a test project ({@code <IsTestProject>true} or a
 * reference to {@code Microsoft.NET.Test.Sdk}) is dev, as is a reference with {@code PrivateAssets="all"}
 * (analyzers and build tools that never flow to consumers).
 */
final class CsprojParser {
    private CsprojParser() {
    }

    static boolean isProjectFile(String fileName) {
        return fileName.endsWith(".csproj") || fileName.endsWith(".fsproj") || fileName.endsWith(".vbproj");
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        Document document = reading.value(Manifests.xml(file, reading.root()));
        if (document == null) {
            return PackageManager.DOTNET;
        }
        List<Element> references = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName("PackageReference");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element reference = (Element) nodes.item(i);
            if (!reference.getAttribute("Include").isBlank()) {
                references.add(reference); // Update="..." only changes a reference made elsewhere
            }
        }
        boolean testProject = "true".equalsIgnoreCase(text(document.getDocumentElement(), "IsTestProject"))
                || references.stream().anyMatch(r -> "Microsoft.NET.Test.Sdk".equalsIgnoreCase(r.getAttribute("Include")));
        for (Element reference : references) {
            String version = firstNonBlank(reference.getAttribute("Version"), text(reference, "Version"),
                    reference.getAttribute("VersionOverride"));
            String privateAssets = firstNonBlank(reference.getAttribute("PrivateAssets"), text(reference, "PrivateAssets"));
            boolean dev = testProject || "all".equals(privateAssets.toLowerCase(Locale.ROOT));
            reading.add(reference.getAttribute("Include").trim(), version, dev, PackageManager.DOTNET, file);
        }
        return PackageManager.DOTNET;
    }

    /** Text of the first descendant element with this name, or "". */
    private static String text(Element parent, String name) {
        if (parent == null) {
            return "";
        }
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getTextContent() != null && !node.getTextContent().isBlank()) {
                return node.getTextContent().trim();
            }
        }
        return "";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "";
    }
}
