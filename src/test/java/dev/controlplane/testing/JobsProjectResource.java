package dev.controlplane.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A pytest project whose test run does what {@code mode.txt} says (pass, fail, sleep, secret, lines N MS):
 * the project the jobs tests run real jobs in.
 */
public class JobsProjectResource implements QuarkusTestResourceLifecycleManager {
    static final String PROPERTY = "test.jobs-project.dir";
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("jobs-python");
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
