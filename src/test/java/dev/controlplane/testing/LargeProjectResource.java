package dev.controlplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import dev.controlplane.bench.ProjectGenerator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A large project for the "readable at scale" browser tests: the bench's generated monorepo (Java, Python, Go,
 * web apps, Kubernetes, Terraform, docs) of {@code -Dscale.files} files (default {@value #DEFAULT_FILES}; the
 * bench's 50,000 takes minutes to generate and scan on a loaded 2-core machine, and the same generator shape at
 * this size already exceeds every list cap of the cards), plus what the generator does not write but real
 * projects have in numbers: secrets of several rules in many files, many workflows with several jobs, many
 * Dockerfiles and compose services, and an audit score history. Every list a card shows is then longer than the
 * card's cap.
 */
public class LargeProjectResource implements QuarkusTestResourceLifecycleManager {
    static final int DEFAULT_FILES = 6_000;
    static final String PROPERTY = "test.large-project.dir";
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("cp-large-");
            Files.delete(dir);
            ProjectGenerator.generate(dir, Integer.getInteger("scale.files", DEFAULT_FILES), ProjectGenerator.DEFAULT_SEED);
            extras(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PROPERTY, dir.toString());
        return Map.of("controlplane.project-root", dir.toString());
    }

    public static Path root() {
        return Path.of(System.getProperty(PROPERTY));
    }

    /** Values that look real to the secret scanner (mixed characters, no placeholder words). */
    private static String token(SplittableRandom random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static void extras(Path root) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String mixed = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 24; i++) {
            TestFiles.write(root.resolve("config/legacy/service" + i + ".properties"),
                    "aws.key=AKIA" + token(random, upper, 16) + "\n"
                            + "google.key=AIza" + token(random, mixed, 35) + "\n"
                            + "slack=xoxb-" + token(random, mixed, 24) + "\n"
                            + "db_password=\"" + token(random, mixed, 14) + "\"\n"
                            + "session=eyJ" + token(random, mixed, 20) + ".eyJ" + token(random, mixed, 20) + "." + token(random, mixed, 20) + "\n");
        }
        for (int w = 0; w < 12; w++) {
            StringBuilder flow = new StringBuilder("name: pipeline-" + w + "\non:\n  push:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n");
            for (int j = 0; j < 6; j++) {
                flow.append("  job").append(j).append(":\n    runs-on: ubuntu-latest\n    steps:\n      - run: make stage").append(j).append('\n');
            }
            TestFiles.write(root.resolve(".github/workflows/pipeline-" + w + ".yml"), flow.toString());
        }
        StringBuilder compose = new StringBuilder("services:\n");
        for (int s = 0; s < 14; s++) {
            TestFiles.write(root.resolve("images/svc" + s + "/Dockerfile"), "FROM maven:3.9-eclipse-temurin-17 AS build\n"
                    + "COPY . /src\nRUN mvn -f /src package\n\nFROM eclipse-temurin:17-jre AS runtime\n"
                    + "COPY --from=build /src/target/app.jar /app.jar\nEXPOSE 80" + (80 + s) + "\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
            compose.append("  svc").append(s).append(":\n    build: images/svc").append(s).append("\n    ports:\n      - \"")
                    .append(9000 + s).append(":80").append(80 + s).append("\"\n    depends_on:\n      - db\n");
        }
        compose.append("  db:\n    image: postgres:16\n");
        TestFiles.write(root.resolve("docker-compose.yml"), compose.toString());
        // A project watched for a while: 19 earlier score computations, so the trend has a line to draw.
        StringBuilder history = new StringBuilder("[");
        for (int i = 0; i < 19; i++) {
            history.append(i == 0 ? "" : ",").append("{\"ts\":").append(1_796_000_000L + i * 86_400L)
                    .append(",\"complexity\":").append(5.0 + (i % 4) * 0.3).append(",\"quality\":").append(4.0 + i * 0.15 + (i % 3) * 0.2).append('}');
        }
        TestFiles.write(root.resolve(".state/audit_scores_history.json"), history.append(']').toString());
    }

    @Override
    public void stop() {
        TestFiles.deleteQuietly(dir);
    }
}
