package dev.controlplane.cards.audit;

import static dev.controlplane.project.manifests.DepsFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.testing.TestFiles;

/** audit:l2:repo on repositories built here with known commits, authors, branches, tags and files. */
class AuditL2RepoCardTest {
    private final AuditL2RepoCard card = new AuditL2RepoCard();

    @TempDir
    Path tmp;

    @Test
    void historyAuthorsFilesAndHealthOfAKnownRepository() throws Exception {
        Path repo = knownRepository();
        ObjectNode json = card.compute(CardContext.standalone(repo));
        assertTrue(json.get("available").asBoolean());
        JsonNode history = json.get("history");
        assertEquals(4, history.get("total_commits").asInt(), "= git rev-list --count HEAD");
        assertEquals(Integer.parseInt(git(repo, Map.of(), "rev-list", "--count", "HEAD").trim()),
                history.get("total_commits").asInt());
        assertEquals(2, history.get("author_count").asInt());
        List<String> authors = new ArrayList<>();
        history.get("authors").forEach(a -> authors.add(a.get("name").asText() + "=" + a.get("commits").asInt()));
        assertEquals(List.of("Alice=3", "Bob=1"), authors);
        assertEquals("2024-01-01T10:00:00Z", history.get("first_commit_date").asText().replace("+00:00", "Z"));
        assertEquals("2024-03-01T10:00:00Z", history.get("latest_commit_date").asText().replace("+00:00", "Z"));
        assertTrue(history.get("age_days").asLong() > 300);
        assertEquals(2, history.get("branch_count").asInt(), "main and feature");
        assertEquals(1, history.get("tag_count").asInt());
        assertFalse(history.get("shallow").asBoolean());
        JsonNode large = json.get("large_files");
        assertEquals(1, large.get("total_large").asInt());
        assertEquals("big.txt", large.at("/files/0/path").asText());
        assertEquals(600, large.at("/files/0/size_kb").asInt());
        assertEquals(1, large.get("total_binary").asInt());
        assertEquals("logo.png", large.at("/binary_files/0/path").asText());
        assertTrue(json.at("/git_objects/count").asInt() > 0);
        JsonNode health = json.get("health");
        assertEquals(10.0, health.at("/breakdown/object_size").asDouble());
        assertEquals(7.8, health.at("/breakdown/binary_hygiene").asDouble(), "10 − 2 (one large) − 0.25 (one binary)");
        assertEquals(0.8, health.at("/breakdown/history_depth").asDouble(), "4 commits / 5");
        assertEquals(10.0, health.at("/breakdown/branch_hygiene").asDouble());
        assertEquals(6.0, health.at("/breakdown/tag_usage").asDouble());
        assertEquals(Math.round((10 * .30 + 7.8 * .25 + 0.8 * .15 + 10 * .15 + 6 * .15) * 10) / 10.0,
                health.get("score").asDouble());
        assertEquals(List.of(), texts(json.get("warnings")));
        // Weights in the breakdown's (declared) order, not a hash map's, which changes from one JVM to the next.
        List<String> parts = new ArrayList<>();
        health.get("breakdown").fieldNames().forEachRemaining(parts::add);
        List<String> weighted = new ArrayList<>();
        health.get("weights").fieldNames().forEachRemaining(weighted::add);
        assertEquals(parts, weighted);
    }

    @Test
    void aShallowCloneSaysSo() throws Exception {
        Path repo = knownRepository();
        Path clone = tmp.resolve("clone");
        git(tmp, Map.of(), "clone", "-q", "--depth", "1", "file://" + repo, clone.toString());
        ObjectNode json = card.compute(CardContext.standalone(clone));
        assertTrue(json.at("/history/shallow").asBoolean());
        assertEquals(1, json.at("/history/total_commits").asInt());
        assertTrue(json.get("summary").get("text").asText().endsWith("· shallow"));
        assertTrue(texts(json.get("warnings")).get(0).startsWith("shallow clone"));
    }

    @Test
    void notARepositoryIsAClearState() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        ObjectNode json = card.compute(CardContext.standalone(plain));
        assertFalse(json.get("available").asBoolean());
        assertEquals("not a git repository", json.get("reason").asText());
        assertEquals("none", json.at("/summary/level").asText());
        assertEquals(0, json.at("/health/score").asDouble());
    }

    /** Alice: 3 commits (one a merge-free fix on a branch), Bob: 1; a tag; a 600 KB text file and a PNG. */
    private Path knownRepository() throws IOException, InterruptedException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, Map.of(), "init", "-q", "-b", "main");
        git(repo, Map.of(), "config", "commit.gpgsign", "false");
        TestFiles.write(repo.resolve("README.md"), "# x\n");
        commit(repo, "Alice", "2024-01-01T10:00:00+00:00", "first");
        TestFiles.write(repo.resolve("big.txt"), "x".repeat(600 * 1024));
        Files.write(repo.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        commit(repo, "Bob", "2024-02-01T10:00:00+00:00", "assets");
        git(repo, Map.of(), "tag", "v1");
        git(repo, Map.of(), "branch", "feature");
        TestFiles.write(repo.resolve("a.txt"), "a\n");
        commit(repo, "Alice", "2024-02-15T10:00:00+00:00", "a");
        TestFiles.write(repo.resolve("b.txt"), "b\n");
        commit(repo, "Alice", "2024-03-01T10:00:00+00:00", "b");
        return repo;
    }

    private void commit(Path repo, String author, String date, String message) throws IOException, InterruptedException {
        git(repo, Map.of(), "add", ".");
        git(repo, Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", author.toLowerCase() + "@example.com",
                "GIT_COMMITTER_NAME", author, "GIT_COMMITTER_EMAIL", author.toLowerCase() + "@example.com",
                "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "-m", message);
    }

    private String git(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Path home = Files.createDirectories(tmp.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // A private HOME and no system config: the developer's own git settings must not leak in.
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_AUTHOR_NAME", "Test");
        builder.environment().put("GIT_AUTHOR_EMAIL", "test@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "Test");
        builder.environment().put("GIT_COMMITTER_EMAIL", "test@example.com");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
        return output;
    }
}
