package dev.controlplane.cards.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.RepoHealth;
import dev.controlplane.analysis.RepoHistory;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;

/**
 * The repository from the git CLI: object store size, history (commits, authors, dates, branches, tags, shallow
 * or not), large and binary files in the tree, and a health score ({@link RepoHealth}). A directory that is no
 * repository gives {@code available: false} with the reason, in the same shape.
 */
@ApplicationScoped
public class AuditL2RepoCard extends L2Card {
    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = L2Card.declare("audit:l2:repo")
            .title("Repository")
            .description("History, authors, object store, large and binary files, and repository hygiene")
            .order(62)
            .watch(".git/HEAD", ".git/refs/", ".git/packed-refs", ".gitattributes")
            .alias("/api/audit/repo")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        RepoHistory.Result repo = RepoHistory.read(context::run);
        ObjectNode card = CardJson.object();
        card.put("available", repo.available());
        card.put("reason", repo.reason());
        ObjectNode objects = card.putObject("git_objects");
        objects.put("count", repo.objects().count());
        objects.put("size_kb", repo.objects().sizeKb());
        objects.put("packs", repo.objects().packs());
        objects.put("pack_size_kb", repo.objects().packSizeKb());
        RepoHistory.History h = repo.history();
        ObjectNode history = card.putObject("history");
        history.put("total_commits", h.totalCommits());
        history.put("author_count", h.authorCount());
        ArrayNode authors = history.putArray("authors");
        h.authors().forEach(a -> {
            ObjectNode node = authors.addObject();
            node.put("name", a.name());
            node.put("commits", a.commits());
        });
        history.put("first_commit_date", h.firstCommitDate());
        history.put("latest_commit_date", h.latestCommitDate());
        history.put("age_days", h.ageDays());
        history.put("branch_count", h.branchCount());
        history.put("tag_count", h.tagCount());
        history.put("shallow", h.shallow());
        ObjectNode large = card.putObject("large_files");
        large.set("files", files(repo.large()));
        large.set("binary_files", files(repo.binary()));
        large.put("total_large", repo.large().size());
        large.put("total_binary", repo.binary().size());
        large.set("suggestions", CardJson.strings(suggestions(repo)));
        CardJson.cap(large, "files", CAP);
        CardJson.cap(large, "binary_files", CAP);
        RepoHealth.Score score = RepoHealth.of(repo);
        ObjectNode health = card.putObject("health");
        health.put("score", repo.available() ? score.score() : 0);
        ObjectNode breakdown = health.putObject("breakdown");
        score.breakdown().forEach(breakdown::put);
        // In the breakdown's order (the order the scoring declares its parts): WEIGHTS is a Map.of, whose
        // iteration order changes from one JVM to the next.
        ObjectNode weights = health.putObject("weights");
        score.breakdown().keySet().forEach(part -> weights.put(part, RepoHealth.WEIGHTS.get(part)));
        RepoHealth.WEIGHTS.keySet().stream().filter(part -> !weights.has(part)).sorted()
                .forEach(part -> weights.put(part, RepoHealth.WEIGHTS.get(part)));
        ArrayNode missing = card.putArray("missing_tools");
        if (repo.gitMissing()) {
            missing.add(CardJson.missingTool("git", "git", "apt-get install git"));
        }
        card.set("warnings", CardJson.strings(h.shallow()
                ? List.of("shallow clone: the history, authors and dates cover only the commits it holds") : List.of()));
        if (!repo.available()) {
            return CardJson.summary(card, repo.reason(), repo.gitMissing() ? Level.DEGRADED : Level.NONE);
        }
        Level level = score.score() >= 7 ? Level.OK : score.score() >= 4 ? Level.DEGRADED : Level.FAILED;
        return CardJson.summary(card, String.format(Locale.ROOT, "%s · %.1f/10%s",
                CardJson.plural(h.totalCommits(), "commit", "commits"), score.score(), h.shallow() ? " · shallow" : ""),
                level);
    }

    private static ArrayNode files(List<RepoHistory.TrackedFile> files) {
        ArrayNode out = CardJson.array();
        files.forEach(f -> {
            ObjectNode node = out.addObject();
            node.put("path", f.path());
            node.put("size_kb", f.sizeKb());
        });
        return out;
    }

    private static List<String> suggestions(RepoHistory.Result repo) {
        List<String> out = new ArrayList<>();
        if (!repo.large().isEmpty()) {
            out.add("Move large files to Git LFS or an artifact store: every clone downloads them");
        }
        if (repo.binary().size() > 10) {
            out.add("Track binary assets with Git LFS (.gitattributes) to keep the history small");
        }
        if (repo.available() && repo.history().tagCount() == 0 && repo.history().totalCommits() > 0) {
            out.add("Tag releases so versions can be found in the history");
        }
        return out;
    }
}
