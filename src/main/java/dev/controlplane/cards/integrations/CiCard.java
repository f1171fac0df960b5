package dev.controlplane.cards.integrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * CI/CD providers by their configuration files, with how many workflows each defines, and for GitHub Actions
 * every workflow's name, triggers and jobs. Configuration is read, never run.
 */
@ApplicationScoped
public class CiCard implements Card {
    private static final int MAX_WORKFLOW_FILES = 500;

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("ci")
            .title("CI/CD")
            .description("CI providers, workflows, their triggers and jobs")
            .tab(Tab.INTEGRATIONS)
            .order(30)
            .watch(List.of(".github/workflows/", ".gitlab-ci.yml", "Jenkinsfile", ".circleci/", "bitbucket-pipelines.yml", "azure-pipelines.yml", ".travis.yml"))
            .alias("/api/ci/status")
            // read from the cache only (RemotePeers): the live state, never waited for
            .peers(GhRunsCard.KEY)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    /** A detected provider: its files and how many workflows (pipelines) they define. */
    private record Provider(String id, String name, int workflows, List<Path> files) {
    }

    /** The file-based part of the card; {@code live} (written by {@link CiLiveRuns}) follows it. */
    @RegisterForReflection
    record CiResult(List<ProviderRow> providers, @JsonProperty("total_workflows") int totalWorkflows,
            @JsonProperty("has_ci") boolean hasCi, List<Workflow> workflows, List<String> warnings) {
    }

    @RegisterForReflection
    record ProviderRow(String id, String name, int workflows, List<String> files) {
    }

    /** A GitHub Actions workflow file: its name (the path when it has none), triggers and jobs. */
    @RegisterForReflection
    record Workflow(String file, String name, List<String> triggers, List<String> jobs, boolean valid) {
    }

    /** {@code gh-runs} is read from the cache only (see {@link RemotePeers}); it cascades here when it changes. */
    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> warnings = new ArrayList<>();
        List<Provider> providers = new ArrayList<>();
        List<Workflow> workflows = new ArrayList<>();

        // GitHub reads only the files directly in .github/workflows/.
        List<Path> actions = ctx.project().githubWorkflows().stream().limit(MAX_WORKFLOW_FILES).toList();
        for (Path file : actions) {
            workflows.add(githubWorkflow(ctx, file, warnings));
        }
        add(providers, "github_actions", "GitHub Actions", actions.size(), actions);

        onePerFile(ctx, providers, warnings, "gitlab", "GitLab CI", ".gitlab-ci.yml");
        onePerFile(ctx, providers, warnings, "jenkins", "Jenkins", "Jenkinsfile");
        circleci(ctx, providers, warnings);
        onePerFile(ctx, providers, warnings, "travis", "Travis CI", ".travis.yml");
        onePerFile(ctx, providers, warnings, "azure_pipelines", "Azure Pipelines", "azure-pipelines.yml",
                "azure-pipelines.yaml");
        onePerFile(ctx, providers, warnings, "bitbucket", "Bitbucket Pipelines", "bitbucket-pipelines.yml");

        List<ProviderRow> list = new ArrayList<>();
        int total = 0;
        for (Provider provider : providers) {
            list.add(new ProviderRow(provider.id(), provider.name(), provider.workflows(),
                    provider.files().stream().map(ctx::rel).toList()));
            total += provider.workflows();
        }
        ObjectNode card = ResultJson.tree(new CiResult(list, total, !providers.isEmpty(), workflows, warnings));

        // Live results, when gh-runs has answered, say more than the files: they become the badge.
        ObjectNode live = CiLiveRuns.of(RemotePeers.ghRuns(ctx));
        card.set("live", live);
        if (live.path("available").asBoolean()) {
            return CardJson.summary(card, live.path("verdict").asText(), CiLiveRuns.level(live));
        }
        Level level = providers.isEmpty() ? Level.NONE : warnings.isEmpty() ? Level.OK : Level.DEGRADED;
        return CardJson.summary(card, CardJson.plural(total, "workflow", "workflows"), level);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static void add(List<Provider> providers, String id, String name, int workflows, List<Path> files) {
        if (!files.isEmpty()) {
            providers.add(new Provider(id, name, workflows, files));
        }
    }

    /** Providers whose one file is one pipeline; YAML ones are parsed only to warn when malformed. */
    private static void onePerFile(CardContext ctx, List<Provider> providers, List<String> warnings, String id,
            String name, String... candidates) {
        List<Path> files = new ArrayList<>();
        for (String candidate : candidates) {
            if (ctx.isFile(candidate)) {
                Path file = ctx.path(candidate);
                files.add(file);
                if (isYaml(file)) {
                    firstDocument(ctx, file, warnings);
                }
            }
        }
        add(providers, id, name, files.size(), files);
    }

    /** CircleCI: one config, counted by its named workflows (without any, CircleCI runs one implicit workflow). */
    private static void circleci(CardContext ctx, List<Provider> providers, List<String> warnings) {
        for (String candidate : List.of(".circleci/config.yml", ".circleci/config.yaml")) {
            if (ctx.isFile(candidate)) {
                Path file = ctx.path(candidate);
                JsonNode doc = firstDocument(ctx, file, warnings);
                int named = 0;
                for (var it = doc.path("workflows").fieldNames(); it.hasNext();) {
                    if (!"version".equals(it.next())) {
                        named++;
                    }
                }
                add(providers, "circleci", "CircleCI", Math.max(1, named), List.of(file));
                return;
            }
        }
    }

    /** {@code {file, name, triggers[], jobs[], valid}}; the name defaults to the file path, as on GitHub. */
    private static Workflow githubWorkflow(CardContext ctx, Path file, List<String> warnings) {
        int before = warnings.size();
        JsonNode doc = firstDocument(ctx, file, warnings);
        String rel = ctx.rel(file);
        String name = doc.path("name").asText("");
        List<String> triggers = triggers(doc);
        List<String> jobs = new ArrayList<>();
        doc.path("jobs").fieldNames().forEachRemaining(jobs::add);
        return new Workflow(rel, name.isBlank() ? rel : name, triggers, jobs, warnings.size() == before);
    }

    /**
     * The events of {@code on:} as a string, a list or a map. YAML 1.1 reads a bare {@code on} as the boolean
     * true, so a parser may hand the key over as {@code "true"}: both spellings are accepted.
     */
    static List<String> triggers(JsonNode workflow) {
        JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.path("true");
        List<String> triggers = new ArrayList<>();
        if (on.isObject()) {
            on.fieldNames().forEachRemaining(triggers::add);
        } else if (on.isArray()) {
            on.forEach(event -> triggers.add(event.asText()));
        } else if (on.isValueNode() && !on.isNull() && !on.asText().isBlank()) {
            triggers.add(on.asText());
        }
        return triggers;
    }

    /** The first document of a YAML file, or an empty object (with a warning when the file is malformed). */
    private static JsonNode firstDocument(CardContext ctx, Path file, List<String> warnings) {
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        List<JsonNode> docs = parsed.optional().orElse(List.of());
        return docs.isEmpty() || !docs.get(0).isObject() ? CardJson.object() : docs.get(0);
    }
}
