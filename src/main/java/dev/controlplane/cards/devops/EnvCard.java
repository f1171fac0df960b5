package dev.controlplane.cards.devops;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.project.files.DotEnvParser;
import dev.controlplane.project.files.EnvFileNames;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.project.files.GitIgnoreOracle;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code .env} family at the project root: which files exist, the variable names each defines (never a
 * value), whether they are kept out of git, the environments declared in {@code project.yml} and the active one.
 */
@ApplicationScoped
public class EnvCard implements Card {

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("env")
            .title("Environment")
            .description("The .env files at the root (variable names only) and the project's environments")
            .tab(Tab.DEVOPS)
            .order(50)
            .watch(List.of(".env", ".env.*", "project.yml", "project.yaml"))
            .alias("/api/env/card-status")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    /** One listed file: its keys are names only. */
    private record EnvFile(String name, boolean exists, List<String> keys, boolean gitIgnored, boolean committed) {
    }

    @RegisterForReflection
    record EnvResult(List<FileRow> files, List<Environment> environments, @JsonProperty("active_env") String activeEnv,
            @JsonProperty("missing_in_example") List<String> missingInExample,
            @JsonProperty("missing_in_env") List<String> missingInEnv,
            @JsonProperty("ignore_check") String ignoreCheck,
            @JsonProperty("missing_tools") List<MissingTool> missingTools, List<String> warnings) {
    }

    /** One listed file as the card shows it: the names of its variables, never a value. */
    @RegisterForReflection
    record FileRow(String name, boolean exists, @JsonProperty("var_count") int varCount, List<String> keys,
            @JsonProperty("git_ignored") boolean gitIgnored, boolean committed) {
    }

    /** An environment declared in project.yml. */
    @RegisterForReflection
    record Environment(String name, @JsonProperty("default") boolean byDefault) {
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> warnings = new ArrayList<>();
        GitIgnoreOracle ignore = GitIgnoreOracle.load(ctx);
        ctx.watch(".gitignore"); // git_ignored depends on it

        List<String> names = listedNames(ctx);
        List<String> existing = names.stream().filter(ctx::isFile).toList();
        Set<String> tracked = ignore.tracked(existing);
        Map<String, EnvFile> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, read(ctx, name, ignore, tracked, warnings));
        }

        EnvFile dotEnv = files.get(".env");
        EnvFile example = files.get(".env.example");
        List<String> missingInExample = new ArrayList<>();
        List<String> missingInEnv = new ArrayList<>();
        if (dotEnv.exists() && example.exists()) {
            dotEnv.keys().stream().filter(k -> !example.keys().contains(k)).forEach(missingInExample::add);
            example.keys().stream().filter(k -> !dotEnv.keys().contains(k)).forEach(missingInEnv::add);
        } else if (dotEnv.exists()) {
            warnings.add(".env has no .env.example documenting its variables");
        }

        boolean exposed = false;
        for (EnvFile file : files.values()) {
            if (!file.exists() || !EnvFileNames.holdsValues(file.name())) {
                continue;
            }
            if (file.committed()) {
                warnings.add(file.name() + " is committed to git");
                exposed = true;
            } else if (!file.gitIgnored()) {
                warnings.add(file.name() + " is not git-ignored");
                exposed = true;
            }
        }

        List<Environment> environments = environments(ctx, warnings);
        String active = activeEnvironment(ctx);
        if (!active.isEmpty() && !environments.isEmpty() && !declares(environments, active)) {
            warnings.add("active environment '" + active + "' is not declared in project.yml");
        }

        List<FileRow> list = files.values().stream().map(EnvCard::fileJson).toList();
        List<MissingTool> missingTools = ignore.gitMissing()
                ? List.of(new MissingTool("git", "Git", "install git (e.g. apt-get install git)"))
                : List.of();
        ObjectNode card = ResultJson.tree(new EnvResult(list, environments, active, missingInExample, missingInEnv,
                ignore.method(), missingTools, warnings));
        int count = existing.size();
        Level level = count == 0 ? Level.NONE : exposed ? Level.DEGRADED : Level.OK;
        return CardJson.summary(card, CardJson.plural(count, "env file", "env files"), level);
    }

    /** The standard names (always listed), then any other {@code .env.*} present at the root. */
    private static List<String> listedNames(CardContext ctx) {
        List<String> names = new ArrayList<>(EnvFileNames.STANDARD);
        Set<String> others = new TreeSet<>();
        // An unreadable root lists nothing: the standard names are still listed, all absent.
        ctx.project().list(ctx.root()).stream()
                .map(DirectoryEntry::name)
                .filter(EnvFileNames::isEnvFile)
                .filter(n -> !n.equals(EnvFileNames.ACTIVE_MARKER) && !names.contains(n))
                .filter(ctx::isFile)
                .forEach(others::add);
        names.addAll(others);
        return names;
    }

    private static EnvFile read(CardContext ctx, String name, GitIgnoreOracle ignore, Set<String> tracked,
            List<String> warnings) {
        if (!ctx.isFile(name)) {
            if (Files.isDirectory(ctx.path(name), LinkOption.NOFOLLOW_LINKS)) {
                warnings.add(name + " is a directory (a virtualenv?), not an env file");
            }
            return new EnvFile(name, false, List.of(), false, false);
        }
        boolean committed = tracked.contains(name);
        boolean ignored = !committed && ignore.isIgnored(name, false);
        String text = Manifests.text(ctx.path(name));
        if (text == null) {
            warnings.add(name + ": unreadable or over the 5 MB limit");
            return new EnvFile(name, true, List.of(), ignored, committed);
        }
        DotEnvParser.Parsed parsed = DotEnvParser.parse(text);
        parsed.problems().forEach(problem -> warnings.add(name + ": " + problem));
        return new EnvFile(name, true, parsed.keys(), ignored, committed);
    }

    /** {@code environments:} in project.yml: a list of names or of {@code {name, default}} objects. */
    private static List<Environment> environments(CardContext ctx, List<String> warnings) {
        List<Environment> result = new ArrayList<>();
        String file = ctx.isFile("project.yml") ? "project.yml" : ctx.isFile("project.yaml") ? "project.yaml" : null;
        if (file == null) {
            return result;
        }
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(ctx.path(file), ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        if (parsed.value() == null || parsed.value().isEmpty()) {
            return result;
        }
        JsonNode declared = parsed.value().get(0).path("environments");
        if (declared.isMissingNode() || declared.isNull()) {
            return result;
        }
        if (!declared.isArray()) {
            warnings.add(file + ": environments is not a list");
            return result;
        }
        for (JsonNode entry : declared) {
            String name = entry.isTextual() ? entry.asText() : entry.path("name").asText("");
            if (name.isBlank()) {
                warnings.add(file + ": an environment without a name");
                continue;
            }
            result.add(new Environment(name, entry.path("default").asBoolean(false)));
        }
        return result;
    }

    /** The first line of {@code .env.active} that is not blank or a comment; "" when there is none. */
    private static String activeEnvironment(CardContext ctx) {
        if (!ctx.isFile(EnvFileNames.ACTIVE_MARKER)) {
            return "";
        }
        String text = Manifests.text(ctx.path(EnvFileNames.ACTIVE_MARKER));
        if (text == null) {
            return "";
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .orElse("");
    }

    private static boolean declares(List<Environment> environments, String name) {
        return environments.stream().anyMatch(env -> name.equals(env.name()));
    }

    private static FileRow fileJson(EnvFile file) {
        return new FileRow(file.name(), file.exists(), file.keys().size(), file.keys(), file.gitIgnored(),
                file.committed());
    }
}
