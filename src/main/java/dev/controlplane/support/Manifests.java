package dev.controlplane.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads project manifests with real parsers, hardened for files the user did not write: a size cap, no
 * DTDs or external entities in XML, capped aliases and document size in YAML. Every method returns a
 * {@link ParsedFile}: a problem becomes a warning naming the file.
 */
public final class Manifests {
    /** Files above this size are skipped with a warning (a 1 GB "YAML" must not eat the heap). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int MAX_YAML_DOCUMENTS = 500;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final TomlMapper TOML = new TomlMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(yamlLimits())
            .build());

    private Manifests() {
    }

    /**
     * SnakeYAML limits for the parser Jackson drives. Jackson reads aliases as their anchor names instead of
     * expanding them, so an alias "billion laughs" costs nothing; the limits still cap size and nesting.
     */
    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(100);
        return options;
    }

    public static ParsedFile<JsonNode> json(Path file, Path root) {
        String problem = tooBig(file, root);
        if (problem != null) {
            return ParsedFile.failed(problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ParsedFile.ok(JSON.readTree(in));
        } catch (IOException | RuntimeException e) {
            return ParsedFile.failed(warning(file, root, "invalid JSON", e));
        }
    }

    public static ParsedFile<JsonNode> toml(Path file, Path root) {
        String problem = tooBig(file, root);
        if (problem != null) {
            return ParsedFile.failed(problem);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ParsedFile.ok(TOML.readTree(in));
        } catch (IOException | RuntimeException e) {
            return ParsedFile.failed(warning(file, root, "invalid TOML", e));
        }
    }

    /** Every document of a (multi-document) YAML file; empty documents are left out. */
    public static ParsedFile<List<JsonNode>> yaml(Path file, Path root) {
        String problem = tooBig(file, root);
        if (problem != null) {
            return ParsedFile.failed(problem);
        }
        List<JsonNode> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                // An empty document (a trailing "---") reads as null or an empty string: not a document.
                boolean empty = document == null || document.isMissingNode() || document.isNull()
                        || (document.isTextual() && document.asText().isEmpty());
                if (!empty) {
                    documents.add(document);
                }
                if (documents.size() >= MAX_YAML_DOCUMENTS) {
                    break;
                }
            }
            return ParsedFile.ok(documents);
        } catch (IOException | RuntimeException e) {
            return new ParsedFile<>(documents, warning(file, root, "invalid YAML", e));
        }
    }

    /** A DOM of an XML file, with DTDs, external entities and XInclude disabled. */
    public static ParsedFile<Document> xml(Path file, Path root) {
        String problem = tooBig(file, root);
        if (problem != null) {
            return ParsedFile.failed(problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder = secureXmlFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return ParsedFile.ok(builder.parse(in));
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return ParsedFile.failed(warning(file, root, "invalid XML", e));
        }
    }

    private static DocumentBuilderFactory secureXmlFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** Reads a text file, or null when it is missing, too big or unreadable. */
    public static String text(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Not UTF-8, vanished or unreadable: the caller treats it as absent.
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException again) {
                return null;
            }
        }
    }

    private static String tooBig(Path file, Path root) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return relative(file, root) + ": not a regular file";
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return relative(file, root) + ": skipped, " + (size / (1024 * 1024)) + " MB is over the 5 MB limit";
            }
            return null;
        } catch (IOException e) {
            return relative(file, root) + ": unreadable";
        }
    }

    private static String warning(Path file, Path root, String what, Exception e) {
        return relative(file, root) + ": " + what + " (" + parserMessage(e) + ")";
    }

    /**
     * A parser's complaint without the file's content: parsers quote the offending token and a window of the
     * source, which could be a secret sitting in a broken manifest. Keeps the reason and the line/column.
     */
    static String parserMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String location = "";
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("line:? (\\d+),? column:? (\\d+)").matcher(message);
        if (at.find()) {
            location = " at line " + at.group(1) + ", column " + at.group(2);
        }
        int cut = message.indexOf(" at [Source");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl);
        }
        // Quoted fragments are the file's own text: never echo them.
        message = message.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\([^)]*\\)", "").trim();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return message + location;
    }

    public static String relative(Path file, Path root) {
        if (root == null) {
            return file.toString();
        }
        try {
            return RelativePath.of(root, file);
        } catch (IllegalArgumentException e) {
            return file.getFileName() == null ? file.toString() : file.getFileName().toString();
        }
    }
}
