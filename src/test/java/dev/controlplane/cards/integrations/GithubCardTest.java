package dev.controlplane.cards.integrations;

import static dev.controlplane.cards.devops.InfraFixture.assertSameShape;
import static dev.controlplane.cards.devops.InfraFixture.json;
import static dev.controlplane.cards.devops.InfraFixture.missingToolIds;
import static dev.controlplane.cards.devops.InfraFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.InfraFixture;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.project.files.GitConfig;

class GithubCardTest {
    // A fake credential: the test proves it never reaches the output. nosec
    private static final String TOKEN = "s3cretT0ken";
    private static final String ORIGIN = "https://user:" + TOKEN + "@github.com/acme/widgets.git"; // nosec

    private final GithubCard card = new GithubCard();

    /** The fixture project plus a .git/config (a .git directory cannot be shipped inside the repository). */
    private static Path fixtureWithOrigin(Path dir) {
        Path root = InfraFixture.copyTo(dir);
        write(root, ".git/config", """
                [core]
                \trepositoryformatversion = 0
                \tbare = false
                [remote "origin"]
                \turl = %s
                \tfetch = +refs/heads/*:refs/remotes/origin/*
                [branch "main"]
                \tremote = origin
                """.formatted(ORIGIN));
        return root;
    }

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("github", card.key());
        assertEquals("/api/integrations/gh/status", card.alias());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(20, card.order());
        assertEquals(Set.of("integrations"), card.scopes());
        assertEquals(Set.of("gh-runs", "gh-pulls"), card.peers(), "the live state, read from the cache only");
        assertEquals(List.of(".github/", ".git/config"), card.watchPaths());
        assertEquals(Optional.of(Duration.ofMinutes(5)), card.maxAge());
    }

    @Test
    void reportsTheSlugAndGithubDirectoryOfTheFixture(@TempDir Path dir) {
        ObjectNode result = card.compute(CardContext.standalone(card, fixtureWithOrigin(dir)));

        assertTrue(result.get("git_repo").asBoolean());
        assertEquals(json("""
                {'name': 'origin', 'url': 'https://github.com/acme/widgets.git', 'url_host': 'github.com',
                 'protocol': 'https', 'slug': 'acme/widgets', 'owner': 'acme', 'repo': 'widgets', 'is_github': true}
                """), result.get("remote"));
        assertEquals(json("""
                {'exists': true, 'workflows': 2,
                 'codeowners': {'exists': true, 'path': '.github/CODEOWNERS'},
                 'pr_template': {'exists': true, 'path': '.github/pull_request_template.md'},
                 'issue_templates': 2,
                 'issue_template_files': ['.github/ISSUE_TEMPLATE/bug_report.md',
                                          '.github/ISSUE_TEMPLATE/feature_request.yml'],
                 'dependabot': {'exists': true, 'path': '.github/dependabot.yml'},
                 'funding': {'exists': true, 'path': '.github/FUNDING.yml'}}
                """), result.get("github_dir"));
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': 'acme/widgets', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void theTokenInTheOriginUrlNeverAppears(@TempDir Path dir) {
        String output = card.compute(CardContext.standalone(card, fixtureWithOrigin(dir))).toString();
        assertFalse(output.contains(TOKEN), output);
        assertFalse(output.contains("user:"), output);
        assertFalse(output.contains("user@"), output);
    }

    @Test
    void ghIsReportedAsBooleansWhateverIsInstalled(@TempDir Path dir) {
        ObjectNode result = card.compute(CardContext.standalone(card, fixtureWithOrigin(dir)));
        JsonNode gh = result.get("gh");
        InfraFixture.assertToolShape(gh);
        assertTrue(gh.get("authenticated").isBoolean());
        if (!gh.get("available").asBoolean()) {
            assertFalse(gh.get("authenticated").asBoolean());
        }
        assertEquals(!gh.get("available").asBoolean(), missingToolIds(result).contains("gh"));
    }

    @Test
    void emptyProjectHasTheFullShapeWithEmptyValues(@TempDir Path empty, @TempDir Path full) {
        ObjectNode result = card.compute(CardContext.standalone(card, empty));

        assertSameShape(card.compute(CardContext.standalone(card, fixtureWithOrigin(full))), result);
        assertFalse(result.get("git_repo").asBoolean());
        assertEquals(json("""
                {'name': '', 'url': '', 'url_host': '', 'protocol': '', 'slug': '', 'owner': '', 'repo': '',
                 'is_github': false}
                """), result.get("remote"));
        assertEquals(json("""
                {'exists': false, 'workflows': 0, 'codeowners': {'exists': false, 'path': ''},
                 'pr_template': {'exists': false, 'path': ''}, 'issue_templates': 0, 'issue_template_files': [],
                 'dependabot': {'exists': false, 'path': ''}, 'funding': {'exists': false, 'path': ''}}
                """), result.get("github_dir"));
        InfraFixture.assertToolShape(result.get("gh"));
        assertEquals(json("[]"), result.get("missing_tools"), "gh is not needed without GitHub");
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': 'no remote', 'level': 'none'}"), result.get("summary"));
    }

    @Test
    void rootAndDocsLocationsAndTemplateDirectoriesAreFound(@TempDir Path root) {
        write(root, ".git/config", "[remote \"upstream\"]\n  url = git@gitlab.com:group/sub/tool.git\n");
        write(root, "docs/CODEOWNERS", "* @acme\n");
        write(root, "docs/PULL_REQUEST_TEMPLATE/feature.md", "## Feature\n");
        write(root, ".github/issue_template.md", "legacy single template\n");
        CardContext ctx = CardContext.standalone(card, root);

        ObjectNode result = card.compute(ctx);

        assertEquals(json("""
                {'name': 'upstream', 'url': 'git@gitlab.com:group/sub/tool.git', 'url_host': 'gitlab.com',
                 'protocol': 'ssh', 'slug': 'group/sub/tool', 'owner': 'group/sub', 'repo': 'tool', 'is_github': false}
                """), result.get("remote"));
        assertEquals(json("{'exists': true, 'path': 'docs/CODEOWNERS'}"), result.at("/github_dir/codeowners"));
        assertEquals(json("{'exists': true, 'path': 'docs/PULL_REQUEST_TEMPLATE/'}"), result.at("/github_dir/pr_template"));
        assertEquals(json("['.github/issue_template.md']"), result.at("/github_dir/issue_template_files"));
        assertEquals(json("{'text': 'group/sub/tool', 'level': 'none'}"), result.get("summary"),
                "a remote elsewhere than GitHub: nothing to integrate with here");
        assertEquals(Set.of("CODEOWNERS", "docs/CODEOWNERS", "docs/PULL_REQUEST_TEMPLATE/"), ctx.discoveredWatchPaths());
    }

    @Test
    void aWorktreeFindsTheConfigOfItsMainRepository(@TempDir Path dir) {
        Path main = dir.resolve("main");
        Path worktree = dir.resolve("wt");
        write(main, ".git/config", "[remote \"origin\"]\n\turl = ssh://git@github.com/acme/widgets\n");
        write(main, ".git/worktrees/wt/commondir", "../..\n");
        write(worktree, ".git", "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");

        ObjectNode result = card.compute(CardContext.standalone(card, worktree));

        assertEquals("acme/widgets", result.at("/remote/slug").asText());
        assertEquals("ssh://git@github.com/acme/widgets", result.at("/remote/url").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // url                                                    | host            | slug          | github | shown
        "git@github.com:acme/widgets.git                          | github.com      | acme/widgets  | true   | git@github.com:acme/widgets.git",
        "ssh://git@github.com/acme/widgets.git                    | github.com      | acme/widgets  | true   | ssh://git@github.com/acme/widgets.git",
        "ssh://git@ssh.github.com:443/acme/widgets.git            | ssh.github.com  | acme/widgets  | true   | ssh://git@ssh.github.com:443/acme/widgets.git",
        "https://github.com/acme/widgets                          | github.com      | acme/widgets  | true   | https://github.com/acme/widgets",
        "https://github.com/acme/widgets.git/                     | github.com      | acme/widgets  | true   | https://github.com/acme/widgets.git/",
        "https://user:pa%40ss:word@GitHub.com/acme/widgets.git    | github.com      | acme/widgets  | true   | https://github.com/acme/widgets.git",
        "https://ghp_abcdefTOKEN@github.com/acme/widgets.git      | github.com      | acme/widgets  | true   | https://github.com/acme/widgets.git",
        "https://github.com/acme/widgets.git?access_token=zzz     | github.com      | acme/widgets  | true   | https://github.com/acme/widgets.git",
        "git+https://x:y@github.com/acme/widgets.git              | github.com      | acme/widgets  | true   | git+https://github.com/acme/widgets.git",
        "git://github.com/acme/widgets.git                        | github.com      | acme/widgets  | true   | git://github.com/acme/widgets.git",
        "https://gitlab.example.com:8443/team/app.git             | gitlab.example.com | team/app   | false  | https://gitlab.example.com:8443/team/app.git",
        "/srv/git/widgets.git                                     | ''              | ''            | false  | /srv/git/widgets.git",
        "file:///srv/git/widgets.git                              | ''              | ''            | false  | /srv/git/widgets.git",
    })
    void remoteUrlsOfEveryFormAreParsedWithoutCredentials(String url, String host, String slug, boolean github,
            String shown) {
        RemoteUrl remote = RemoteUrl.parse(url);
        assertEquals(host, remote.host());
        assertEquals(slug, remote.slug());
        assertEquals(github, remote.isGithub());
        assertEquals(shown, remote.safeUrl());
    }

    @Test
    void gitConfigDialectIsReadLikeGitReadsIt() {
        Map<String, String> remotes = GitConfig.remotes("""
                # comment [remote "commented"]
                ; url = nope
                [Remote "fork"] ; comment after a header
                    URL = "https://github.com/me/fork.git" # trailing comment
                [remote.OLD]
                    url = git@github.com:acme/old.git
                [remote "origin"] url = git@github.com:acme/\\
                widgets.git
                [remote "origin"]
                    url = git@github.com:acme/second-url-ignored.git
                [branch "main"]
                    url = not-a-remote
                """);
        assertEquals(Map.of("fork", "https://github.com/me/fork.git", "old", "git@github.com:acme/old.git",
                "origin", "git@github.com:acme/widgets.git"), remotes);
        assertEquals(List.of("fork", "old", "origin"), List.copyOf(remotes.keySet()));
    }
}
