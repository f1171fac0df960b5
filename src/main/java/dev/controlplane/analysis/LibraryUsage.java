package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps external imports to declared dependencies, a heuristic by group/package prefix:
 * <ul>
 * <li>Java/Kotlin: an import belongs to {@code group:artifact} when it starts with the groupId (dashes dropped:
 * {@code io.rest-assured} → {@code io.restassured}) or shares its first three segments
 * ({@code com.fasterxml.jackson.databind} ↔ {@code com.fasterxml.jackson.core});</li>
 * <li>Python: the top-level module, with the usual renames ({@code yaml} ↔ {@code pyyaml});</li>
 * <li>JS/TS: the package name ({@code @scope/name} or {@code name}); Go: the module path prefix.</li>
 * </ul>
 * Standard-library imports, and the namespaces a declared framework brings transitively ({@code jakarta.*},
 * {@code io.smallrye.*}, {@code io.vertx.*}, {@code org.jboss.*} … under Quarkus), count as neither.
 */
public final class LibraryUsage {
    /**
     * A declared dependency.
     *
     * @param expectImport false for what is legitimately never imported (BOMs, runtime drivers, framework
     *                     extensions): such a dependency is never reported as unused
     * @param framework    true when it brings a framework whose namespaces then count as provided
     */
    public record Declared(String name, String ecosystem, String category, boolean expectImport, boolean framework) {
    }

    public record Used(String name, String ecosystem, String category, int imports) {
    }

    public record Undeclared(String name, String language, int imports) {
    }

    public record Result(List<Used> declaredUsed, List<Declared> declaredUnused, List<Undeclared> usedUndeclared) {
    }

    private static final List<String> JVM_STDLIB = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.dom",
            "org.xml.sax", "org.ietf.jgss", "kotlin.", "kotlinx.coroutines.");
    private static final List<String> FRAMEWORK_PROVIDED = List.of("jakarta.", "javax.", "io.smallrye.", "io.vertx.",
            "org.jboss.", "org.eclipse.microprofile.", "io.netty.", "org.reactivestreams.", "io.micronaut.",
            "org.springframework.", "reactor.", "com.fasterxml.jackson.", "org.slf4j.", "io.quarkus.", "org.hibernate.");
    private static final Set<String> PYTHON_STDLIB = Set.of("abc", "argparse", "ast", "asyncio", "base64", "collections",
            "concurrent", "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal", "enum", "functools", "glob",
            "hashlib", "heapq", "hmac", "html", "http", "importlib", "inspect", "io", "itertools", "json", "logging",
            "math", "multiprocessing", "operator", "os", "pathlib", "pickle", "platform", "pprint", "queue", "random",
            "re", "secrets", "shutil", "signal", "socket", "sqlite3", "ssl", "statistics", "string", "struct",
            "subprocess", "sys", "tempfile", "textwrap", "threading", "time", "traceback", "types", "typing",
            "unittest", "urllib", "uuid", "warnings", "weakref", "xml", "zipfile", "zoneinfo", "__future__", "builtins",
            "email", "gzip", "getpass", "fnmatch", "configparser", "difflib", "shlex", "selectors", "tomllib");
    private static final Map<String, String> PYTHON_RENAMES = Map.of("yaml", "pyyaml", "pil", "pillow", "sklearn",
            "scikit-learn", "bs4", "beautifulsoup4", "dateutil", "python-dateutil", "dotenv", "python-dotenv", "jwt",
            "pyjwt", "cv2", "opencv-python", "attr", "attrs", "google", "google-cloud");
    private static final Set<String> NODE_BUILTINS = Set.of("assert", "buffer", "child_process", "cluster", "crypto",
            "dns", "events", "fs", "http", "http2", "https", "net", "os", "path", "process", "querystring", "readline",
            "stream", "string_decoder", "timers", "tls", "url", "util", "v8", "vm", "worker_threads", "zlib", "module",
            "perf_hooks", "fs/promises", "test");

    private LibraryUsage() {
    }

    /** @param imports every distinct external import with how often it occurs ({@link ImportGraph.Graph#external}) */
    public static Result match(List<Declared> declared, Map<ImportGraph.External, Integer> imports) {
        boolean framework = declared.stream().anyMatch(Declared::framework);
        Map<Declared, Integer> hits = new LinkedHashMap<>();
        Map<String, int[]> undeclared = new TreeMap<>();
        Map<String, String> undeclaredLanguage = new TreeMap<>();
        for (Map.Entry<ImportGraph.External, Integer> entry : imports.entrySet()) {
            ImportGraph.External external = entry.getKey();
            int occurrences = entry.getValue();
            String name = external.name();
            String language = external.language();
            if (standard(language, name)) {
                continue;
            }
            Declared owner = owner(declared, language, name);
            if (owner != null) {
                hits.merge(owner, occurrences, Integer::sum);
            } else if (!(framework && isJvm(language) && provided(name))) {
                String root = root(language, name);
                undeclared.computeIfAbsent(root, k -> new int[1])[0] += occurrences;
                undeclaredLanguage.putIfAbsent(root, language);
            }
        }
        List<Used> used = new ArrayList<>();
        List<Declared> unused = new ArrayList<>();
        for (Declared dependency : declared) {
            Integer count = hits.get(dependency);
            if (count != null) {
                used.add(new Used(dependency.name(), dependency.ecosystem(), dependency.category(), count));
            } else if (dependency.expectImport()) {
                unused.add(dependency);
            }
        }
        List<Undeclared> missing = new ArrayList<>();
        undeclared.forEach((root, count) -> missing.add(new Undeclared(root, undeclaredLanguage.get(root), count[0])));
        missing.sort((a, b) -> Integer.compare(b.imports(), a.imports()));
        return new Result(used, unused, missing);
    }

    private static boolean isJvm(String language) {
        return "java".equals(language) || "kotlin".equals(language);
    }

    private static boolean standard(String language, String name) {
        return switch (language) {
            case "java", "kotlin" -> JVM_STDLIB.stream().anyMatch(name::startsWith);
            case "python" -> PYTHON_STDLIB.contains(top(name));
            case "go" -> !name.substring(0, name.indexOf('/') < 0 ? name.length() : name.indexOf('/')).contains(".");
            default -> name.startsWith("node:") || NODE_BUILTINS.contains(name) || name.startsWith("/");
        };
    }

    private static boolean provided(String name) {
        return FRAMEWORK_PROVIDED.stream().anyMatch(name::startsWith);
    }

    private static Declared owner(List<Declared> declared, String language, String name) {
        Declared best = null;
        int bestScore = 0;
        for (Declared dependency : declared) {
            int score = score(dependency, language, name);
            if (score > bestScore) {
                best = dependency;
                bestScore = score;
            }
        }
        return best;
    }

    /** How well an import fits a dependency: 0 = not at all, higher = a longer shared prefix. */
    private static int score(Declared dependency, String language, String name) {
        String dep = dependency.name().toLowerCase(Locale.ROOT);
        switch (language) {
            case "java", "kotlin" -> {
                if (!"java".equals(dependency.ecosystem())) {
                    return 0;
                }
                int colon = dep.indexOf(':');
                String group = (colon < 0 ? dep : dep.substring(0, colon)).replace("-", "");
                String imported = name.toLowerCase(Locale.ROOT);
                if (imported.equals(group) || imported.startsWith(group + ".")) {
                    return group.length() + 100;
                }
                String[] g = group.split("\\.");
                String[] i = imported.split("\\.");
                if (g.length >= 3 && i.length >= 3 && g[0].equals(i[0]) && g[1].equals(i[1]) && g[2].equals(i[2])) {
                    return 50;
                }
                return 0;
            }
            case "python" -> {
                if (!"python".equals(dependency.ecosystem())) {
                    return 0;
                }
                String top = top(name).toLowerCase(Locale.ROOT).replace('_', '-');
                String normalized = dep.replaceAll("[-_.]+", "-");
                return normalized.equals(top) || normalized.equals(PYTHON_RENAMES.getOrDefault(top, "\u0000"))
                        || normalized.startsWith(top + "-") ? 10 : 0;
            }
            case "go" -> {
                return "go".equals(dependency.ecosystem()) && (name.equals(dep) || name.startsWith(dep + "/"))
                        ? dep.length() : 0;
            }
            default -> {
                return "javascript".equals(dependency.ecosystem()) && jsPackage(name).equals(dep) ? 10 : 0;
            }
        }
    }

    private static String top(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String jsPackage(String name) {
        String[] parts = name.split("/");
        return name.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    /** The name an undeclared import is reported under. */
    private static String root(String language, String name) {
        return switch (language) {
            case "java", "kotlin" -> {
                String[] parts = name.split("\\.");
                yield String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1 > 0 ? parts.length - 1 : 1)));
            }
            case "python" -> top(name);
            case "go" -> {
                String[] parts = name.split("/");
                yield String.join("/", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
            }
            default -> jsPackage(name);
        };
    }
}
