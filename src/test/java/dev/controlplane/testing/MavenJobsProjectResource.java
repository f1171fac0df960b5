package dev.controlplane.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A dependency-light Maven project with its own wrapper (mvnw + .mvn/wrapper), for real Maven jobs. */
public class MavenJobsProjectResource implements QuarkusTestResourceLifecycleManager {
    static final String PROPERTY = "test.maven-jobs-project.dir";
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("jobs-maven");
        // a copied file loses its mode; a checked-out wrapper is executable
        dir.resolve("mvnw").toFile().setExecutable(true);
        System.setProperty(PROPERTY, dir.toString());
        return Map.of("controlplane.project-root", dir.toString());
    }

    public static Path root() {
        return Path.of(System.getProperty(PROPERTY));
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
