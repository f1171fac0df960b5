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
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("sample-project");
        return Map.of("controlplane.project-root", dir.toString());
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
