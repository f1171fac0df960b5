package dev.controlplane.cards.integrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import dev.controlplane.project.infra.ComposeServices;
import dev.controlplane.project.infra.DockerfileAnalysis;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.support.ToolRunner;

/**
 * Containers of the project: every Dockerfile (root and nested) with its base images, stages, ports and
 * warnings, the Compose services, {@code .dockerignore}, and whether the Docker CLI, daemon and Compose are
 * usable here.
 */
@ApplicationScoped
public class DockerCard implements Card {
    static final int MAX_DOCKERFILES = 20;
    static final int MAX_IGNORE_PATTERNS = 200;
    /** Compose's own lookup order: the first one present is the project's compose file. */
    public static final List<String> COMPOSE_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");
    /** Files named like a Dockerfile that are not one. */
    private static final Set<String> NOT_DOCKERFILE_SUFFIXES = Set.of(".dockerignore", ".md", ".txt", ".orig",
            ".bak", ".swp");
    /** {@code docker info} asks the daemon; a hung socket must not hold the card for the full tool timeout. */
    private static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(4);
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][\\w.]+)?)");

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * maxAge: Whether the daemon runs is a fact no project file reflects.
     */
    static final CardSpec SPEC = CardSpec.card("docker")
            .title("Docker")
            .description("Dockerfiles, Compose services, .dockerignore, and the Docker CLI, daemon and Compose on this machine.")
            .tab(Tab.INTEGRATIONS)
            .order(40)
            .watch(List.of("Dockerfile*", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml", ".dockerignore"))
            .alias("/api/docker/status")
            .maxAge(Duration.ofMinutes(1))
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    @Override
    public ObjectNode compute(CardContext ctx) {
        ObjectNode card = CardJson.object();
        List<String> warnings = new ArrayList<>();
        ArrayNode missingTools = CardJson.array();

        List<Path> found = findDockerfiles(ctx);
        ArrayNode dockerfiles = CardJson.array();
        int dockerfileWarnings = 0;
        for (Path file : found.subList(0, Math.min(found.size(), MAX_DOCKERFILES))) {
            String rel = ctx.rel(file);
            if (!rel.startsWith("Dockerfile") || rel.contains("/")) {
                ctx.watch(rel);                     // nested ones get the same staleness guarantee as the root
            }
            ObjectNode entry = dockerfile(file, rel, warnings);
            dockerfileWarnings += entry.get("warnings").size();
            dockerfiles.add(entry);
        }
        if (found.size() > MAX_DOCKERFILES) {
            warnings.add(found.size() + " Dockerfiles found; only the first " + MAX_DOCKERFILES + " are analysed");
        }
        card.put("has_dockerfile", !found.isEmpty());
        card.put("dockerfile_count", found.size());
        card.set("dockerfiles", dockerfiles);

        compose(ctx, card, warnings);
        dockerignore(ctx, card);
        cli(ctx, card, missingTools);

        card.set("missing_tools", missingTools);
        card.set("warnings", CardJson.strings(warnings));
        card.put("warning_count", warnings.size() + dockerfileWarnings);
        Level level = found.isEmpty() ? Level.NONE
                : warnings.isEmpty() && dockerfileWarnings == 0 ? Level.OK : Level.DEGRADED;
        return CardJson.summary(card, CardJson.plural(found.size(), "Dockerfile", "Dockerfiles"), level);
    }

    /** Every Dockerfile the safe walk reaches outside test data, the root ones first, then by path. */
    private static List<Path> findDockerfiles(CardContext ctx) {
        List<Path> found = ctx.files(ctx.root(), Integer.MAX_VALUE,
                file -> isDockerfile(file) && !isTestData(ctx.rel(file)));
        found.sort(Comparator.comparingInt((Path p) -> ctx.root().relativize(p).getNameCount())
                .thenComparing(ctx::rel));
        return found;
    }

    /**
     * Test data ({@code src/test/}, {@code fixtures/}, {@code testdata/}): sample Dockerfiles there are inputs of
     * tests, not images the project builds, and their deliberate flaws would turn the badge yellow.
     */
    static boolean isTestData(String rel) {
        String slashed = "/" + rel;
        return slashed.contains("/src/test/") || slashed.contains("/fixtures/") || slashed.contains("/__fixtures__/")
                || slashed.contains("/testdata/");
    }

    /** {@code Dockerfile}, {@code Dockerfile.dev}, {@code Containerfile}, {@code api.Dockerfile}. */
    static boolean isDockerfile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : NOT_DOCKERFILE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return false;
            }
        }
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.startsWith("Dockerfile.")
                || name.startsWith("Containerfile.") || lower.endsWith(".dockerfile");
    }

    private static ObjectNode dockerfile(Path file, String rel, List<String> cardWarnings) {
        ObjectNode entry = CardJson.object();
        entry.put("path", rel);
        String text = Manifests.text(file);
        DockerfileAnalysis analysis;
        if (text == null) {
            cardWarnings.add(rel + ": unreadable or over the 5 MB limit");
            analysis = new DockerfileAnalysis(List.of(), List.of(), List.of(), List.of(), null);
        } else {
            analysis = DockerfileAnalysis.parse(text);
        }
        entry.set("base_images", CardJson.strings(analysis.baseImages()));
        entry.set("stages", CardJson.strings(analysis.stages()));
        entry.set("ports", CardJson.strings(analysis.ports()));
        entry.set("warnings", CardJson.strings(analysis.warnings()));
        entry.put("user", analysis.finalUser());
        return entry;
    }

    private static void compose(CardContext ctx, ObjectNode card, List<String> warnings) {
        String composeFile = COMPOSE_FILES.stream().filter(ctx::isFile).findFirst().orElse(null);
        ArrayNode names = CardJson.array();
        ArrayNode details = CardJson.array();
        if (composeFile != null) {
            ParsedFile<List<JsonNode>> parsed = Manifests.yaml(ctx.path(composeFile), ctx.root());
            if (parsed.warning() != null) {
                warnings.add(parsed.warning());
            }
            List<JsonNode> documents = parsed.value() == null ? List.of() : parsed.value();
            for (ComposeServices.Service service : ComposeServices.of(documents.isEmpty() ? null : documents.get(0))) {
                names.add(service.name());
                ObjectNode detail = details.addObject();
                detail.put("name", service.name());
                detail.put("image", service.image());
                detail.put("build", service.build());
                detail.set("ports", CardJson.strings(service.ports()));
                detail.set("depends_on", CardJson.strings(service.dependsOn()));
            }
            if (parsed.warning() == null && names.isEmpty()) {
                warnings.add(composeFile + ": no services defined");
            }
        }
        card.put("has_compose", composeFile != null);
        card.put("compose_file", composeFile);
        card.set("compose_services", names);
        card.set("compose_service_details", details);
    }

    private static void dockerignore(CardContext ctx, ObjectNode card) {
        List<String> patterns = new ArrayList<>();
        boolean present = ctx.isFile(".dockerignore");
        String text = present ? Manifests.text(ctx.path(".dockerignore")) : null;
        if (text != null) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .limit(MAX_IGNORE_PATTERNS).forEach(patterns::add);
        }
        card.put("has_dockerignore", present);
        card.set("dockerignore_patterns", CardJson.strings(patterns));
    }

    /** The CLI, the daemon (asked only when the CLI exists, with a short timeout) and Compose v2 or v1. */
    private static void cli(CardContext ctx, ObjectNode card, ArrayNode missingTools) {
        ToolRunner.Result version = ctx.run("docker", "--version");
        boolean available = version.ok();
        boolean daemonRunning = false;
        String serverVersion = null;
        boolean composeAvailable = false;
        String composeVersion = null;
        if (available) {
            ToolRunner.Result info = ctx.run(DAEMON_TIMEOUT, "docker", "info", "--format", "{{.ServerVersion}}");
            daemonRunning = info.ok() && !info.stdout().isBlank();
            serverVersion = daemonRunning ? info.firstLine() : null;
            ToolRunner.Result compose = ctx.run("docker", "compose", "version", "--short");
            composeAvailable = compose.ok();
            composeVersion = composeAvailable ? versionOf(compose.firstLine()) : null;
        } else {
            missingTools.add(CardJson.missingTool("docker", "Docker CLI",
                    "Install Docker Engine or Docker Desktop: https://docs.docker.com/get-docker/"));
        }
        if (!composeAvailable) {
            ToolRunner.Result legacy = ctx.run("docker-compose", "version", "--short");
            composeAvailable = legacy.ok();
            composeVersion = composeAvailable ? versionOf(legacy.firstLine()) : null;
        }
        if (available && !composeAvailable && card.get("has_compose").asBoolean()) {
            missingTools.add(CardJson.missingTool("docker-compose", "Docker Compose",
                    "Install the Compose plugin: https://docs.docker.com/compose/install/"));
        }
        ObjectNode cli = card.putObject("cli");
        cli.put("available", available);
        cli.put("version", available ? versionOf(version.firstLine()) : null);
        cli.put("daemon_running", daemonRunning);
        cli.put("server_version", serverVersion);
        cli.put("compose_available", composeAvailable);
        cli.put("compose_version", composeVersion);
    }

    /** {@code Docker version 24.0.7, build afdd53b} → {@code 24.0.7}; otherwise the line as printed. */
    static String versionOf(String line) {
        Matcher m = VERSION.matcher(line);
        return m.find() ? m.group(1) : line;
    }
}
