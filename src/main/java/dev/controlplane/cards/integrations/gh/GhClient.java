package dev.controlplane.cards.integrations.gh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.support.ToolRunner;

/**
 * The GitHub CLI as the remote cards use it: only documented {@code --json} output, no shell, a short timeout,
 * never prompting, never checking for updates. gh keeps its own login; nothing here reads, stores or passes on
 * a token. Every call names the repository explicitly, so gh never guesses it from the remotes.
 */
public final class GhClient {
    public static final int RUN_LIMIT = 20;
    public static final int PULL_LIMIT = 30;
    private static final int WORKFLOW_LIMIT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("GH_PROMPT_DISABLED", "1", "GH_NO_UPDATE_NOTIFIER", "1",
            "GH_SPINNER_DISABLED", "1", "NO_COLOR", "1");

    private final Path workDir;
    private final Duration timeout;
    private final String host;
    private final String repo;

    /**
     * @param host the GitHub host gh knows ({@code github.com} or a GHE host)
     * @param slug {@code owner/name}
     */
    public GhClient(Path workDir, Duration timeout, String host, String slug) {
        this.workDir = workDir;
        this.timeout = timeout;
        this.host = host;
        this.repo = "github.com".equals(host) ? slug : host + "/" + slug;
    }

    public GhAnswer<GhRepo> repo() {
        return call(node -> GhRepo.from(node), "repo", "view", repo, "--json", GhRepo.FIELDS);
    }

    /** The latest runs of one branch, newest first. */
    public GhAnswer<List<GhRun>> runs(String branch) {
        return call(node -> list(node, GhRun::from), "run", "list", "--repo", repo, "--branch", branch, "--limit",
                String.valueOf(RUN_LIMIT), "--json", GhRun.FIELDS);
    }

    public GhAnswer<List<GhPull>> pulls() {
        return call(node -> list(node, GhPull::from), "pr", "list", "--repo", repo, "--state", "open", "--limit",
                String.valueOf(PULL_LIMIT), "--json", GhPull.FIELDS);
    }

    /** Every workflow, disabled ones included (their state is worth showing). */
    public GhAnswer<List<GhWorkflow>> workflows() {
        return call(node -> list(node, GhWorkflow::from), "workflow", "list", "--repo", repo, "--all", "--limit",
                String.valueOf(WORKFLOW_LIMIT), "--json", GhWorkflow.FIELDS);
    }

    private <T> GhAnswer<T> call(Function<JsonNode, T> parse, String... args) {
        List<String> command = new ArrayList<>();
        command.add("gh");
        command.addAll(List.of(args));
        ToolRunner.Result result = ToolRunner.run(workDir, timeout, ENV, command);
        if (!result.ok()) {
            return GhFailures.classify(result, host);
        }
        try {
            return GhAnswer.of(parse.apply(JSON.readTree(result.stdout())));
        } catch (IOException | RuntimeException e) {
            // Not gh's documented output (a proxy's error page, a truncated answer): no usable answer right now.
            return GhAnswer.failed(GhState.OFFLINE, "gh gave an unexpected answer; checked again automatically");
        }
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> item) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array");
        }
        List<T> items = new ArrayList<>();
        node.forEach(element -> items.add(item.apply(element)));
        return items;
    }
}
