package dev.controlplane.project.manifests;

import java.util.List;

/**
 * The package managers the dependency cards recognise: how they are shown, which command drives them, which
 * ecosystem their packages live in, and which file names are their lock files.
 */
public enum PackageManager {
    PIP("pip", "pip", "python", List.of("pip", "pip3"), "Install Python 3 with pip (e.g. apt-get install python3-pip)",
            // pip itself writes no lock; PEP 751 pylock files and the uv/pdm locks of PEP 621 projects pin
            // exactly what pip would install.
            List.of("pylock.toml", "uv.lock", "pdm.lock")),
    PIPENV("pipenv", "Pipenv", "python", List.of("pipenv"), "pip install --user pipenv", List.of("Pipfile.lock")),
    POETRY("poetry", "Poetry", "python", List.of("poetry"), "pipx install poetry", List.of("poetry.lock")),
    NPM("npm", "npm", "javascript", List.of("npm"), "Install Node.js (it ships npm)",
            List.of("package-lock.json", "npm-shrinkwrap.json")),
    YARN("yarn", "Yarn", "javascript", List.of("yarn"), "corepack enable (or npm install -g yarn)", List.of("yarn.lock")),
    PNPM("pnpm", "pnpm", "javascript", List.of("pnpm"), "corepack enable (or npm install -g pnpm)",
            List.of("pnpm-lock.yaml")),
    BUN("bun", "Bun", "javascript", List.of("bun"), "See https://bun.sh", List.of("bun.lock", "bun.lockb")),
    GO("go", "Go modules", "go", List.of("go"), "Install Go from https://go.dev/dl/", List.of("go.sum")),
    CARGO("cargo", "Cargo", "rust", List.of("cargo"), "Install Rust with rustup (https://rustup.rs)", List.of("Cargo.lock")),
    MAVEN("maven", "Maven", "java", List.of("mvn"), "apt-get install maven, or add the Maven wrapper (mvnw)", List.of()),
    GRADLE("gradle", "Gradle", "java", List.of("gradle"), "Install Gradle, or add the Gradle wrapper (gradlew)",
            List.of("gradle.lockfile")),
    BUNDLER("bundler", "Bundler", "ruby", List.of("bundle"), "gem install bundler", List.of("Gemfile.lock")),
    DOTNET("dotnet", ".NET (NuGet)", "dotnet", List.of("dotnet"), "Install the .NET SDK (https://dot.net)",
            List.of("packages.lock.json"));

    private final String id;
    private final String label;
    private final String ecosystem;
    private final List<String> commands;
    private final String installHint;
    private final List<String> lockNames;

    PackageManager(String id, String label, String ecosystem, List<String> commands, String installHint,
            List<String> lockNames) {
        this.id = id;
        this.label = label;
        this.ecosystem = ecosystem;
        this.commands = commands;
        this.installHint = installHint;
        this.lockNames = lockNames;
    }

    /** The manager with this wire id, if any. */
    public static java.util.Optional<PackageManager> byId(String id) {
        for (PackageManager manager : values()) {
            if (manager.id.equals(id)) {
                return java.util.Optional.of(manager);
            }
        }
        return java.util.Optional.empty();
    }

    /** Stable id on the wire ({@code pip}, {@code npm}, {@code maven}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Where the packages come from: {@code python}, {@code javascript}, {@code java}, {@code go}, ... */
    public String ecosystem() {
        return ecosystem;
    }

    /** The command names that drive this manager, preferred first ({@code pip}, then {@code pip3}). */
    public List<String> commands() {
        return commands;
    }

    public String installHint() {
        return installHint;
    }

    /** File names of this manager's lock files (besides {@code pylock.*.toml}, matched by {@link #forLockFile}). */
    public List<String> lockNames() {
        return lockNames;
    }

    /** The Maven/Gradle wrapper script a project may ship instead of an installed CLI, or null. */
    public String wrapper() {
        return switch (this) {
            case MAVEN -> "mvnw";
            case GRADLE -> "gradlew";
            default -> null;
        };
    }

    /** The manager a lock file belongs to, or null when the name is not a lock file. */
    public static PackageManager forLockFile(String fileName) {
        if (fileName.startsWith("pylock.") && fileName.endsWith(".toml")) {
            return PIP; // PEP 751 also allows pylock.<name>.toml
        }
        for (PackageManager manager : values()) {
            if (manager.lockNames.contains(fileName)) {
                return manager;
            }
        }
        return null;
    }
}
