package dev.controlplane.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The project every {@code @QuarkusTest} runs against by default: a fresh copy of
 * {@code src/test/resources/fixtures/sample-project} in a temp directory (tests may edit it; the repository
 * is never the project under test). Tests get its path through {@code controlplane.project-root}.
 */
public class SampleProjectResource implements QuarkusTestResourceLifecycleManager {
    /** Set in the test JVM too, so tests of the packaged app ({@code @QuarkusIntegrationTest}) find the project. */
    static final String PROPERTY = "test.sample-project.dir"; // outside the controlplane. namespace the app validates
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("sample-project");
        System.setProperty(PROPERTY, dir.toString());
        return Map.of("controlplane.project-root", dir.toString());
    }

    /** The directory the running app describes. */
    public static Path root() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("the sample project is not started");
        }
        return Path.of(dir);
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
