package dev.controlplane.cards.integrations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.GitStatus;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.TestFiles;

class GitCardTest {
    private static final String TOKEN = "s3cretT0ken";
    private static final String CREDENTIAL_URL = "https://user:" + TOKEN + "@github.com/acme/widgets.git";
    private static final String AUTHOR_DATE = "2024-05-01T12:00:00+00:00";

    @TempDir
    Path tmp;
    private Path home;
    private final GitCard card = new GitCard();

    @BeforeEach
    void isolatedGitHome() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
    }

    @Test
    void declaresTheSpecifiedContract() {
        assertEquals("git", card.key());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(10, card.order());
        assertEquals("/api/git/status", card.alias());
        assertEquals(List.of(".git/HEAD", ".git/index", ".git/refs/", ".gitignore"), card.watchPaths());
        assertEquals(Set.of(), card.peers());
        assertEquals(Set.of("integrations"), card.scopes());
        assertEquals(Optional.of(Duration.ofMinutes(5)), card.maxAge());
    }

    @Test
    void emptyDirectoryIsNotARepositoryWithTheFullShape() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ObjectNode json = card.compute(CardContext.standalone(empty));

        assertFalse(json.get("available").asBoolean());
        String expectedReason = gitInstalled() ? "not a git repository" : "git is not installed";
        assertEquals(expectedReason, json.get("reason").asText());
        assertTrue(json.get("branch").isNull());
        assertTrue(json.get("commit").isNull());
        assertFalse(json.get("dirty").asBoolean());
        for (String count : List.of("staged_count", "modified_count", "untracked_count", "ahead", "behind")) {
            assertEquals(0, json.get(count).asInt(), count);
        }
        for (String list : List.of("staged", "modified", "untracked", "missing_tools")) {
            assertTrue(json.get(list).isArray(), list);
        }
        assertEquals(0, json.get("staged").size());
        assertTrue(json.get("upstream").isNull());
        assertTrue(json.get("remote_url").isNull());
        JsonNode last = json.get("last_commit");
        for (String field : List.of("hash", "short_hash", "message", "author", "date")) {
            assertTrue(last.get(field).isNull(), field);
        }
        assertEquals("no repo", json.at("/summary/text").asText());
        assertEquals("none", json.at("/summary/level").asText());
    }

    @Test
    void reportsChangesLastCommitAndAStrippedRemote() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("work");
        write(repo, "README.md", "# Widgets\n");
        write(repo, "LICENSE", "MIT\n");
        write(repo, "src/App.java", "class App {}\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "Add app\n\nWith a body that is not the subject.");
        git(repo, "remote", "add", "origin", CREDENTIAL_URL);

        write(repo, "README.md", "# Widgets, changed\n");          // modified, not staged
        write(repo, "new.txt", "new\n");
        git(repo, "add", "new.txt");                              // staged
        write(repo, "src/App.java", "class App { int a; }\n");
        git(repo, "add", "src/App.java");
        write(repo, "src/App.java", "class App { int b; }\n");    // staged and modified again
        write(repo, "notes.txt", "todo\n");                       // untracked
        write(repo, "tmp/one.log", "1\n");                        // untracked directory: one entry
        write(repo, "tmp/two.log", "2\n");
        write(repo, ".state/cache/git.json", "{}\n");             // the dashboard's own cache: never counted
        write(repo, ".state/fingerprints.json", "{}\n");

        ObjectNode json = card.compute(CardContext.standalone(repo));

        assertTrue(json.get("available").asBoolean());
        assertTrue(json.get("reason").isNull());
        assertEquals("main", json.get("branch").asText());
        assertFalse(json.get("detached").asBoolean());
        assertTrue(json.get("dirty").asBoolean());
        assertEquals(2, json.get("staged_count").asInt());
        assertEquals(List.of("new.txt", "src/App.java"), strings(json.get("staged")));
        assertEquals(2, json.get("modified_count").asInt());
        assertEquals(List.of("README.md", "src/App.java"), strings(json.get("modified")));
        assertEquals(2, json.get("untracked_count").asInt());
        assertEquals(List.of("notes.txt", "tmp/"), strings(json.get("untracked")));
        assertEquals(0, json.get("ahead").asInt());
        assertEquals(0, json.get("behind").asInt());
        assertTrue(json.get("upstream").isNull());

        JsonNode last = json.get("last_commit");
        String head = git(repo, "rev-parse", "HEAD").trim();
        assertEquals(head, last.get("hash").asText());
        assertEquals(git(repo, "rev-parse", "--short", "HEAD").trim(), last.get("short_hash").asText());
        assertEquals(last.get("short_hash").asText(), json.get("commit").asText());
        assertEquals("Add app", last.get("message").asText());
        assertEquals("Test Author", last.get("author").asText());
        assertEquals(AUTHOR_DATE, last.get("date").asText());

        assertEquals("https://github.com/acme/widgets.git", json.get("remote_url").asText());
        assertEquals("origin", json.get("remote_name").asText());
        assertFalse(json.toString().contains(TOKEN), "the token must appear nowhere in the payload");
        assertFalse(json.toString().contains(".state"), ".state/ must not be counted or listed");
        assertEquals(List.of(), strings(json.get("missing_tools")));
        assertEquals("main*", json.at("/summary/text").asText());
        assertEquals("degraded", json.at("/summary/level").asText());
    }

    @Test
    void computingNeverRewritesTheIndex() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("locks");
        write(repo, "a.txt", "a\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "a");
        // A new mtime on an unchanged file makes a plain `git status` refresh and rewrite .git/index.
        Files.setLastModifiedTime(repo.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(120)));
        Path index = repo.resolve(".git/index");
        byte[] before = Files.readAllBytes(index);
        FileTime mtimeBefore = Files.getLastModifiedTime(index);

        ObjectNode json = card.compute(CardContext.standalone(repo));

        assertFalse(json.get("dirty").asBoolean());
        assertEquals("main", json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
        assertArrayEquals(before, Files.readAllBytes(index));
        assertEquals(mtimeBefore, Files.getLastModifiedTime(index));
    }

    @Test
    void countsAheadAndBehindItsUpstream() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("tracking");
        write(repo, "a.txt", "a\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "first");
        Path bare = tmp.resolve("remote.git");
        git(tmp, "clone", "-q", "--bare", repo.toString(), bare.toString());
        git(repo, "remote", "add", "origin", CREDENTIAL_URL);
        git(repo, "remote", "add", "backup", bare.toString());
        git(repo, "fetch", "-q", "backup");
        git(repo, "branch", "-q", "--set-upstream-to=backup/main");

        // Someone else pushes one commit to the shared remote...
        Path other = tmp.resolve("other");
        git(tmp, "clone", "-q", bare.toString(), other.toString());
        write(other, "b.txt", "b\n");
        git(other, "add", ".");
        git(other, "commit", "-q", "-m", "theirs");
        git(other, "push", "-q", "origin", "main");
        // ...while we commit twice locally.
        for (String name : List.of("c", "d")) {
            write(repo, name + ".txt", name + "\n");
            git(repo, "add", ".");
            git(repo, "commit", "-q", "-m", "ours " + name);
        }
        git(repo, "fetch", "-q", "backup");

        ObjectNode json = card.compute(CardContext.standalone(repo));

        assertEquals("backup/main", json.get("upstream").asText());
        assertEquals(2, json.get("ahead").asInt());
        assertEquals(1, json.get("behind").asInt());
        assertEquals("ours d", json.at("/last_commit/message").asText());
        assertEquals("https://github.com/acme/widgets.git", json.get("remote_url").asText());
        assertFalse(json.toString().contains(TOKEN));
        assertEquals("main", json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
    }

    @Test
    void detachedHeadShowsTheShortHash() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("detached");
        for (String name : List.of("one", "two")) {
            write(repo, name + ".txt", name + "\n");
            git(repo, "add", ".");
            git(repo, "commit", "-q", "-m", name);
        }
        git(repo, "checkout", "-q", "--detach", "HEAD~1");
        String shortHash = git(repo, "rev-parse", "--short", "HEAD").trim();

        ObjectNode json = card.compute(CardContext.standalone(repo));

        assertTrue(json.get("detached").asBoolean());
        assertEquals(shortHash, json.get("branch").asText());
        assertEquals(shortHash, json.get("commit").asText());
        assertEquals("one", json.at("/last_commit/message").asText());
        assertTrue(json.get("remote_url").isNull());
        assertEquals(shortHash, json.at("/summary/text").asText());
        assertEquals("ok", json.at("/summary/level").asText());
    }

    @Test
    void unbornBranchKeepsItsNameAndEmptyLastCommit() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("unborn");
        write(repo, "a.txt", "a\n");
        // No origin: the first remote is reported, without its credentials.
        git(repo, "remote", "add", "upstream", "https://bot:" + TOKEN + "@gitlab.com/acme/tool.git");

        ObjectNode json = card.compute(CardContext.standalone(repo));

        assertTrue(json.get("available").asBoolean());
        assertEquals("main", json.get("branch").asText());
        assertTrue(json.get("commit").isNull());
        assertTrue(json.at("/last_commit/hash").isNull());
        assertTrue(json.at("/last_commit/date").isNull());
        assertEquals(List.of("a.txt"), strings(json.get("untracked")));
        assertEquals("upstream", json.get("remote_name").asText());
        assertEquals("https://gitlab.com/acme/tool.git", json.get("remote_url").asText());
        assertFalse(json.toString().contains(TOKEN));
        assertEquals("main*", json.at("/summary/text").asText());
    }

    @Test
    void availableAndUnavailableShareOneShape() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("shape");
        Path empty = Files.createDirectories(tmp.resolve("not-a-repo"));
        ObjectNode available = card.compute(CardContext.standalone(repo));
        ObjectNode unavailable = card.compute(CardContext.standalone(empty));
        assertEquals(fieldNames(available), fieldNames(unavailable));
        assertEquals(fieldNames(available.get("last_commit")), fieldNames(unavailable.get("last_commit")));
    }

    @Test
    void listsAreCappedButCountsAreReal() throws Exception {
        assumeTrue(gitInstalled(), "git is not installed");
        Path repo = newRepo("many");
        for (int i = 0; i < 25; i++) {
            write(repo, String.format("file-%02d.txt", i), "x\n");
        }
        ObjectNode json = card.compute(CardContext.standalone(repo));
        assertEquals(25, json.get("untracked_count").asInt());
        assertEquals(20, json.get("untracked").size());
    }

    @Test
    void parsesRenamesUnmergedAndPathsWithSpaces() {
        String output = String.join("\0",
                "# branch.oid 1234567890abcdef1234567890abcdef12345678",
                "# branch.head feature/x",
                "# branch.upstream origin/feature/x",
                "# branch.ab +3 -0",
                "1 .M N... 100644 100644 100644 aaaa bbbb docs/with space.md",
                "2 R. N... 100644 100644 100644 aaaa bbbb R100 new name.txt", "old name.txt",
                "u UU N... 100644 100644 100644 100644 aaaa bbbb cccc conflict.txt",
                "? .state/cache.json",
                "? .state",
                "? other file.txt", "");
        GitStatus status = GitStatus.parse(output, path -> path.equals(".state") || path.startsWith(".state/"));
        assertEquals("feature/x", status.head);
        assertEquals("origin/feature/x", status.upstream);
        assertEquals(3, status.ahead);
        assertEquals(0, status.behind);
        assertEquals(List.of("docs/with space.md"), status.modified.names());
        assertEquals(List.of("new name.txt"), status.staged.names());
        assertEquals(1, status.renamed);
        assertEquals(List.of("conflict.txt"), status.unmerged.names());
        assertEquals(List.of("other file.txt"), status.untracked.names());
        assertTrue(status.dirty());
        assertFalse(status.detached());
        assertFalse(status.unborn());
    }

    private static String safe(String url) {
        return RemoteUrl.parse(url).safeUrl();
    }

    @Test
    void stripsCredentialsFromEveryUrlWithAScheme() {
        assertEquals("https://github.com/acme/widgets.git", safe(CREDENTIAL_URL));
        assertEquals("https://github.com/acme/widgets.git",
                safe("https://ghp_abcdef@github.com/acme/widgets.git"));
        assertEquals("ssh://git@github.com/acme/widgets.git", safe("ssh://git@github.com/acme/widgets.git"),
                "a user without password is no secret");
        assertEquals("ssh://github.com/acme/widgets.git", safe("ssh://git:pw@github.com/acme/widgets.git"));
        assertEquals("https://host:8443/x", safe("https://u:p@ss@host:8443/x"));
        assertEquals("https://host/x", safe("https://user:ab/cd@host/x"));
        assertEquals("https://host:8443/path/@scope", safe("https://host:8443/path/@scope"));
        assertEquals("git@github.com:acme/widgets.git",
                safe("git@github.com:acme/widgets.git"));
        assertEquals("/srv/git/widgets.git", safe("/srv/git/widgets.git"));
        assertEquals("https://host/x.git", safe("https://host/x.git?access_token=abc#frag"));
        assertEquals("https://host/x.git", safe("https://user:pa?ss#word@host/x.git"));
    }

    // --- building real repositories ---

    private Path newRepo(String name) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve(name));
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.name", "Test Author");
        git(repo, "config", "user.email", "author@example.com");
        git(repo, "config", "commit.gpgsign", "false");
        return repo;
    }

    private String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // A private HOME and no system config: the developer's own git settings must not leak in.
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_AUTHOR_NAME", "Test Author");
        builder.environment().put("GIT_AUTHOR_EMAIL", "author@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "Test Author");
        builder.environment().put("GIT_COMMITTER_EMAIL", "author@example.com");
        builder.environment().put("GIT_AUTHOR_DATE", AUTHOR_DATE);
        builder.environment().put("GIT_COMMITTER_DATE", AUTHOR_DATE);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static void write(Path root, String rel, String content) {
        TestFiles.write(root.resolve(rel), content);
    }

    private static boolean gitInstalled() {
        return ToolRunner.which("git").isPresent();
    }

    private static List<String> strings(JsonNode array) {
        assertNotNull(array);
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
