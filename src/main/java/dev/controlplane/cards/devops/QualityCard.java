package dev.controlplane.cards.devops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import dev.controlplane.support.ToolRunner;
import dev.controlplane.project.quality.QualityProject;
import dev.controlplane.project.quality.QualityConfigs;
import dev.controlplane.project.quality.QualityTool;

/**
 * Which lint, typecheck, format and test tools a project uses, and whether each can run here.
 *
 * <p>Per tool: {@code config_found} when its configuration exists (a dedicated file, a pyproject.toml table,
 * a setup.cfg/tox.ini section, a package.json key, a Maven plugin in any module's pom.xml, a Gradle plugin id
 * in any project's build script, or the tool declared as a dependency). {@code cli_available} when its
 * command is on the PATH or installed in the project ({@code node_modules/.bin}, {@code .venv/bin},
 * {@code venv/bin}); for the Java tools, which run as build plugins, when the build tool is ({@code mvnw} or
 * {@code mvn} for Maven, {@code gradlew} or {@code gradle} for Gradle). No tool is executed: a PATH lookup
 * answers the question without the cost of nineteen processes.
 *
 * <p>{@code relevant}: the tool belongs to a stack the project has (python, js, ts, go, rust, java, from the
 * root manifests), or it is configured anyway. {@code available}: relevant, and configured <em>or</em>
 * CLI-available, i.e. the project has either chosen the tool or could run it right now; a tool that runs as
 * a build plugin is available only when the build declares it.
 *
 * <p>Badge: {@code <available>/<relevant> tools}. Level: ok when every relevant tool is available, degraded
 * when some are not, none when no tool is relevant.
 */
@ApplicationScoped
public class QualityCard implements Card {
    static final List<String> WATCH_PATHS = List.of("pyproject.toml", "ruff.toml", ".ruff.toml", "mypy.ini",
            ".eslintrc.json", ".eslintrc.js", "eslint.config.js", ".prettierrc", "biome.json", "setup.cfg", "pom.xml",
            "checkstyle.xml", ".editorconfig");
    /** Root files that decide stacks and build tools, watched besides every tool's config files. */
    private static final List<String> MANIFESTS = List.of("package.json", "go.mod", "Cargo.toml", "setup.py",
            "Pipfile", "tox.ini", "requirements*.txt", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "mvnw", "gradlew");
    private static final String MAVEN_HINT = "install Maven (https://maven.apache.org/download.cgi) or add the wrapper: "
            + "mvn wrapper:wrapper";
    private static final String GRADLE_HINT = "install Gradle (https://gradle.org/install/) or add the wrapper: "
            + "gradle wrapper";

    private final Predicate<String> onPath;

    public QualityCard() {
        this(command -> ToolRunner.which(command).isPresent());
    }

    /** For tests: decides which commands are "on the PATH". */
    QualityCard(Predicate<String> onPath) {
        this.onPath = onPath;
    }

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("quality")
            .title("Code quality")
            .description("Lint, typecheck, format and test tools: configured in the project, installed on this machine")
            .tab(Tab.DEVOPS)
            .order(30)
            .watch(WATCH_PATHS)
            .alias("/api/quality/status")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    /** One tool as found in this project. */
    record Status(QualityTool tool, Optional<String> configFile, String cli, boolean cliAvailable, boolean relevant,
            String missingHint) {
        boolean configured() {
            return configFile.isPresent();
        }

        /**
         * A build plugin (Checkstyle, PMD, ...) only runs when the build declares it: having Maven or Gradle
         * is not having the tool. Other tools count when configured or when their CLI is at hand.
         */
        boolean available() {
            return relevant && (configured() || (cliAvailable && !tool.runsAsBuildPlugin()));
        }
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        QualityProject project = QualityProject.read(ctx);
        List<Status> statuses = statuses(ctx, project);

        ObjectNode card = CardJson.object();
        ArrayNode tools = card.putArray("tools");
        Map<String, Integer> categories = new LinkedHashMap<>();
        List.of(QualityTool.LINT, QualityTool.TYPECHECK, QualityTool.FORMAT, QualityTool.TEST)
                .forEach(c -> categories.put(c, 0));
        ArrayNode missing = CardJson.array();
        int relevant = 0;
        int available = 0;
        int configured = 0;
        for (Status status : statuses) {
            tools.add(json(status));
            if (status.relevant()) {
                relevant++;
                categories.merge(status.tool().category(), 1, Integer::sum);
                available += status.available() ? 1 : 0;
                if (!status.cliAvailable()) {
                    missing.add(CardJson.missingTool(status.tool().id(), status.tool().name(), status.missingHint()));
                }
            }
            configured += status.configured() ? 1 : 0;
        }
        card.set("categories", CardJson.counts(categories));
        card.set("stacks", CardJson.strings(project.stacks()));
        ObjectNode totals = card.putObject("totals");
        totals.put("relevant", relevant);
        totals.put("available", available);
        totals.put("configured", configured);
        card.set("missing_tools", missing);
        card.set("warnings", CardJson.strings(new TreeSet<>(project.warnings())));
        watchDiscovered(ctx, project);
        return CardJson.summary(card, available + "/" + relevant + " tools", level(available, relevant));
    }

    /** Every catalogued tool as found in this project (also what the jobs catalogue offers to run). */
    List<Status> statuses(CardContext ctx, QualityProject project) {
        return QualityTool.CATALOG.stream().map(tool -> status(ctx, project, tool)).toList();
    }

    static Level level(int available, int relevant) {
        if (relevant == 0) {
            return Level.NONE;
        }
        return available == relevant ? Level.OK : Level.DEGRADED;
    }

    private Status status(CardContext ctx, QualityProject project, QualityTool tool) {
        Optional<String> config = QualityConfigs.find(ctx, project, tool);
        boolean relevant = project.hasStack(tool.stack()) || config.isPresent();
        if (tool.runsThroughBuildTool()) {
            boolean maven = usesMaven(project, config);
            boolean cli = maven ? buildToolAvailable(ctx, "mvnw", "mvn") : buildToolAvailable(ctx, "gradlew", "gradle");
            return new Status(tool, config, maven ? "mvn" : "gradle", cli, relevant, maven ? MAVEN_HINT : GRADLE_HINT);
        }
        String cli = switch (tool.id()) {
            case "go-vet" -> "go vet";
            case "clippy" -> "cargo clippy";
            default -> tool.command();
        };
        return new Status(tool, config, cli, commandAvailable(ctx, tool), relevant, tool.installHint());
    }

    /** A Java tool runs through Maven when a pom configures it, or when the project builds with Maven. */
    private static boolean usesMaven(QualityProject project, Optional<String> config) {
        if (config.isPresent() && config.get().endsWith("pom.xml")) {
            return true;
        }
        if (config.isPresent() && config.get().contains(".gradle")) {
            return false;
        }
        return project.has("pom.xml") || !project.hasGradle();
    }

    private boolean buildToolAvailable(CardContext ctx, String wrapper, String command) {
        return ctx.isFile(wrapper) || onPath.test(command);
    }

    private boolean commandAvailable(CardContext ctx, QualityTool tool) {
        if (onPath.test(tool.command())) {
            return true;
        }
        List<String> local = switch (tool.stack()) {
            case "js", "ts" -> List.of("node_modules/.bin/");
            case "python" -> List.of(".venv/bin/", "venv/bin/");
            default -> List.of();
        };
        for (String dir : local) {
            Path bin = ctx.path(dir + tool.command());
            // node_modules/.bin entries are links into the package: follow them, but only inside the project
            if (bin.startsWith(ctx.root()) && Files.isRegularFile(bin) && Files.isExecutable(bin)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode json(Status status) {
        QualityTool tool = status.tool();
        ObjectNode node = CardJson.object();
        node.put("id", tool.id());
        node.put("name", tool.name());
        node.put("category", tool.category());
        node.put("stack", tool.stack());
        node.put("config_found", status.configured());
        node.put("config_file", status.configFile().orElse(""));
        node.put("cli", status.cli());
        node.put("cli_available", status.cliAvailable());
        node.put("relevant", status.relevant());
        node.put("available", status.available());
        node.put("install_hint", tool.installHint());
        return node;
    }

    /**
     * Watches every root file that can configure a tool or change the project's stacks (a new
     * {@code .golangci.yml} or {@code tsconfig.json} changes the card), and the build scripts of modules.
     */
    private static void watchDiscovered(CardContext ctx, QualityProject project) {
        Set<String> paths = new LinkedHashSet<>();
        for (QualityTool tool : QualityTool.CATALOG) {
            paths.addAll(tool.configFiles());
        }
        paths.addAll(MANIFESTS);
        project.poms().forEach(pom -> paths.add(pom.path()));
        project.gradleScripts().forEach(script -> paths.add(script.path()));
        List<String> fresh = new ArrayList<>(paths);
        fresh.removeAll(WATCH_PATHS);
        fresh.forEach(ctx::watch);
    }
}
