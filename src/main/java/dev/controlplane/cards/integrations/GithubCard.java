package dev.controlplane.cards.integrations;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.tools.ToolProbe;
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.project.files.GitConfig;

/**
 * The project's GitHub side: the repository slug from the origin remote (credentials never leave the parser),
 * what {@code .github/} holds, and whether the {@code gh} CLI is installed and logged in. Only the boolean of
 * {@code gh auth status} is kept: its output names the account and token scopes.
 */
@ApplicationScoped
public class GithubCard implements Card {
    /** The directories GitHub looks in for CODEOWNERS and templates, in GitHub's own order. */
    private static final List<String> TEMPLATE_DIRS = List.of(".github", "", "docs");
    private static final Set<String> TEMPLATE_EXTENSIONS = Set.of(".md", ".yml", ".yaml");
    /** gh must neither prompt nor check for updates (no network beyond the auth check itself). */
    private static final Map<String, String> GH_ENV = Map.of("GH_PROMPT_DISABLED", "1", "GH_NO_UPDATE_NOTIFIER", "1",
            "NO_COLOR", "1");

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * maxAge: Logging in or out of gh changes no project file: re-check it every few minutes.
     */
    static final CardSpec SPEC = CardSpec.card("github")
            .title("GitHub")
            .description("GitHub repository, .github/ contents and the gh CLI")
            .tab(Tab.INTEGRATIONS)
            .order(20)
            .watch(List.of(".github/", ".git/config"))
            .alias("/api/integrations/gh/status")
            .maxAge(Duration.ofMinutes(5))
            // read from the cache only (RemotePeers): the live state, never waited for
            .peers(GhRunsCard.KEY, GhPullsCard.KEY)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    @Override
    public ObjectNode compute(CardContext ctx) {
        ObjectNode card = CardJson.object();
        List<String> warnings = new ArrayList<>();
        boolean gitRepo = Files.exists(ctx.path(".git"), LinkOption.NOFOLLOW_LINKS);
        card.put("git_repo", gitRepo);

        Optional<Path> config = GitConfig.locate(ctx);
        if (gitRepo && config.isEmpty()) {
            warnings.add(".git: not a directory nor a readable gitdir pointer");
        }
        Map<String, String> remotes = config.map(GitConfig::remotes).orElse(Map.of());
        String remoteName = remotes.containsKey("origin") ? "origin"
                : remotes.keySet().stream().findFirst().orElse("");
        RemoteUrl remote = RemoteUrl.parse(remotes.get(remoteName));
        card.set("remote", remoteJson(remoteName, remote));

        boolean hasGithubDir = ctx.isDirectory(".github");
        card.set("github_dir", githubDir(ctx, hasGithubDir));

        ToolProbe.Status gh = ToolProbe.probe(ctx, GH_ENV, ToolProbe::firstVersion, "gh", "--version");
        ObjectNode ghNode = gh.toJson();
        ghNode.put("authenticated", gh.available() && authenticated(ctx, remote));
        card.set("gh", ghNode);
        ArrayNode missing = card.putArray("missing_tools");
        if (!gh.available() && (remote.isGithub() || hasGithubDir)) {
            missing.add(CardJson.missingTool("gh", "GitHub CLI", "https://cli.github.com/"));
        }
        card.set("warnings", CardJson.strings(warnings));
        card.set("live", GithubLive.of(RemotePeers.ghRuns(ctx), RemotePeers.ghPulls(ctx)));

        String slug = remote.slug();
        Level level = slug.isEmpty() || !remote.isGithub() ? Level.NONE : Level.OK;
        return CardJson.summary(card, slug.isEmpty() ? "no remote" : slug, level);
    }

    private static ObjectNode remoteJson(String name, RemoteUrl remote) {
        ObjectNode node = CardJson.object();
        node.put("name", name);
        node.put("url", remote.safeUrl());
        node.put("url_host", remote.host());
        node.put("protocol", remote.protocol());
        node.put("slug", remote.slug());
        node.put("owner", remote.owner());
        node.put("repo", remote.repo());
        node.put("is_github", remote.isGithub());
        return node;
    }

    /** Exit status only: the output (account, scopes, part of the token) is dropped unread. */
    private static boolean authenticated(CardContext ctx, RemoteUrl remote) {
        List<String> command = new ArrayList<>(List.of("gh", "auth", "status"));
        if (remote.isGithub()) {
            command.addAll(List.of("--hostname", remote.ghHost()));
        }
        return ctx.run(GH_ENV, command.toArray(String[]::new)).ok();
    }

    private static ObjectNode githubDir(CardContext ctx, boolean exists) {
        ObjectNode node = CardJson.object();
        node.put("exists", exists);
        node.put("workflows", files(ctx.project(), ctx.path(".github/workflows"), GithubCard::isYaml).size());

        // Root and docs/ are outside the watched .github/: watch where GitHub would look.
        ctx.watch("CODEOWNERS");
        ctx.watch("docs/CODEOWNERS");
        node.set("codeowners", found(ctx, firstFile(ctx, name -> name.equals("codeowners"))));
        node.set("pr_template", found(ctx, prTemplate(ctx)));

        List<String> issueTemplates = issueTemplates(ctx);
        node.put("issue_templates", issueTemplates.size());
        node.set("issue_template_files", CardJson.strings(issueTemplates));
        node.set("dependabot", found(ctx, fileIn(ctx.project(), ctx.path(".github"),
                name -> name.equals("dependabot.yml") || name.equals("dependabot.yaml"))));
        node.set("funding", found(ctx, fileIn(ctx.project(), ctx.path(".github"),
                name -> name.equals("funding.yml"))));
        return node;
    }

    /** {@code {exists, path}}: one shape whether or not the file is there. */
    private static ObjectNode found(CardContext ctx, Optional<Path> path) {
        String rel = path.map(p -> ctx.rel(p) + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                .orElse("");
        watchOutsideGithubDir(ctx, rel);
        ObjectNode node = CardJson.object();
        node.put("exists", path.isPresent());
        node.put("path", rel);
        return node;
    }

    /** Files GitHub also reads from the root or docs/ are outside the watched .github/: watch them. */
    private static void watchOutsideGithubDir(CardContext ctx, String rel) {
        if (!rel.isEmpty() && !rel.startsWith(".github/")) {
            ctx.watch(rel);
        }
    }

    private static Optional<Path> firstFile(CardContext ctx, Predicate<String> name) {
        for (String dir : TEMPLATE_DIRS) {
            Optional<Path> file = fileIn(ctx.project(), ctx.path(dir), name);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** A single {@code pull_request_template.md}, or a {@code PULL_REQUEST_TEMPLATE/} directory of them. */
    private static Optional<Path> prTemplate(CardContext ctx) {
        for (String dir : TEMPLATE_DIRS) {
            Path base = ctx.path(dir);
            Optional<Path> file = fileIn(ctx.project(), base, name -> name.equals("pull_request_template.md")
                    || name.equals("pull_request_template.txt"));
            if (file.isPresent()) {
                return file;
            }
            Optional<Path> many = entry(ctx.project(), base, true, name -> name.equals("pull_request_template"));
            if (many.isPresent() && !files(ctx.project(), many.get(), GithubCard::isTemplate).isEmpty()) {
                return many;
            }
        }
        return Optional.empty();
    }

    /** {@code .github/ISSUE_TEMPLATE/*} (its {@code config.yml} is the chooser, not a template) or a legacy file. */
    private static List<String> issueTemplates(CardContext ctx) {
        List<String> templates = new ArrayList<>();
        entry(ctx.project(), ctx.path(".github"), true, name -> name.equals("issue_template")).ifPresent(dir ->
                files(ctx.project(), dir,
                        name -> isTemplate(name) && !name.equals("config.yml") && !name.equals("config.yaml"))
                        .forEach(file -> templates.add(ctx.rel(file))));
        if (templates.isEmpty()) {
            firstFile(ctx, name -> name.equals("issue_template.md")).ifPresent(file -> {
                templates.add(ctx.rel(file));
                watchOutsideGithubDir(ctx, ctx.rel(file));
            });
        }
        return templates;
    }

    private static boolean isYaml(String lowerName) {
        return lowerName.endsWith(".yml") || lowerName.endsWith(".yaml");
    }

    private static boolean isTemplate(String lowerName) {
        return TEMPLATE_EXTENSIONS.stream().anyMatch(lowerName::endsWith);
    }

    private static Optional<Path> fileIn(ProjectModel model, Path dir, Predicate<String> lowerName) {
        return entry(model, dir, false, lowerName);
    }

    /** The first entry of {@code dir} (a directory or a regular file, never a link) whose lower-cased name matches. */
    private static Optional<Path> entry(ProjectModel model, Path dir, boolean directory, Predicate<String> lowerName) {
        return list(model, dir).stream()
                .filter(e -> directory ? e.isDirectory() : e.isFile())
                .map(DirectoryEntry::path)
                .filter(p -> lowerName.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Regular files directly in {@code dir} whose lower-cased name matches, sorted. */
    private static List<Path> files(ProjectModel model, Path dir, Predicate<String> lowerName) {
        return list(model, dir).stream()
                .filter(DirectoryEntry::isFile)
                .map(DirectoryEntry::path)
                .filter(p -> lowerName.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * The entries of one directory (from the project model's listing), sorted by name; GitHub reads these
     * locations without recursion. A link in place of the directory is not followed.
     */
    private static List<DirectoryEntry> list(ProjectModel model, Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return model.list(dir).stream().sorted(java.util.Comparator.comparing(DirectoryEntry::path)).toList();
    }
}
