package dev.controlplane.project.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile builds: base images, stages, exposed ports, and the risky habits worth a warning. The
 * parser follows the Dockerfile rules that change meaning: parser directives ({@code # escape=`}), line
 * continuations, comment lines inside continuations, heredocs ({@code RUN <<EOF}) whose bodies are not
 * instructions, {@code FROM --platform=… image AS name}, global {@code ARG}s substituted into {@code FROM},
 * and stages that build on earlier stages (not base images, and they inherit {@code USER}).
 */
public record DockerfileAnalysis(List<String> baseImages, List<String> stages, List<String> ports, List<String> warnings,
        String finalUser) {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> ROOT_USERS = Set.of("root", "0", "root:root", "0:0");

    /** One instruction after joining its continuation lines; {@code line} is where it starts (1-based). */
    public record Instruction(int line, String keyword, String args) {
    }

    /** A build stage as the parser tracks it. */
    private static final class Stage {
        final String name;
        final Stage parent;
        final Map<String, String> vars = new HashMap<>();
        String user;

        Stage(String name, Stage parent) {
            this.name = name;
            this.parent = parent;
        }

        /** USER set here, or inherited from the stage this one is built FROM. */
        String effectiveUser() {
            return user != null ? user : parent == null ? null : parent.effectiveUser();
        }
    }

    public static DockerfileAnalysis parse(String text) {
        List<Instruction> instructions = DockerfileInstructions.split(text);
        Map<String, String> globalArgs = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        Set<String> baseImages = new LinkedHashSet<>();
        Set<String> ports = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (Instruction in : instructions) {
            Stage current = stages.isEmpty() ? null : stages.get(stages.size() - 1);
            switch (in.keyword()) {
                case "ARG" -> declareArg(in.args(), current == null ? globalArgs : current.vars, globalArgs,
                        current == null);
                case "FROM" -> stages.add(from(in, globalArgs, stages, baseImages, warnings));
                case "ENV" -> {
                    if (current != null) {
                        parseEnv(in.args(), current.vars);
                    }
                }
                case "USER" -> {
                    if (current != null) {
                        current.user = substitute(firstToken(in.args()), current.vars);
                    }
                }
                case "EXPOSE" -> {
                    for (String port : tokens(in.args())) {
                        ports.add(current == null ? port : substitute(port, current.vars));
                    }
                }
                case "ADD" -> checkAdd(in, warnings);
                default -> {
                }
            }
        }
        String finalUser = null;
        if (stages.isEmpty()) {
            warnings.add("no FROM instruction");
        } else {
            finalUser = stages.get(stages.size() - 1).effectiveUser();
            if (finalUser == null || finalUser.isBlank()) {
                warnings.add("no USER in the final stage (the container runs as root)");
                finalUser = null;
            } else if (ROOT_USERS.contains(finalUser.toLowerCase(Locale.ROOT))) {
                warnings.add("the final stage runs as root (USER " + finalUser + ")");
            }
        }
        List<String> stageNames = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            // Unnamed stages are referred to by index (COPY --from=0), so that is their name here.
            stageNames.add(stages.get(i).name == null ? String.valueOf(i) : stages.get(i).name);
        }
        return new DockerfileAnalysis(List.copyOf(baseImages), stageNames, List.copyOf(ports), warnings, finalUser);
    }

    private static Stage from(Instruction in, Map<String, String> globalArgs, List<Stage> stages,
            Set<String> baseImages, List<String> warnings) {
        List<String> tokens = new ArrayList<>();
        for (String token : tokens(in.args())) {
            if (!token.startsWith("--")) {          // --platform=$BUILDPLATFORM and friends
                tokens.add(token);
            }
        }
        if (tokens.isEmpty()) {
            warnings.add("line " + in.line() + ": FROM without an image");
            return new Stage(null, null);
        }
        String image = substitute(tokens.get(0), globalArgs);
        String name = tokens.size() >= 3 && tokens.get(1).equalsIgnoreCase("AS")
                ? tokens.get(2).toLowerCase(Locale.ROOT) : null;
        Stage parent = null;
        for (Stage earlier : stages) {
            if (earlier.name != null && earlier.name.equals(image.toLowerCase(Locale.ROOT))) {
                parent = earlier;
            }
        }
        if (parent == null) {
            baseImages.add(image);
            String problem = tagProblem(image);
            if (problem != null) {
                warnings.add("line " + in.line() + ": " + problem);
            }
        }
        Stage stage = new Stage(name, parent);
        if (parent != null) {
            stage.vars.putAll(parent.vars);
        }
        return stage;
    }

    /** A base image that floats: {@code latest}, or no tag at all (which means latest). */
    public static String tagProblem(String image) {
        if (image.equalsIgnoreCase("scratch") || image.contains("$") || image.contains("@")) {
            return null;                            // nothing to pull / unresolved variable / pinned by digest
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            return "base image '" + image + "' has no tag (resolves to latest)";
        }
        if (lastSegment.substring(colon + 1).equals("latest")) {
            return "base image '" + image + "' uses the latest tag";
        }
        return null;
    }

    /** ADD fetching a URL without {@code --checksum}: an unverified download baked into the image. */
    private static void checkAdd(Instruction in, List<String> warnings) {
        List<String> tokens = tokens(in.args());
        boolean checksum = tokens.stream().anyMatch(t -> t.startsWith("--checksum"));
        List<String> operands = tokens.stream().filter(t -> !t.startsWith("--")).toList();
        for (int i = 0; i < operands.size() - 1; i++) {
            String source = operands.get(i).toLowerCase(Locale.ROOT);
            if ((source.startsWith("http://") || source.startsWith("https://")) && !checksum) {
                // The URL itself is left out: a query string may carry a token.
                warnings.add("line " + in.line() + ": ADD of a remote URL (use ADD --checksum or download in RUN)");
                return;
            }
        }
    }

    private static void declareArg(String args, Map<String, String> scope, Map<String, String> globals,
            boolean global) {
        String declaration = firstToken(args);
        if (declaration.isEmpty()) {
            return;
        }
        int eq = declaration.indexOf('=');
        if (eq > 0) {
            scope.put(declaration.substring(0, eq), unquote(declaration.substring(eq + 1)));
        } else if (!global && globals.containsKey(declaration)) {
            // Re-declaring a global ARG inside a stage brings its default into the stage.
            scope.put(declaration, globals.get(declaration));
        }
    }

    private static void parseEnv(String args, Map<String, String> vars) {
        List<String> tokens = tokens(args);
        if (tokens.isEmpty()) {
            return;
        }
        if (!tokens.get(0).contains("=")) {         // legacy form: ENV KEY value with spaces
            String value = args.trim().substring(tokens.get(0).length()).trim();
            vars.put(tokens.get(0), unquote(value));
            return;
        }
        for (String token : tokens) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                vars.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
            }
        }
    }

    /** {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:+alt}}; unknown variables stay. */
    public static String substitute(String value, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String current = vars.get(name);
            String replacement;
            if ("-".equals(m.group(2))) {
                replacement = current == null || current.isEmpty() ? m.group(3) : current;
            } else if ("+".equals(m.group(2))) {
                replacement = current == null || current.isEmpty() ? "" : m.group(3);
            } else {
                replacement = current == null ? m.group() : current;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whitespace-separated tokens, or the strings of the JSON (exec) form {@code ["a", "b"]}. */
    public static List<String> tokens(String args) {
        String trimmed = args.strip();
        List<String> tokens = new ArrayList<>();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            Matcher m = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"").matcher(trimmed);
            while (m.find()) {
                tokens.add(m.group(1));
            }
            return tokens;
        }
        for (String token : trimmed.split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static String firstToken(String args) {
        List<String> tokens = tokens(args);
        return tokens.isEmpty() ? "" : tokens.get(0);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
