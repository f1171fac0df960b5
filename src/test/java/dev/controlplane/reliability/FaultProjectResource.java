package dev.controlplane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The project {@link ProjectFaultsTest} breaks: a small but complete project (every tab has something to show)
 * whose {@code .state/} files are garbage before the server starts. Started after the global sample-project
 * resource ({@link #order()}), so its {@code controlplane.project-root} wins.
 */
public class FaultProjectResource implements QuarkusTestResourceLifecycleManager {
    static final String CORRUPT_CACHE = "{\"docs\": {\"data\": {\"summary\": tru";
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("sample-project");
        try {
            seed(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("controlplane.project-root", dir.toString());
    }

    static void seed(Path dir) throws IOException {
        write(dir, "README.md", "# Fault project\n\n## Usage\n\nRun it.\n");
        write(dir, "docs/guide.md", "# Guide\n");
        write(dir, "src/main/java/app/App.java", "package app;\npublic class App {}\n");
        write(dir, "src/test/java/app/AppTest.java",
                "package app;\nimport org.junit.jupiter.api.Test;\nclass AppTest { @Test void works() {} }\n");
        write(dir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId>"
                + "<artifactId>a</artifactId><version>1</version></project>\n");
        write(dir, "k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n");
        write(dir, "main.tf", "resource \"null_resource\" \"x\" {}\n");
        write(dir, ".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: echo hi\n");
        write(dir, "Dockerfile", "FROM alpine:3\n");
        write(dir, ".env", "APP_MODE=dev\n");
        write(dir, ".gitignore", ".env\ntarget/\n");
        // Garbage where the server keeps its state: it must set each file aside and start without it.
        write(dir, ".state/devops_cache.json", CORRUPT_CACHE);
        write(dir, ".state/devops_prefs.json", "[\"not\", \"an\", \"object\"");
        Files.write(dir.resolve(".state/devops_activity.json"), new byte[] {0, 1, 2, (byte) 0xff, '{'});
    }

    private static void write(Path dir, String name, String content) {
        TestFiles.write(dir.resolve(name), content);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
