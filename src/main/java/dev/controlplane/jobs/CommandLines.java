package dev.controlplane.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.controlplane.cards.devops.ActionFacts;
import dev.controlplane.support.ToolRunner;

/**
 * The fixed command lines of the catalogue: which executable runs a framework or tool in this project (its
 * wrapper, the project's own install in {@code node_modules/.bin} or {@code .venv/bin}, else the PATH) and
 * with which arguments. Report options put results where the testing card reads them.
 */
final class CommandLines {
    static final String REPORTS = ".state/reports";

    /** A program and its arguments; {@code missing} says why it cannot run here ("" = it can). */
    record Line(List<String> argv, String missing) {
    }

    private final Path root;

    CommandLines(Path root) {
        this.root = root;
    }

    /** The whole build's tests with the build tool (JUnit). */
    Line maven(String... args) {
        return withArgs(wrapperOrPath("mvnw", "mvn", "Maven is not installed and the project has no mvnw"),
                List.of("-B", "-ntp"), args);
    }

    Line gradle(String... args) {
        return withArgs(wrapperOrPath("gradlew", "gradle", "Gradle is not installed and the project has no gradlew"),
                List.of("--no-daemon"), args);
    }

    Line framework(String framework) {
        return switch (framework) {
            case "pytest" -> python("pytest", "-m", "pytest", "--junitxml=" + REPORTS + "/pytest.xml");
            case "unittest" -> python("unittest", "-m", "unittest", "discover");
            case "jest" -> node("jest", "--ci", "--json", "--outputFile=" + REPORTS + "/jest.json");
            case "vitest" -> node("vitest", "run");
            case "go" -> onPath("go", "Go is not installed", "test", "./...");
            case "cargo" -> onPath("cargo", "Cargo is not installed", "test");
            default -> new Line(List.of(framework), "no command known for " + framework);
        };
    }

    /** A quality tool's check, or empty when it has no command of its own that checks without changing files. */
    Optional<Line> quality(ActionFacts.QualityCheck tool, boolean mavenBuild) {
        String missing = tool.installHint().isEmpty() ? tool.name() + " is not installed"
                : tool.name() + " is not installed: " + tool.installHint();
        return Optional.ofNullable(switch (tool.id()) {
            case "ruff" -> local(".venv/bin/", "ruff", missing, "check", ".");
            case "mypy" -> local(".venv/bin/", "mypy", missing, ".");
            case "black" -> local(".venv/bin/", "black", missing, "--check", ".");
            case "eslint" -> local("node_modules/.bin/", "eslint", missing, ".");
            case "prettier" -> local("node_modules/.bin/", "prettier", missing, "--check", ".");
            case "tsc" -> local("node_modules/.bin/", "tsc", missing, "--noEmit");
            case "biome" -> local("node_modules/.bin/", "biome", missing, "check", ".");
            case "go-vet" -> onPath("go", missing, "vet", "./...");
            case "golangci-lint" -> onPath("golangci-lint", missing, "run");
            case "clippy" -> onPath("cargo", missing, "clippy");
            case "rustfmt" -> onPath("cargo", missing, "fmt", "--check");
            case "checkstyle" -> mavenBuild ? maven("checkstyle:check") : gradle("checkstyleMain");
            case "spotless" -> mavenBuild ? maven("spotless:check") : gradle("spotlessCheck");
            case "pmd" -> mavenBuild ? maven("pmd:check") : gradle("pmdMain");
            case "spotbugs" -> mavenBuild ? maven("compile", "spotbugs:check") : gradle("spotbugsMain");
            case "error-prone" -> mavenBuild ? maven("compile") : gradle("compileJava");
            default -> null; // test runners are testing:run actions
        });
    }

    Line composeConfig(String file) {
        return onPath("docker", "Docker is not installed", "compose", "-f", file, "config", "-q");
    }

    Line terraformFmt() {
        return onPath("terraform", "Terraform is not installed", "fmt", "-check", "-recursive");
    }

    Line helmLint(List<String> charts) {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(charts);
        return onPath("helm", "Helm is not installed", args.toArray(String[]::new));
    }

    private Line python(String module, String... args) {
        List<String> argv = new ArrayList<>();
        String missing = "";
        if (executable(".venv/bin/python")) {
            argv.add(".venv/bin/python");
        } else if (ToolRunner.which("python3").isPresent()) {
            argv.add("python3");
        } else if (ToolRunner.which("python").isPresent()) {
            argv.add("python");
        } else {
            argv.add("python3");
            missing = "Python is not installed";
        }
        argv.addAll(List.of(args));
        return new Line(argv, missing);
    }

    private Line node(String tool, String... args) {
        String bin = "node_modules/.bin/" + tool;
        List<String> argv = new ArrayList<>();
        argv.add("./" + bin);
        argv.addAll(List.of(args));
        return new Line(argv, executable(bin) ? "" : tool + " is not installed in node_modules: run npm install");
    }

    private Line local(String dir, String tool, String missing, String... args) {
        List<String> argv = new ArrayList<>();
        boolean local = executable(dir + tool);
        argv.add(local ? "./" + dir + tool : tool);
        argv.addAll(List.of(args));
        return new Line(argv, local || ToolRunner.which(tool).isPresent() ? "" : missing);
    }

    private static Line onPath(String tool, String missing, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(tool);
        argv.addAll(List.of(args));
        return new Line(argv, ToolRunner.which(tool).isPresent() ? "" : missing);
    }

    private Line wrapperOrPath(String wrapper, String tool, String missing) {
        if (Files.isRegularFile(root.resolve(wrapper))) {
            return new Line(List.of("./" + wrapper), Files.isExecutable(root.resolve(wrapper)) ? ""
                    : wrapper + " is not executable: chmod +x " + wrapper);
        }
        return new Line(List.of(tool), ToolRunner.which(tool).isPresent() ? "" : missing);
    }

    private static Line withArgs(Line base, List<String> fixed, String... args) {
        List<String> argv = new ArrayList<>(base.argv());
        argv.addAll(fixed);
        argv.addAll(List.of(args));
        return new Line(argv, base.missing());
    }

    private boolean executable(String relative) {
        Path file = root.resolve(relative);
        return file.normalize().startsWith(root) && Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
