package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a JDK 25+ on this machine and the AOT cache an {@code -Paot} build leaves next to the jar. */
final class AotCache {
    private AotCache() {
    }

    static Optional<Path> java25() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> d.getFileName().toString().matches(".*-(2[5-9]|[3-9][0-9])(-.*)?"))
                    .map(d -> d.resolve("bin/java")).filter(Files::isExecutable).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The AOT cache of an {@code -Paot} build in the quarkus-app directory ({@code app.aot}: a training start during
     * the build, with the launcher's JVM flags), or null. Quarkus's AppCDS variant ({@code app-cds.jsa}) is not
     * taken: JDK 25 refuses it for an absolute {@code -jar} path, so a row with it would measure a start without it.
     */
    static Path cacheFile(Path appDir) {
        Path file = appDir.resolve("app.aot");
        return Files.isRegularFile(file) ? file : null;
    }

    /** The JVM flag that uses {@code cache}. */
    static String flag(Path cache) {
        return "-XX:AOTCache=" + cache;
    }
}
