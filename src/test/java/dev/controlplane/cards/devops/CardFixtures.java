package dev.controlplane.cards.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Fixture trees for the testing and quality card tests: copied into a temp dir, or written there. */
final class CardFixtures {
    static final Path ROOT = Path.of("src/test/resources/fixtures/testing");

    private CardFixtures() {
    }

    /** Copies {@code fixtures/testing/<name>} into {@code target} (so tests may set times and add files). */
    static Path copy(String name, Path target) {
        Path source = ROOT.resolve(name);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes a file (creating its directories) and returns its path. */
    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void touch(Path root, String relative, long epochSeconds) {
        try {
            Files.setLastModifiedTime(root.resolve(relative), FileTime.fromMillis(epochSeconds * 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }
}
