package dev.controlplane.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the app at a fresh empty temp directory: tests never look at the repository itself. */
public class EmptyProjectResource implements QuarkusTestResourceLifecycleManager {
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("controlplane-empty");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("controlplane.project-root", dir.toString());
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
