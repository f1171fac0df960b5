package dev.controlplane.project.files;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a hosting config holds (a bare domain, a route pattern such as {@code *.shop.dev/api/*}, a URL) into
 * a domain name, and leaves out the names that say nothing about the project's own DNS:
 * <ul>
 * <li>reserved example and local names: {@code example.com/.org/.net/.edu} and their subdomains, the
 * {@code .example}, {@code .test}, {@code .invalid}, {@code .localhost} and {@code .local} TLDs, {@code localhost};
 * <li>package registries and library CDNs (npm, PyPI, Maven Central, Go proxy, crates.io, RubyGems, Packagist,
 * NuGet, Terraform registry, Docker Hub, GHCR, Quay, GCR, unpkg, jsDelivr, cdnjs);
 * <li>GitHub's own hosts: {@code github.com} (and subdomains such as {@code api.github.com}) and
 * {@code githubusercontent.com} (raw, gist, objects). A project's {@code *.github.io} site is kept.
 * </ul>
 * IP addresses are not domains (a TLD starts with a letter).
 */
public final class DomainNames {
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    /** A name is excluded when it equals one of these or is a subdomain of one. */
    public static final List<String> EXCLUDED = List.of("example.com", "example.org", "example.net", "example.edu",
            "localhost", "example", "test", "invalid", "local",
            "registry.npmjs.org", "npmjs.org", "npmjs.com", "registry.yarnpkg.com", "pypi.org", "pypi.python.org",
            "files.pythonhosted.org", "repo.maven.apache.org", "repo1.maven.org", "central.sonatype.com",
            "plugins.gradle.org", "proxy.golang.org", "sum.golang.org", "crates.io", "rubygems.org", "packagist.org",
            "nuget.org", "registry.terraform.io", "docker.io", "docker.com", "ghcr.io", "quay.io", "gcr.io",
            "unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com",
            "github.com", "githubusercontent.com");

    private DomainNames() {
    }

    /**
     * The domain in {@code raw}: the host of a URL or of a route pattern, without a wildcard prefix, port, path
     * or trailing dot, lower-cased. Empty when it is not a domain or is excluded.
     */
    public static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String host = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int at = host.lastIndexOf('@', indexOfAny(host, "/?#"));
        if (at >= 0) {
            host = host.substring(at + 1); // user:password@host: the credentials are never kept
        }
        int end = indexOfAny(host, "/?#:");
        if (end >= 0) {
            host = host.substring(0, end);
        }
        while (host.startsWith("*.") || host.startsWith("*")) {
            host = host.substring(host.startsWith("*.") ? 2 : 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!DOMAIN.matcher(host).matches() || excluded(host)) {
            return Optional.empty();
        }
        return Optional.of(host);
    }

    public static boolean excluded(String host) {
        for (String name : EXCLUDED) {
            if (host.equals(name) || host.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best < 0 ? s.length() : best;
    }
}
