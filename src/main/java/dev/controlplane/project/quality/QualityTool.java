package dev.controlplane.project.quality;

import java.util.List;

/**
 * One lint / typecheck / format / test tool the quality card knows: its stack, its CLI, and where its
 * configuration can be found (dedicated files, a {@code [tool.x]} table of pyproject.toml, an INI section, a
 * package.json key, a dependency, a Maven plugin or a Gradle plugin id). INI sections are written
 * {@code file:section} ({@code setup.cfg:tool:pytest}). Java tools have no CLI of their own here: they run
 * through the build tool.
 */
public record QualityTool(String id, String name, String category, String stack, String command, String installHint,
        List<String> configFiles, String pyprojectTool, List<String> iniSections, String packageKey,
        String dependency, String mavenPlugin, String gradlePlugin) {

    public static final String LINT = "lint";
    public static final String TYPECHECK = "typecheck";
    public static final String FORMAT = "format";
    public static final String TEST = "test";

    public static QualityTool of(String id, String name, String category, String stack, String command, String installHint) {
        return new QualityTool(id, name, category, stack, command, installHint, List.of(), null, List.of(), null, null,
                null, null);
    }

    public QualityTool files(String... names) {
        return new QualityTool(id, name, category, stack, command, installHint, List.of(names), pyprojectTool,
                iniSections, packageKey, dependency, mavenPlugin, gradlePlugin);
    }

    public QualityTool pyproject(String table, String... sections) {
        return new QualityTool(id, name, category, stack, command, installHint, configFiles, table,
                List.of(sections), packageKey, dependency, mavenPlugin, gradlePlugin);
    }

    public QualityTool packageKey(String key) {
        return new QualityTool(id, name, category, stack, command, installHint, configFiles, pyprojectTool,
                iniSections, key, dependency, mavenPlugin, gradlePlugin);
    }

    public QualityTool dependency(String packageName) {
        return new QualityTool(id, name, category, stack, command, installHint, configFiles, pyprojectTool,
                iniSections, packageKey, packageName, mavenPlugin, gradlePlugin);
    }

    /** Runs inside Maven or Gradle rather than as a command of its own. */
    public boolean runsAsBuildPlugin() {
        return mavenPlugin != null || gradlePlugin != null;
    }

    public QualityTool plugins(String mavenArtifactId, String gradlePluginId) {
        return new QualityTool(id, name, category, stack, command, installHint, configFiles, pyprojectTool,
                iniSections, packageKey, dependency, mavenArtifactId, gradlePluginId);
    }

    public boolean runsThroughBuildTool() {
        return stack.equals("java");
    }

    /** The tools, in the order the card lists them. */
    public static final List<QualityTool> CATALOG = List.of(
            of("ruff", "Ruff", LINT, "python", "ruff", "pip install ruff")
                    .files("ruff.toml", ".ruff.toml").pyproject("ruff").dependency("ruff"),
            of("mypy", "mypy", TYPECHECK, "python", "mypy", "pip install mypy")
                    .files("mypy.ini", ".mypy.ini").pyproject("mypy", "setup.cfg:mypy").dependency("mypy"),
            of("black", "Black", FORMAT, "python", "black", "pip install black")
                    .pyproject("black").dependency("black"),
            of("pytest", "pytest", TEST, "python", "pytest", "pip install pytest")
                    .files("pytest.ini", "conftest.py").pyproject("pytest", "setup.cfg:tool:pytest", "tox.ini:pytest")
                    .dependency("pytest"),
            of("eslint", "ESLint", LINT, "js", "eslint", "npm install --save-dev eslint")
                    .files("eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts",
                            ".eslintrc", ".eslintrc.json", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yml",
                            ".eslintrc.yaml")
                    .packageKey("eslintConfig").dependency("eslint"),
            of("prettier", "Prettier", FORMAT, "js", "prettier", "npm install --save-dev prettier")
                    .files(".prettierrc", ".prettierrc.json", ".prettierrc.yml", ".prettierrc.yaml", ".prettierrc.json5",
                            ".prettierrc.js", ".prettierrc.cjs", ".prettierrc.mjs", ".prettierrc.toml",
                            "prettier.config.js", "prettier.config.cjs", "prettier.config.mjs")
                    .packageKey("prettier").dependency("prettier"),
            of("tsc", "TypeScript compiler", TYPECHECK, "ts", "tsc", "npm install --save-dev typescript")
                    .files("tsconfig.json").dependency("typescript"),
            of("biome", "Biome", LINT, "js", "biome", "npm install --save-dev @biomejs/biome")
                    .files("biome.json", "biome.jsonc").dependency("@biomejs/biome"),
            of("jest", "Jest", TEST, "js", "jest", "npm install --save-dev jest")
                    .files("jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs", "jest.config.json")
                    .packageKey("jest").dependency("jest"),
            of("vitest", "Vitest", TEST, "js", "vitest", "npm install --save-dev vitest")
                    .files("vitest.config.ts", "vitest.config.js", "vitest.config.mts", "vitest.config.mjs",
                            "vitest.config.cts", "vitest.config.cjs")
                    .dependency("vitest"),
            of("go-vet", "go vet", LINT, "go", "go", "install Go from https://go.dev/dl/ (go vet ships with it)"),
            of("golangci-lint", "golangci-lint", LINT, "go", "golangci-lint",
                    "go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@latest")
                    .files(".golangci.yml", ".golangci.yaml", ".golangci.toml", ".golangci.json"),
            of("clippy", "Clippy", LINT, "rust", "cargo-clippy", "rustup component add clippy")
                    .files("clippy.toml", ".clippy.toml"),
            of("rustfmt", "rustfmt", FORMAT, "rust", "rustfmt", "rustup component add rustfmt")
                    .files("rustfmt.toml", ".rustfmt.toml"),
            of("checkstyle", "Checkstyle", LINT, "java", null,
                    "add maven-checkstyle-plugin to pom.xml, or apply the Gradle plugin 'checkstyle'")
                    .files("checkstyle.xml", "config/checkstyle/checkstyle.xml")
                    .plugins("maven-checkstyle-plugin", "checkstyle"),
            of("spotless", "Spotless", FORMAT, "java", null,
                    "add spotless-maven-plugin to pom.xml, or apply the Gradle plugin 'com.diffplug.spotless'")
                    .plugins("spotless-maven-plugin", "com.diffplug.spotless"),
            of("pmd", "PMD", LINT, "java", null,
                    "add maven-pmd-plugin to pom.xml, or apply the Gradle plugin 'pmd'")
                    .plugins("maven-pmd-plugin", "pmd"),
            of("spotbugs", "SpotBugs", LINT, "java", null,
                    "add spotbugs-maven-plugin to pom.xml, or apply the Gradle plugin 'com.github.spotbugs'")
                    .plugins("spotbugs-maven-plugin", "com.github.spotbugs"),
            of("error-prone", "Error Prone", LINT, "java", null,
                    "add error_prone_core to the maven-compiler-plugin annotationProcessorPaths with "
                            + "-Xplugin:ErrorProne, or apply the Gradle plugin 'net.ltgt.errorprone'")
                    .plugins(null, "net.ltgt.errorprone"));
}
