package dev.controlplane.cards.integrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import dev.controlplane.project.files.GitStatus;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.support.ToolRunner;

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
            ArrayNode missing = CardJson.array().add(CardJson.missingTool("git", "Git",
                    "Install git from your package manager or https://git-scm.com/downloads"));
            return unavailable("git is not installed", missing);
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
        ObjectNode card = CardJson.object();
        card.put("available", true);
        card.putNull("reason");
        card.put("branch", branch);
        card.put("detached", status.detached());
        card.put("commit", last.shortHash());
        card.put("dirty", status.dirty());
        card.put("staged_count", status.staged.count());
        card.put("modified_count", status.modified.count());
        card.put("untracked_count", status.untracked.count());
        card.put("unmerged_count", status.unmerged.count());
        card.put("renamed_count", status.renamed);
        card.set("staged", CardJson.strings(status.staged.names()));
        card.set("modified", CardJson.strings(status.modified.names()));
        card.set("untracked", CardJson.strings(status.untracked.names()));
        card.set("unmerged", CardJson.strings(status.unmerged.names()));
        card.put("ahead", status.upstream == null ? 0 : status.ahead);
        card.put("behind", status.upstream == null ? 0 : status.behind);
        card.put("upstream", status.upstream);
        card.set("last_commit", last.toJson());
        card.put("remote_name", remote.name());
        card.put("remote_url", remote.url());
        card.put("repo_prefix", prefix);
        card.set("missing_tools", CardJson.array());
        return CardJson.summary(card, status.dirty() ? branch + "*" : branch,
                status.dirty() ? Level.DEGRADED : Level.OK);
    }

    /** Same shape as an available repository, with every value empty. */
    private ObjectNode unavailable(String reason) {
        return unavailable(reason, CardJson.array());
    }

    private ObjectNode unavailable(String reason, ArrayNode missingTools) {
        ObjectNode card = CardJson.object();
        card.put("available", false);
        card.put("reason", reason);
        card.putNull("branch");
        card.put("detached", false);
        card.putNull("commit");
        card.put("dirty", false);
        for (String count : List.of("staged_count", "modified_count", "untracked_count", "unmerged_count",
                "renamed_count")) {
            card.put(count, 0);
        }
        for (String list : List.of("staged", "modified", "untracked", "unmerged")) {
            card.set(list, CardJson.array());
        }
        card.put("ahead", 0);
        card.put("behind", 0);
        card.putNull("upstream");
        card.set("last_commit", LastCommit.NONE.toJson());
        card.putNull("remote_name");
        card.putNull("remote_url");
        card.put("repo_prefix", "");
        card.set("missing_tools", missingTools);
        return CardJson.summary(card, "no repo", Level.NONE);
    }

    /** The last commit; author name only (no e-mail address on a dashboard). */
    record LastCommit(String hash, String shortHash, String message, String author, String date) {
        static final LastCommit NONE = new LastCommit(null, null, null, null, null);

        ObjectNode toJson() {
            ObjectNode node = CardJson.object();
            node.put("hash", hash);
            node.put("short_hash", shortHash);
            node.put("message", message);
            node.put("author", author);
            node.put("date", date);
            return node;
        }
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
