package dev.controlplane.project.tools;

import java.util.List;

/**
 * The developer CLIs the system audit looks for on the PATH. Fixed on purpose: the card answers "what can
 * this machine build and deploy with", so the list is the usual toolbox, not whatever the project mentions.
 */
public final class DeveloperTools {

    /** One tool; {@code executables} are tried in order ({@code pip} may only exist as {@code pip3}). */
    public record Tool(String id, String label, String category, List<String> executables) {
        public Tool(String id, String label, String category) {
            this(id, label, category, List.of(id));
        }
    }

    public static final List<Tool> ALL = List.of(
            new Tool("git", "Git", "vcs"),
            new Tool("gh", "GitHub CLI", "vcs"),
            new Tool("docker", "Docker", "container"),
            new Tool("podman", "Podman", "container"),
            new Tool("kubectl", "kubectl", "kubernetes"),
            new Tool("helm", "Helm", "kubernetes"),
            new Tool("kustomize", "Kustomize", "kubernetes"),
            new Tool("terraform", "Terraform", "iac"),
            new Tool("ansible", "Ansible", "iac"),
            new Tool("aws", "AWS CLI", "cloud"),
            new Tool("gcloud", "Google Cloud CLI", "cloud"),
            new Tool("az", "Azure CLI", "cloud"),
            new Tool("java", "Java", "language"),
            new Tool("node", "Node.js", "language"),
            new Tool("python3", "Python 3", "language", List.of("python3", "python")),
            new Tool("go", "Go", "language"),
            new Tool("rustc", "Rust compiler", "language"),
            new Tool("ruby", "Ruby", "language"),
            new Tool("dotnet", ".NET SDK", "language"),
            new Tool("mvn", "Maven", "build"),
            new Tool("gradle", "Gradle", "build"),
            new Tool("make", "Make", "build"),
            new Tool("cmake", "CMake", "build"),
            new Tool("gcc", "GCC", "build"),
            new Tool("npm", "npm", "package"),
            new Tool("yarn", "Yarn", "package"),
            new Tool("pnpm", "pnpm", "package"),
            new Tool("pip", "pip", "package", List.of("pip", "pip3")),
            new Tool("cargo", "Cargo", "package"),
            new Tool("psql", "PostgreSQL client", "database"),
            new Tool("redis-cli", "Redis CLI", "database"));

    private DeveloperTools() {
    }
}
