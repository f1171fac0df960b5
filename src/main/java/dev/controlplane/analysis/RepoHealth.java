package dev.controlplane.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repository health score: five parts scored 0–10 and weighted as the spec says.
 * <ul>
 * <li>object_size (.30): 10 up to 50 MB of objects, 0 from 1 GB, log-linear between;</li>
 * <li>binary_hygiene (.25): 10 − 2 per large tracked file − 0.25 per binary file;</li>
 * <li>history_depth (.15): commits / 5, full marks from 50 commits;</li>
 * <li>branch_hygiene (.15): 10 up to 10 branches, −0.5 per branch beyond;</li>
 * <li>tag_usage (.15): 0 tags 2, 1 tag 6, 2 tags 8, 3 or more 10.</li>
 * </ul>
 */
public final class RepoHealth {
    public static final Map<String, Double> WEIGHTS = Map.of("object_size", .30, "binary_hygiene", .25,
            "history_depth", .15, "branch_hygiene", .15, "tag_usage", .15);

    public record Score(double score, Map<String, Double> breakdown) {
    }

    private RepoHealth() {
    }

    public static Score of(RepoHistory.Result repo) {
        Map<String, Double> parts = new LinkedHashMap<>();
        double mb = repo.objects().sizeKb() / 1024.0;
        double size = mb <= 50 ? 10 : mb >= 1024 ? 0 : 10 * (1 - Math.log(mb / 50) / Math.log(1024.0 / 50));
        parts.put("object_size", round(size));
        parts.put("binary_hygiene", round(Math.max(0, 10 - 2.0 * repo.large().size() - 0.25 * repo.binary().size())));
        parts.put("history_depth", round(Math.min(10, repo.history().totalCommits() / 5.0)));
        int branches = repo.history().branchCount();
        parts.put("branch_hygiene", round(branches <= 10 ? 10 : Math.max(0, 10 - 0.5 * (branches - 10))));
        int tags = repo.history().tagCount();
        parts.put("tag_usage", tags == 0 ? 2.0 : tags == 1 ? 6.0 : tags == 2 ? 8.0 : 10.0);
        double total = 0;
        for (Map.Entry<String, Double> part : parts.entrySet()) {
            total += part.getValue() * WEIGHTS.get(part.getKey());
        }
        return new Score(round(total), parts);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
