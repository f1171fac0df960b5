package dev.controlplane.cards.integrations.gh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.controlplane.cards.Level;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * "Is my branch green?": the latest run of each workflow on one branch, and one verdict over them. A failure
 * outweighs a run in progress (the red one will not turn green by waiting), which outweighs success.
 */
public record RunSummary(List<GhRun> latestByWorkflow, String verdict) {
    public static final String PASSING = "passing";
    public static final String FAILING = "failing";
    public static final String RUNNING = "running";
    public static final String NO_RUNS = "no runs";

    /** @param runs one branch's runs, newest first (as gh lists them) */
    public static RunSummary of(List<GhRun> runs) {
        Map<String, GhRun> latest = new LinkedHashMap<>();
        for (GhRun run : runs) {
            latest.putIfAbsent(run.workflow(), run);
        }
        List<GhRun> list = new ArrayList<>(latest.values());
        String verdict = list.isEmpty() ? NO_RUNS
                : list.stream().anyMatch(GhRun::failed) ? FAILING
                : list.stream().anyMatch(run -> !run.completed()) ? RUNNING : PASSING;
        return new RunSummary(List.copyOf(list), verdict);
    }

    public static Level level(String verdict) {
        return switch (verdict) {
            case PASSING -> Level.OK;
            case FAILING -> Level.FAILED;
            case RUNNING -> Level.DEGRADED;
            default -> Level.NONE;
        };
    }

    /** {@code latest_by_workflow[{workflow, status, conclusion, url}]}. */
    public List<LatestRun> latest() {
        return latestByWorkflow.stream().map(run -> new LatestRun(run.workflow(), run.status(), run.conclusion(),
                run.url())).toList();
    }

    /** The latest run of one workflow, as {@code latest_by_workflow} lists it. */
    @RegisterForReflection
    public record LatestRun(String workflow, String status, String conclusion, String url) {
    }
}
