package dev.controlplane.cards.integrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;

/**
 * How far the project is set up, integration by integration: one probe each (project, git, github, docker,
 * cicd, k8s, terraform, pages, dns) read from the other cards' current results, in dependency order, with
 * the first probe worth doing next. It turns stale with any of those cards, since they are its peers.
 */
@ApplicationScoped
public class ProjectStatusCard implements Card {
    static final String READY = "ready";
    static final String PARTIAL = "partial";
    static final String MISSING = "missing";
    static final String ERROR = "error";

    /** Files that make a directory recognisably a project. */
    private static final List<String> PROJECT_FILES = List.of("project.yml", "project.yaml", "README.md", "pom.xml",
            "build.gradle", "build.gradle.kts", "package.json", "pyproject.toml", "go.mod", "Cargo.toml", "Gemfile",
            "requirements.txt");

    /** A probe, the card it reads, and the probes that must be ready before it is worth doing. */
    private record Probe(String id, String label, String card, List<String> dependsOn) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("project", "Project", null, List.of()),
            new Probe("git", "Git repository", "git", List.of("project")),
            new Probe("github", "GitHub", "github", List.of("git")),
            new Probe("docker", "Docker", "docker", List.of("git")),
            new Probe("cicd", "CI/CD", "ci", List.of("github")),
            new Probe("k8s", "Kubernetes", "k8s", List.of("docker", "cicd")),
            new Probe("terraform", "Terraform", "terraform", List.of("git")),
            new Probe("pages", "Pages", "pages", List.of("git")),
            new Probe("dns", "DNS / CDN", "dns", List.of("pages")));

    /** The cards the probes read: the peers, derived from the probe table so the two cannot disagree. */
    private static final Set<String> PEERS = PROBES.stream().map(Probe::card).filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * watchPaths: What the project probe reads itself; the peers' files are inherited through {@link #peers()}.
     */
    static final CardSpec SPEC = CardSpec.card("project-status")
            .title("Project status")
            .description("Which integrations are set up, in dependency order, and what to do next")
            .tab(Tab.INTEGRATIONS)
            .order(60)
            .watch(PROJECT_FILES)
            .alias("/api/project/status")
            .peers(PEERS)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) {
        Map<String, ObjectNode> probes = new LinkedHashMap<>();
        for (Probe probe : PROBES) {
            ObjectNode result = probe.card() == null ? projectProbe(context) : peerProbe(context, probe);
            result.put("id", probe.id());
            result.put("label", probe.label());
            result.set("depends_on", CardJson.strings(probe.dependsOn()));
            probes.put(probe.id(), result);
        }
        ObjectNode card = CardJson.object();
        ArrayNode list = card.putArray("probes");
        probes.values().forEach(list::add);
        card.set("order", CardJson.strings(PROBES.stream().map(Probe::id).toList()));
        card.set("suggested_next", suggestNext(probes));
        long complete = probes.values().stream().filter(p -> READY.equals(p.get("status").asText())).count();
        ObjectNode progress = card.putObject("progress");
        progress.put("complete", complete);
        progress.put("total", probes.size());
        progress.put("percent", Math.round(complete * 100.0 / probes.size()));
        boolean errors = probes.values().stream().anyMatch(p -> ERROR.equals(p.get("status").asText()));
        Level level = errors ? Level.FAILED : complete == probes.size() ? Level.OK : complete == 0 ? Level.NONE : Level.DEGRADED;
        return CardJson.summary(card, complete + "/" + probes.size() + " ready", level);
    }

    /** The first probe that is not ready while everything it depends on is. */
    private static ObjectNode suggestNext(Map<String, ObjectNode> probes) {
        ObjectNode next = CardJson.object();
        for (Probe probe : PROBES) {
            ObjectNode result = probes.get(probe.id());
            if (READY.equals(result.get("status").asText())) {
                continue;
            }
            boolean unblocked = probe.dependsOn().stream()
                    .allMatch(dep -> READY.equals(probes.get(dep).get("status").asText()));
            if (unblocked) {
                next.put("id", probe.id());
                next.put("label", probe.label());
                next.put("reason", result.get("detail").asText());
                return next;
            }
        }
        next.put("id", "");
        next.put("label", "");
        next.put("reason", "every integration is ready");
        return next;
    }

    private static ObjectNode projectProbe(CardContext context) {
        List<String> found = new ArrayList<>();
        for (String file : PROJECT_FILES) {
            if (context.isFile(file)) {
                found.add(file);
            }
        }
        if (context.isFile("project.yml") || context.isFile("project.yaml")) {
            return status(READY, "project.yml describes the project");
        }
        if (!found.isEmpty()) {
            return status(READY, "recognised by " + String.join(", ", found.subList(0, Math.min(3, found.size()))));
        }
        return status(MISSING, "no README, build manifest or project.yml at the root");
    }

    private static ObjectNode peerProbe(CardContext context, Probe probe) {
        JsonNode data;
        try {
            data = context.peer(probe.card());
        } catch (CardContext.UndeclaredPeerException e) {
            throw e;
        } catch (Exception e) {
            return status(ERROR, "the " + probe.card() + " card failed: " + e.getMessage());
        }
        return switch (probe.id()) {
            case "git" -> git(data);
            case "github" -> github(data);
            case "docker" -> docker(data);
            case "cicd" -> ci(data);
            case "k8s" -> k8s(data);
            case "terraform" -> terraform(data);
            case "pages" -> pages(data);
            case "dns" -> dns(data);
            default -> status(ERROR, "unknown probe");
        };
    }

    private static ObjectNode git(JsonNode git) {
        if (!git.path("available").asBoolean()) {
            return status(MISSING, text(git, "reason", "not a git repository"));
        }
        if (git.path("commit").isNull() || git.path("commit").asText().isEmpty()) {
            return status(PARTIAL, "repository without commits");
        }
        if (git.path("remote_url").asText("").isEmpty()) {
            return status(PARTIAL, "no remote configured");
        }
        return status(READY, "on " + git.path("branch").asText() + ", remote configured");
    }

    private static ObjectNode github(JsonNode github) {
        JsonNode remote = github.path("remote");
        if (remote.path("is_github").asBoolean()) {
            return status(READY, remote.path("slug").asText());
        }
        if (!remote.path("slug").asText("").isEmpty()) {
            return status(PARTIAL, "remote is not on GitHub (" + remote.path("url_host").asText() + ")");
        }
        if (github.path("github_dir").path("exists").asBoolean()) {
            return status(PARTIAL, ".github/ exists but no GitHub remote");
        }
        return status(MISSING, "no GitHub remote");
    }

    private static ObjectNode docker(JsonNode docker) {
        if (!docker.path("has_dockerfile").asBoolean()) {
            return status(docker.path("has_compose").asBoolean() ? PARTIAL : MISSING,
                    docker.path("has_compose").asBoolean() ? "compose file without a Dockerfile" : "no Dockerfile");
        }
        int warnings = docker.path("warning_count").asInt(0);
        int files = docker.path("dockerfile_count").asInt(docker.path("dockerfiles").size());
        return warnings > 0 ? status(PARTIAL, files + " Dockerfile(s), " + warnings + " warning(s)")
                : status(READY, files + " Dockerfile(s)");
    }

    private static ObjectNode ci(JsonNode ci) {
        int workflows = ci.path("total_workflows").asInt(0);
        if (!ci.path("has_ci").asBoolean()) {
            return status(MISSING, "no CI configuration");
        }
        return workflows > 0 ? status(READY, workflows + " workflow(s)") : status(PARTIAL, "CI configured without workflows");
    }

    private static ObjectNode k8s(JsonNode k8s) {
        int resources = k8s.path("total_resources").asInt(0);
        if (resources > 0) {
            return status(READY, resources + " resource(s), " + k8s.path("deployment_strategy").asText());
        }
        return k8s.path("manifest_dirs").size() > 0 ? status(PARTIAL, "manifest directories without resources")
                : status(MISSING, "no Kubernetes manifests");
    }

    private static ObjectNode terraform(JsonNode terraform) {
        int resources = terraform.path("total_resources").asInt(0);
        if (resources > 0) {
            return status(READY, resources + " resource(s)"
                    + (terraform.path("initialized").asBoolean() ? ", initialized" : ", not initialized"));
        }
        return terraform.path("file_count").asInt(0) > 0 ? status(PARTIAL, "Terraform files without resources")
                : status(MISSING, "no Terraform configuration");
    }

    private static ObjectNode pages(JsonNode pages) {
        int total = pages.path("total_segments").asInt(0);
        int built = pages.path("built_segments").asInt(0);
        if (total == 0) {
            return status(MISSING, "no pages segments in project.yml");
        }
        return built >= total ? status(READY, total + " segment(s) built") : status(PARTIAL, built + "/" + total + " segment(s) built");
    }

    private static ObjectNode dns(JsonNode dns) {
        int domains = dns.path("domains").size();
        if (domains > 0) {
            return status(READY, domains + " domain(s)");
        }
        return dns.path("providers").size() > 0 ? status(PARTIAL, "hosting configured without a domain")
                : status(MISSING, "no DNS/CDN configuration");
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? fallback : value;
    }

    private static ObjectNode status(String status, String detail) {
        ObjectNode probe = CardJson.object();
        probe.put("status", status);
        probe.put("detail", detail);
        return probe;
    }
}
