package dev.controlplane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A project seeded with real-looking credentials where the cards look: source files the secret scan reads,
 * {@code .env} files, the git remote URLs, a private key, compose/k8s/terraform/CI files and package.json. The
 * values are generated at run time from a fixed seed (so no credential-shaped literal sits in the repository)
 * and are long and random enough that a 4+4 masked preview cannot reveal a 10-character piece of them.
 */
public class SecretProjectResource implements QuarkusTestResourceLifecycleManager {
    /** What was planted: a label (kind and place) for each secret value. */
    static final Map<String, String> PLANTED = new LinkedHashMap<>();
    static Path dir;

    static {
        Random random = new Random(0x5EC12E7L);
        PLANTED.put("AWS access key id in src/main/java/app/Config.java", "AKIA" + upper(random, 16));
        PLANTED.put("AWS secret access key in .env", alnum(random, 40));
        PLANTED.put("GitHub token (ghp_) in src/main/resources/application.properties", "ghp_" + alnum(random, 36));
        PLANTED.put(".env value DATABASE_PASSWORD", alnum(random, 32));
        PLANTED.put(".env.production value STRIPE_SECRET_KEY", "sk_live_" + alnum(random, 32));
        PLANTED.put("password in the origin remote URL (https://user:password@github.com/…)", alnum(random, 28));
        PLANTED.put("token as the user of a remote URL (https://ghp_…@github.com/…)", "ghp_" + alnum(random, 36));
        PLANTED.put("private key body (-----BEGIN OPENSSH PRIVATE KEY-----, src/main/resources/keys/deploy.pem and "
                + "id_ed25519)", alnum(random, 64) + "\n" + alnum(random, 64) + "\n" + alnum(random, 64));
        PLANTED.put("POSTGRES_PASSWORD in docker-compose.yml", alnum(random, 30));
        PLANTED.put("stringData password of a k8s Secret", alnum(random, 30));
        PLANTED.put("terraform variable default db_password", alnum(random, 30));
        PLANTED.put("token in a CI workflow env", alnum(random, 40));
        PLANTED.put("registry token in package.json publishConfig URL", alnum(random, 36));
    }

    static String secret(String prefix) {
        return PLANTED.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow()
                .getValue();
    }

    private static String alnum(Random random, int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    private static String upper(Random random, int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    @Override
    public Map<String, String> start() {
        dir = TestFiles.copyFixture("sample-project");
        try {
            plant(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("controlplane.project-root", dir.toString());
    }

    static void plant(Path dir) throws IOException, InterruptedException {
        String awsKeyId = secret("AWS access key id");
        String awsSecret = secret("AWS secret access key");
        String ghp = secret("GitHub token");
        String remotePassword = secret("password in the origin remote URL");
        String remoteToken = secret("token as the user");
        String[] keyLines = secret("private key body").split("\n");
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + String.join("\n", keyLines)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";

        write(dir, "README.md", "# Widgets\n\n## Deploy\n\nSee docs.\n");
        write(dir, "src/main/java/app/Config.java", "package app;\n\nclass Config {\n"
                + "    static final String AWS_ACCESS_KEY_ID = \"" + awsKeyId + "\";\n}\n");
        write(dir, "src/main/resources/application.properties", "github.token=" + ghp + "\n");
        write(dir, "src/main/resources/keys/deploy.pem", pem);
        write(dir, "id_ed25519", pem);
        write(dir, "src/test/java/app/ConfigTest.java", "package app;\nclass ConfigTest { @org.junit.jupiter.api.Test "
                + "void loads() {} }\n");
        write(dir, ".env", "APP_MODE=prod\nDATABASE_PASSWORD=" + secret(".env value DATABASE_PASSWORD")
                + "\nAWS_SECRET_ACCESS_KEY=" + awsSecret + "\n");
        write(dir, ".env.production", "STRIPE_SECRET_KEY=" + secret(".env.production value") + "\n");
        write(dir, "docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n"
                + "      POSTGRES_PASSWORD: " + secret("POSTGRES_PASSWORD") + "\n");
        write(dir, "Dockerfile", "FROM eclipse-temurin:17\nCOPY . /app\n");
        write(dir, "k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n"
                + "stringData:\n  password: " + secret("stringData password") + "\n");
        write(dir, "k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: widgets\n");
        write(dir, "main.tf", "variable \"db_password\" {\n  default = \"" + secret("terraform variable") + "\"\n}\n");
        write(dir, ".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                + "    env:\n      DEPLOY_TOKEN: " + secret("token in a CI workflow") + "\n    steps:\n      - run: make\n");
        write(dir, "package.json", "{\"name\": \"widgets\", \"version\": \"1.0.0\", \"publishConfig\": {\"registry\": "
                + "\"https://npm:" + secret("registry token") + "@registry.example.com/\"}, "
                + "\"devDependencies\": {\"jest\": \"29.0.0\"}}\n");
        write(dir, ".gitignore", ".env\n.env.production\nid_ed25519\n");
        String origin = "https://deploy-bot:" + remotePassword + "@github.com/acme/widgets.git";
        String mirror = "https://" + remoteToken + "@github.com/acme/widgets-mirror.git";
        if (!git(dir, "init", "-q") || !git(dir, "remote", "add", "origin", origin)
                || !git(dir, "remote", "add", "mirror", mirror)) {
            // No git here: the same .git/config by hand (the github card reads it directly).
            write(dir, ".git/HEAD", "ref: refs/heads/main\n");
            write(dir, ".git/config", "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = " + origin
                    + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[remote \"mirror\"]\n\turl = " + mirror + "\n");
        }
    }

    private static boolean git(Path dir, String... args) throws InterruptedException {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
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
