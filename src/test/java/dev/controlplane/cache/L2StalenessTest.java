package dev.controlplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.audit.AuditDepsCard;
import dev.controlplane.cards.audit.AuditL2QualityCard;
import dev.controlplane.cards.audit.AuditL2RepoCard;
import dev.controlplane.cards.audit.AuditL2StructureCard;
import dev.controlplane.cards.devops.PackagesCard;
import dev.controlplane.testing.TestFiles;

/**
 * The L2 cards' watch paths: editing a source file deep in a module makes structure and quality stale, a
 * manifest edit makes structure stale, and a commit makes the repository card stale.
 */
class L2StalenessTest {

    @Test
    void aSourceEditOutdatesStructureAndQualityAndACommitOutdatesRepo() throws Exception {
        Path root = TestFiles.copyFixture("l2-project");
        AuditL2StructureCard structure = new AuditL2StructureCard();
        AuditL2QualityCard quality = new AuditL2QualityCard();
        AuditL2RepoCard repo = new AuditL2RepoCard();
        try {
            git(root, "init", "-q", "-b", "main");
            git(root, "add", ".");
            git(root, "commit", "-q", "-m", "first");
            try (CacheHarness h = new CacheHarness(root, List.<Card> of(new PackagesCard(), new AuditDepsCard(),
                    structure, quality, repo))) {
                h.cache.get(structure.key(), false);
                h.cache.get(quality.key(), false);
                h.cache.get(repo.key(), false);
                assertNull(h.cache.check(structure));
                assertNull(h.cache.check(quality));
                assertNull(h.cache.check(repo));

                Path util = root.resolve("core/src/main/java/com/acme/core/Util.java");
                Files.writeString(util, Files.readString(util) + "// edited\n");
                assertEquals(MissReason.EXPIRED, h.cache.check(structure));
                assertEquals(MissReason.EXPIRED, h.cache.check(quality));
                assertNull(h.cache.check(repo), "a working-tree edit is not a commit");

                h.cache.get(structure.key(), false);
                h.cache.get(quality.key(), false);
                Files.writeString(root.resolve("app/pom.xml"), Files.readString(root.resolve("app/pom.xml")) + "\n");
                assertEquals(MissReason.EXPIRED, h.cache.check(structure), "a build manifest is watched");

                git(root, "commit", "-q", "-am", "second");
                assertEquals(MissReason.EXPIRED, h.cache.check(repo));
            }
        } finally {
            TestFiles.deleteQuietly(root);
        }
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_AUTHOR_NAME", "Test");
        builder.environment().put("GIT_AUTHOR_EMAIL", "test@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "Test");
        builder.environment().put("GIT_COMMITTER_EMAIL", "test@example.com");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + ": " + output);
        }
    }
}
