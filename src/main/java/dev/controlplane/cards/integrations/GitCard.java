package dev.controlplane.cards.integrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.MissingTool;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.GitStatus;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.support.ToolRunner;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The project's git repository: branch, working-tree changes, upstream divergence, last commit and origin.
 * Everything comes from the {@code git} CLI (no library, no shell), always with {@code --no-optional-locks}: a
 * plain {@code git status} refreshes {@code .git/index}, which is a watch path of this card, so the card
 * would invalidate itself on every computation.
 */
@ApplicationScoped
public class GitCard implements Card {
    /** The dashboard's own cache directory: its churn is not a change of the project. */
    static final String STATE_DIR = ".state";
    private static final int MAX_REASON = 200;

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * maxAge: Ahead/behind follow fetches and pushes that may touch no watched file.
     */
    static final CardSpec SPEC = CardSpec.card("git")
            .title("Git")
            .description("Branch, uncommitted changes, upstream ahead/behind, last commit and remote of the repository.")
            .tab(Tab.INTEGRATIONS)
            .order(10)
            .watch(List.of(".git/HEAD", ".git/index", ".git/refs/", ".gitignore"))
            .alias("/api/git/status")
            .maxAge(Duration.ofMinutes(5))
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    @Override
    public ObjectNode compute(CardContext ctx) {
        ToolRunner.Result probe = git(ctx, "rev-parse", "--show-prefix");
        if (!probe.found()) {
            return unavailable("git is not installed", List.of(new MissingTool("git", "Git",
                    "Install git from your package manager or https://git-scm.com/downloads")));
        }
        if (probe.timedOut()) {
            return unavailable("git timed out");
        }
        if (probe.exitCode() != 0) {
            return unavailable(reason(probe.stderr(), "not a git repository"));
        }
        // Porcelain paths are relative to the repository root; the project may be a sub-directory of it.
        String prefix = probe.stdout().trim();
        // Untracked mode spelled out: a user's status.showUntrackedFiles must not change what the card counts.
        ToolRunner.Result statusRun = git(ctx, "status", "--porcelain=v2", "--branch", "-z",
                "--untracked-files=normal");
        if (!statusRun.ok()) {
            return unavailable(statusRun.timedOut() ? "git status timed out"
                    : reason(statusRun.stderr(), "git status failed"));
        }
        GitStatus status = GitStatus.parse(statusRun.stdout(), underStateDir(prefix));
        LastCommit last = status.unborn() ? LastCommit.NONE : lastCommit(ctx);
        Remote remote = remote(ctx);
        return available(status, last, remote, prefix);
    }

    private static Predicate<String> underStateDir(String prefix) {
        String dir = prefix + STATE_DIR;
        return path -> path.equals(dir) || path.startsWith(dir + "/");
    }

    private ObjectNode available(GitStatus status, LastCommit last, Remote remote, String prefix) {
        String branch = status.detached() ? last.shortHash() : status.head;
        if (branch == null) {
            branch = "HEAD";
        }
        ObjectNode card = ResultJson.tree(new GitResult(true, null, branch, status.detached(), last.shortHash(),
                status.dirty(), status.staged.count(), status.modified.count(), status.untracked.count(),
                status.unmerged.count(), status.renamed, status.staged.names(), status.modified.names(),
                status.untracked.names(), status.unmerged.names(), status.upstream == null ? 0 : status.ahead,
                status.upstream == null ? 0 : status.behind, status.upstream, last, remote.name(), remote.url(),
                prefix, List.of()));
        return CardJson.summary(card, status.dirty() ? branch + "*" : branch,
                status.dirty() ? Level.DEGRADED : Level.OK);
    }

    /** Same shape as an available repository, with every value empty. */
    private ObjectNode unavailable(String reason) {
        return unavailable(reason, List.of());
    }

    private ObjectNode unavailable(String reason, List<MissingTool> missingTools) {
        ObjectNode card = ResultJson.tree(new GitResult(false, reason, null, false, null, false, 0, 0, 0, 0, 0,
                List.of(), List.of(), List.of(), List.of(), 0, 0, null, LastCommit.NONE, null, null, "",
                missingTools));
        return CardJson.summary(card, "no repo", Level.NONE);
    }

    /** The card's fields; {@code ahead}/{@code behind} are 0 without an upstream. */
    @RegisterForReflection
    record GitResult(boolean available, String reason, String branch, boolean detached, String commit, boolean dirty,
            @JsonProperty("staged_count") int stagedCount, @JsonProperty("modified_count") int modifiedCount,
            @JsonProperty("untracked_count") int untrackedCount, @JsonProperty("unmerged_count") int unmergedCount,
            @JsonProperty("renamed_count") int renamedCount, List<String> staged, List<String> modified,
            List<String> untracked, List<String> unmerged, int ahead, int behind, String upstream,
            @JsonProperty("last_commit") LastCommit lastCommit, @JsonProperty("remote_name") String remoteName,
            @JsonProperty("remote_url") String remoteUrl, @JsonProperty("repo_prefix") String repoPrefix,
            @JsonProperty("missing_tools") List<MissingTool> missingTools) {
    }

    /** The last commit; author name only (no e-mail address on a dashboard). */
    @RegisterForReflection
    record LastCommit(String hash, @JsonProperty("short_hash") String shortHash, String message, String author,
            String date) {
        static final LastCommit NONE = new LastCommit(null, null, null, null, null);
    }

    private LastCommit lastCommit(CardContext ctx) {
        // NUL separators: a subject or an author name may contain any printable character.
        ToolRunner.Result log = git(ctx, "log", "-1", "--format=%H%x00%h%x00%an%x00%aI%x00%s");
        if (!log.ok()) {
            return LastCommit.NONE;
        }
        String[] parts = log.stdout().split("\0", 5);
        if (parts.length < 5) {
            return LastCommit.NONE;
        }
        return new LastCommit(parts[0].trim(), parts[1].trim(), parts[4].strip(), parts[2], parts[3].trim());
    }

    record Remote(String name, String url) {
    }

    /** {@code origin}, or else the first remote; the URL without credentials. */
    private Remote remote(CardContext ctx) {
        List<String> names = new ArrayList<>();
        names.add("origin");
        ToolRunner.Result list = git(ctx, "remote");
        if (list.ok()) {
            list.stdout().lines().map(String::trim).filter(n -> !n.isEmpty() && !n.equals("origin"))
                    .findFirst().ifPresent(names::add);
        }
        for (String name : names) {
            ToolRunner.Result url = git(ctx, "remote", "get-url", name);
            if (url.ok() && !url.stdout().isBlank()) {
                return new Remote(name, RemoteUrl.parse(url.firstLine()).safeUrl());
            }
        }
        return new Remote(null, null);
    }

    /**
     * Runs git read-only: no optional locks (see the class comment), and no fsmonitor hook, because
     * {@code core.fsmonitor} in a repository's config names a command that {@code git status} would execute.
     */
    private static ToolRunner.Result git(CardContext ctx, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "--no-optional-locks", "-c", "core.fsmonitor=false"));
        command.addAll(List.of(args));
        return ctx.run(command.toArray(String[]::new));
    }

    /** git's own message, without the "fatal: " prefix; git prints no credentials in these errors. */
    private static String reason(String stderr, String fallback) {
        String line = stderr == null ? "" : stderr.lines().map(String::trim).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
        if (line.isEmpty()) {
            return fallback;
        }
        if (line.contains("not a git repository")) {
            return "not a git repository";
        }
        line = line.replaceFirst("^(fatal|error): ", "");
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
    }
}
