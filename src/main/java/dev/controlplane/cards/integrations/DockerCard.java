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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.MissingTool;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.infra.ComposeServices;
import dev.controlplane.project.infra.DockerfileAnalysis;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.support.ToolRunner;
import io.quarkus.runtime.annotations.RegisterForReflection;

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
        List<String> warnings = new ArrayList<>();
        List<MissingTool> missingTools = new ArrayList<>();

        List<Path> found = findDockerfiles(ctx);
        List<Dockerfile> dockerfiles = new ArrayList<>();
        int dockerfileWarnings = 0;
        for (Path file : found.subList(0, Math.min(found.size(), MAX_DOCKERFILES))) {
            String rel = ctx.rel(file);
            if (!rel.startsWith("Dockerfile") || rel.contains("/")) {
                ctx.watch(rel);                     // nested ones get the same staleness guarantee as the root
            }
            Dockerfile entry = dockerfile(file, rel, warnings);
            dockerfileWarnings += entry.warnings().size();
            dockerfiles.add(entry);
        }
        if (found.size() > MAX_DOCKERFILES) {
            warnings.add(found.size() + " Dockerfiles found; only the first " + MAX_DOCKERFILES + " are analysed");
        }
        Compose compose = compose(ctx, warnings);
        List<String> ignorePatterns = dockerignore(ctx);
        Cli cli = cli(ctx, compose.file() != null, missingTools);

        ObjectNode card = ResultJson.tree(new DockerResult(!found.isEmpty(), found.size(), dockerfiles,
                compose.file() != null, compose.file(), compose.services().stream().map(ComposeService::name).toList(),
                compose.services(), ignorePatterns != null, ignorePatterns == null ? List.of() : ignorePatterns, cli,
                missingTools, warnings, warnings.size() + dockerfileWarnings));
        Level level = found.isEmpty() ? Level.NONE
                : warnings.isEmpty() && dockerfileWarnings == 0 ? Level.OK : Level.DEGRADED;
        return CardJson.summary(card, CardJson.plural(found.size(), "Dockerfile", "Dockerfiles"), level);
    }

    @RegisterForReflection
    record DockerResult(@JsonProperty("has_dockerfile") boolean hasDockerfile,
            @JsonProperty("dockerfile_count") int dockerfileCount, List<Dockerfile> dockerfiles,
            @JsonProperty("has_compose") boolean hasCompose, @JsonProperty("compose_file") String composeFile,
            @JsonProperty("compose_services") List<String> composeServices,
            @JsonProperty("compose_service_details") List<ComposeService> composeServiceDetails,
            @JsonProperty("has_dockerignore") boolean hasDockerignore,
            @JsonProperty("dockerignore_patterns") List<String> dockerignorePatterns, Cli cli,
            @JsonProperty("missing_tools") List<MissingTool> missingTools, List<String> warnings,
            @JsonProperty("warning_count") int warningCount) {
    }

    @RegisterForReflection
    record Dockerfile(String path, @JsonProperty("base_images") List<String> baseImages, List<String> stages,
            List<String> ports, List<String> warnings, String user) {
    }

    @RegisterForReflection
    record ComposeService(String name, String image, String build, List<String> ports,
            @JsonProperty("depends_on") List<String> dependsOn) {
    }

    /** The compose file found (null: none) and its services. */
    private record Compose(String file, List<ComposeService> services) {
    }

    /** The CLI, the daemon and Compose: versions are null when not known. */
    @RegisterForReflection
    record Cli(boolean available, String version, @JsonProperty("daemon_running") boolean daemonRunning,
            @JsonProperty("server_version") String serverVersion,
            @JsonProperty("compose_available") boolean composeAvailable,
            @JsonProperty("compose_version") String composeVersion) {
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

    private static Dockerfile dockerfile(Path file, String rel, List<String> cardWarnings) {
        String text = Manifests.text(file);
        DockerfileAnalysis analysis;
        if (text == null) {
            cardWarnings.add(rel + ": unreadable or over the 5 MB limit");
            analysis = new DockerfileAnalysis(List.of(), List.of(), List.of(), List.of(), null);
        } else {
            analysis = DockerfileAnalysis.parse(text);
        }
        return new Dockerfile(rel, analysis.baseImages(), analysis.stages(), analysis.ports(), analysis.warnings(),
                analysis.finalUser());
    }

    private static Compose compose(CardContext ctx, List<String> warnings) {
        String composeFile = COMPOSE_FILES.stream().filter(ctx::isFile).findFirst().orElse(null);
        List<ComposeService> services = new ArrayList<>();
        if (composeFile != null) {
            ParsedFile<List<JsonNode>> parsed = Manifests.yaml(ctx.path(composeFile), ctx.root());
            if (parsed.warning() != null) {
                warnings.add(parsed.warning());
            }
            List<JsonNode> documents = parsed.value() == null ? List.of() : parsed.value();
            for (ComposeServices.Service service : ComposeServices.of(documents.isEmpty() ? null : documents.get(0))) {
                services.add(new ComposeService(service.name(), service.image(), service.build(), service.ports(),
                        service.dependsOn()));
            }
            if (parsed.warning() == null && services.isEmpty()) {
                warnings.add(composeFile + ": no services defined");
            }
        }
        return new Compose(composeFile, services);
    }

    /** The patterns of {@code .dockerignore}, or null when there is none. */
    private static List<String> dockerignore(CardContext ctx) {
        if (!ctx.isFile(".dockerignore")) {
            return null;
        }
        List<String> patterns = new ArrayList<>();
        String text = Manifests.text(ctx.path(".dockerignore"));
        if (text != null) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .limit(MAX_IGNORE_PATTERNS).forEach(patterns::add);
        }
        return patterns;
    }

    /** The CLI, the daemon (asked only when the CLI exists, with a short timeout) and Compose v2 or v1. */
    private static Cli cli(CardContext ctx, boolean hasCompose, List<MissingTool> missingTools) {
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
            missingTools.add(new MissingTool("docker", "Docker CLI",
                    "Install Docker Engine or Docker Desktop: https://docs.docker.com/get-docker/"));
        }
        if (!composeAvailable) {
            ToolRunner.Result legacy = ctx.run("docker-compose", "version", "--short");
            composeAvailable = legacy.ok();
            composeVersion = composeAvailable ? versionOf(legacy.firstLine()) : null;
        }
        if (available && !composeAvailable && hasCompose) {
            missingTools.add(new MissingTool("docker-compose", "Docker Compose",
                    "Install the Compose plugin: https://docs.docker.com/compose/install/"));
        }
        return new Cli(available, available ? versionOf(version.firstLine()) : null, daemonRunning, serverVersion,
                composeAvailable, composeVersion);
    }

    /** {@code Docker version 24.0.7, build afdd53b} → {@code 24.0.7}; otherwise the line as printed. */
    static String versionOf(String line) {
        Matcher m = VERSION.matcher(line);
        return m.find() ? m.group(1) : line;
    }
}
