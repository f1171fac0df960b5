package dev.controlplane.project.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small built-in catalogue of well-known packages: what kind of library each is ({@link #category}) and, for
 * clients of external services (databases, caches, queues, cloud APIs, HTTP, email, payments, observability),
 * which service it talks to. Shared by the audit cards so both classify a package the same way.
 *
 * <p>Names are matched after {@link Dependency#normalize} (lower case; PyPI and crates.io spellings unified).
 * A pattern ending in {@code *} is a prefix; the longest matching pattern wins. Java patterns are
 * {@code groupId:artifactId} (either part may end in {@code *}); a Java pattern without {@code :} matches the
 * artifactId alone and is tried only after the full coordinates. Maven and Gradle share the {@code java}
 * ecosystem. The tables themselves sit in one class per ecosystem family ({@link PythonCatalogue}, ...).
 */
public final class DependencyCatalogue {
    public static final String WEB_FRAMEWORK = "web_framework";
    public static final String UI_FRAMEWORK = "ui_framework";
    public static final String ORM = "orm";
    public static final String DATABASE_DRIVER = "database_driver";
    public static final String CACHE = "cache";
    public static final String TEST = "test";
    public static final String LINT = "lint";
    public static final String BUILD = "build";
    public static final String CLOUD_SDK = "cloud_sdk";
    public static final String MESSAGING = "messaging";
    public static final String HTTP_CLIENT = "http_client";
    public static final String LOGGING = "logging";
    public static final String OBSERVABILITY = "observability";
    public static final String SERIALIZATION = "serialization";
    public static final String VALIDATION = "validation";
    public static final String CLI = "cli";
    public static final String TEMPLATING = "templating";
    public static final String EMAIL = "email";
    public static final String PAYMENTS = "payments";
    /** Framework cores, extensions and starters that are none of the more specific kinds. */
    public static final String FRAMEWORK = "framework";
    /** Jakarta EE, Java EE and MicroProfile API jars. */
    public static final String JAKARTA_API = "jakarta_api";
    public static final String DEPLOYMENT = "deployment";
    public static final String SECURITY = "security";
    public static final String API_DOCS = "api_docs";
    public static final String RESILIENCE = "resilience";
    public static final String RPC = "rpc";
    public static final String AI = "ai";
    public static final String UTILITY = "utility";
    /** Anything the catalogue does not know. */
    public static final String OTHER = "other";

    /**
     * What the catalogue knows of a package.
     *
     * @param category   one of the category constants above
     * @param label      a display name ({@code Quarkus}, {@code PostgreSQL driver}); for web frameworks the
     *                   framework's name, as listed in {@code audit:deps.frameworks}
     * @param service    the external service a client library talks to ({@code PostgreSQL}, {@code AWS}), or
     *                   null for a library that is not such a client
     * @param clientType {@code database}, {@code cache}, {@code queue}, {@code cloud}, {@code http},
     *                   {@code email}, {@code payments}, {@code observability}, {@code search}; null when not a client
     */
    public record Entry(String category, String label, String service, String clientType) {
        public boolean isClient() {
            return service != null;
        }
    }

    private record Rule(String pattern, Entry entry) {
        /** A Java {@code groupId:artifactId} pattern (else an artifactId, or a name in other ecosystems). */
        boolean coordinates() {
            return pattern.contains(":");
        }
    }

    private static final Map<String, List<Rule>> RULES = new HashMap<>();

    private DependencyCatalogue() {
    }

    /** The catalogue entry of a package, if it is a known one. */
    public static Optional<Entry> lookup(String ecosystem, String name) {
        List<Rule> rules = RULES.get(ecosystem);
        if (rules == null || name == null) {
            return Optional.empty();
        }
        String normalized = Dependency.normalize(ecosystem, name);
        int colon = normalized.indexOf(':');
        if (!"java".equals(ecosystem) || colon < 0) {
            return best(rules, normalized, rule -> true);
        }
        Optional<Entry> byCoordinates = best(rules, normalized, Rule::coordinates);
        return byCoordinates.isPresent() ? byCoordinates
                : best(rules, normalized.substring(colon + 1), rule -> !rule.coordinates());
    }

    /** The category of a package ({@link #OTHER} when unknown). */
    public static String category(String ecosystem, String name) {
        return lookup(ecosystem, name).map(Entry::category).orElse(OTHER);
    }

    private static Optional<Entry> best(List<Rule> rules, String name, Predicate<Rule> applicable) {
        Rule best = null;
        for (Rule rule : rules) {
            if (applicable.test(rule) && matches(rule.pattern(), name)
                    && (best == null || specificity(rule) > specificity(best))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best).map(Rule::entry);
    }

    private static int specificity(Rule rule) {
        // An exact name beats any prefix; among prefixes the longer one is the more specific.
        return rule.pattern().endsWith("*") ? rule.pattern().length() : 10_000;
    }

    private static boolean matches(String pattern, String name) {
        int colon = pattern.indexOf(':');
        if (colon >= 0) {
            if (!name.contains(":")) {
                return false;
            }
            int nameColon = name.indexOf(':');
            return part(pattern.substring(0, colon), name.substring(0, nameColon))
                    && part(pattern.substring(colon + 1), name.substring(nameColon + 1));
        }
        return part(pattern, name);
    }

    private static boolean part(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(value);
    }

    static void lib(String ecosystem, String pattern, String category, String label) {
        RULES.computeIfAbsent(ecosystem, e -> new ArrayList<>())
                .add(new Rule(Dependency.normalize(ecosystem, pattern), new Entry(category, label, null, null)));
    }

    static void client(String ecosystem, String pattern, String category, String label, String service,
            String type) {
        RULES.computeIfAbsent(ecosystem, e -> new ArrayList<>())
                .add(new Rule(Dependency.normalize(ecosystem, pattern), new Entry(category, label, service, type)));
    }

    // The tables, one class per ecosystem family; they fill RULES through lib() and client() above.
    static {
        PythonCatalogue.register();
        JavaScriptCatalogue.register();
        JavaLibrariesCatalogue.register();
        OtherEcosystemsCatalogue.register();
    }
}
