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
     * The start-up archive of an {@code -Paot} build in the quarkus-app directory, or null: {@code app.aot} (Leyden
     * AOT cache, newer Quarkus, trained by the integration tests) or {@code app-cds.jsa} (Quarkus 3.33 with a JDK
     * 25: an archive made by a training start during the build).
     */
    static Path cacheFile(Path appDir) {
        for (String name : new String[] { "app.aot", "app-cds.jsa" }) {
            Path file = appDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /** The JVM flag that uses {@code cache}. */
    static String flag(Path cache) {
        return (cache.getFileName().toString().endsWith(".aot") ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache;
    }
}
