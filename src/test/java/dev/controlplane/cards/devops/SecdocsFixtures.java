package dev.controlplane.cards.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a fixture project from {@code src/test/resources/fixtures/secdocs/<name>} into a temporary directory.
 *
 * <p>Dot files are stored as {@code dot_<name>} and renamed on copy ({@code dot_gitignore} becomes
 * {@code .gitignore}): a real {@code .gitignore} inside the fixture would apply to this repository itself (and
 * Maven's default excludes drop it from the test classpath), and a real {@code .env} is what people ignore.
 */
final class SecdocsFixtures {
    private SecdocsFixtures() {
    }

    static Path copy(String name, Path target) {
        URL url = SecdocsFixtures.class.getResource("/fixtures/secdocs/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        try {
            Path source = Path.of(url.toURI());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path relative = source.relativize(file);
                Path destination = target;
                for (Path part : relative) {
                    String segment = part.toString();
                    destination = destination.resolve(segment.startsWith("dot_") ? "." + segment.substring(4) : segment);
                }
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file (creating its directories) and returns its path. */
    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
