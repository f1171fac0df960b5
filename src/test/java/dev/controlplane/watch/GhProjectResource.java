package dev.controlplane.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.controlplane.testing.FakeGh;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A project on branch {@code feature-x} whose origin is {@code github.com/acme/widgets}, and the fake gh found
 * first through {@code controlplane.tools.path}. Runs after the global sample-project resource, so its
 * project root wins.
 */
public class GhProjectResource implements QuarkusTestResourceLifecycleManager {
    static volatile FakeGh gh;
    static volatile Path project;

    @Override
    public Map<String, String> start() {
        gh = FakeGh.install("passing");
        try {
            project = FakeGh.project(Files.createTempDirectory("controlplane-gh-project"), "feature-x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The fake is a python script: on a loaded shared machine its start-up alone can take seconds.
        return Map.of("controlplane.project-root", project.toString(), "controlplane.tools.path", gh.bin().toString(),
                "controlplane.remote.timeout", "30s");
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        gh.close();
        TestFiles.deleteQuietly(project);
    }
}
