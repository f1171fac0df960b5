package dev.controlplane.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hardened manifest parsing: warnings instead of failures, and no file content in the warnings. */
class ManifestsTest {
    private static final String SECRET = "hunter2-SuperSecretValue-9f8e7d6c";

    @TempDir
    Path root;

    @Test
    void brokenFilesBecomeWarningsThatNeverQuoteTheirContent() throws IOException {
        Files.writeString(root.resolve("a.json"), "{\"password\": " + SECRET + "}");
        Files.writeString(root.resolve("b.toml"), "token = " + SECRET + "\n");
        Files.writeString(root.resolve("c.yaml"), "key: [" + SECRET + "\n  - broken: {");
        Files.writeString(root.resolve("d.xml"), "<a><b>" + SECRET + "</a>");
        for (ParsedFile<?> parsed : new ParsedFile<?>[] { Manifests.json(root.resolve("a.json"), root),
                Manifests.toml(root.resolve("b.toml"), root), Manifests.yaml(root.resolve("c.yaml"), root),
                Manifests.xml(root.resolve("d.xml"), root) }) {
            assertTrue(parsed.warning() != null, "a warning for a broken file");
            assertFalse(parsed.warning().contains("hunter2"), parsed.warning());
            assertFalse(parsed.warning().contains("Source"), parsed.warning());
        }
        assertTrue(Manifests.json(root.resolve("a.json"), root).warning().startsWith("a.json: invalid JSON"));
    }

    @Test
    void xmlEntitiesAndDoctypesAreRefused() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        ParsedFile<?> parsed = Manifests.xml(root.resolve("pom.xml"), root);
        assertFalse(parsed.isOk());
        assertTrue(parsed.warning().contains("invalid XML"));
    }

    @Test
    void yamlAliasBombsAreHarmlessAndHugeFilesAreRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append("]\n");
        }
        Files.writeString(root.resolve("bomb.yaml"), bomb);
        // Aliases are read as their anchor names, never expanded: the document stays as small as the file.
        var document = Manifests.yaml(root.resolve("bomb.yaml"), root).value().get(0);
        assertTrue(document.toString().length() < 4 * bomb.length(), "no alias expansion");

        Path huge = root.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(Manifests.MAX_BYTES + 1);
        }
        ParsedFile<?> parsed = Manifests.yaml(huge, root);
        assertEquals("huge.yaml: skipped, 5 MB is over the 5 MB limit", parsed.warning());
    }

    @Test
    void multiDocumentYamlYieldsEveryDocument() throws IOException {
        Files.writeString(root.resolve("k.yaml"), "kind: A\n---\nkind: B\n---\n");
        assertEquals(2, Manifests.yaml(root.resolve("k.yaml"), root).value().size());
    }
}
