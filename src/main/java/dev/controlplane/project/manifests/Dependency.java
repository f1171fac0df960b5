package dev.controlplane.project.manifests;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One declared dependency as a manifest states it.
 *
 * @param name       the package name as the ecosystem spells it ({@code requests}, {@code @aws-sdk/client-s3},
 *                   {@code io.quarkus:quarkus-rest}, {@code github.com/gin-gonic/gin})
 * @param version    the constraint as declared ({@code ^4.19.2}, {@code >=2.31,<3}, {@code 2.17.1}), a resolved
 *                   Maven/Gradle property, or {@code ""} when none is declared (e.g. managed by a BOM)
 * @param dev        true when only needed to develop the project (tests, lint, build-only groups)
 * @param manager    the package manager that installs it
 * @param sourceFile the manifest that declares it, project-relative with forward slashes
 */
public record Dependency(String name, String version, boolean dev, PackageManager manager, String sourceFile) {
    /** {@code scheme://user:password@host} in a git/URL dependency: the credentials must never be shown. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

    public Dependency {
        version = version == null ? "" : URL_CREDENTIALS.matcher(version.trim()).replaceAll("");
    }

    public String ecosystem() {
        return manager.ecosystem();
    }

    /** The name two manifests of one ecosystem would agree on (PyPI and crates.io ignore case and -/_/.). */
    public String normalizedName() {
        return normalize(ecosystem(), name);
    }

    public static String normalize(String ecosystem, String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return switch (ecosystem) {
            case "python" -> lower.replaceAll("[-_.]+", "-");
            case "rust" -> lower.replace('_', '-');
            default -> lower;
        };
    }

    Dependency asRuntime() {
        return new Dependency(name, version, false, manager, sourceFile);
    }
}
