package dev.controlplane.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build modules of a project from its build manifests: a directory with a {@code pom.xml},
 * {@code build.gradle(.kts)}, {@code package.json}, {@code go.mod}, {@code Cargo.toml} or
 * {@code pyproject.toml}/{@code setup.py} is a module. Declared module-to-module dependencies are read from the
 * manifests (Maven artifactIds, Gradle {@code project(':x')}, npm package names). A project without any build
 * manifest gets its top-level source directories as modules.
 */
public final class ModuleLayout {
    public static final Set<String> MANIFESTS = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json",
            "go.mod", "Cargo.toml", "pyproject.toml", "setup.py");
    private static final Pattern BLOCKS = Pattern.compile(
            "(?s)<parent>.*?</parent>|<build>.*?</build>|<dependencyManagement>.*?</dependencyManagement>|<!--.*?-->");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern GRADLE_PROJECT = Pattern.compile("project\\s*\\(\\s*(?:path\\s*[:=]\\s*)?['\"]:?([\\w.:-]+)['\"]");
    private static final Pattern JSON_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");

    /**
     * One module.
     *
     * @param path    project-relative directory ({@code ""} for the root)
     * @param id      what other manifests call it (artifactId, npm name, Gradle path name, Go module path)
     * @param declared ids of the modules its manifest depends on (resolved to names later)
     */
    public record Module(String name, String path, String build, String id, Set<String> declared) {
        public boolean contains(String rel) {
            // No concatenation: this runs modules × files × 3 times per analysis (7.5M on the 50k-file tree).
            return path.isEmpty() || rel.length() > path.length() && rel.charAt(path.length()) == '/'
                    && rel.startsWith(path);
        }
    }

    private ModuleLayout() {
    }

    /**
     * @param root      the project root
     * @param manifests project-relative paths of build manifests found by the card's walk
     * @param sources   the source files (for the fallback when there is no build manifest)
     */
    public static List<Module> find(Path root, List<String> manifests, List<SourceFile> sources) {
        Map<String, Module> byPath = new TreeMap<>();
        for (String rel : manifests) {
            int slash = rel.lastIndexOf('/');
            String dir = slash < 0 ? "" : rel.substring(0, slash);
            String file = rel.substring(slash + 1);
            String build = build(file);
            if (build == null || byPath.containsKey(dir) && !"pom.xml".equals(file)) {
                continue; // one module per directory; a pom.xml wins over a package.json beside it
            }
            String text = read(root.resolve(rel));
            Path rootName = root.toAbsolutePath().normalize().getFileName();
            String dirName = dir.isEmpty() ? rootName == null ? "root" : rootName.toString()
                    : dir.substring(dir.lastIndexOf('/') + 1);
            String id = id(build, text, dirName);
            // Maven and npm modules are known by their artifactId / package name; others by their directory.
            String name = "maven".equals(build) || "npm".equals(build) ? id : dirName;
            byPath.put(dir, new Module(name, dir, build, id, declared(build, text)));
        }
        if (byPath.isEmpty()) {
            Set<String> tops = new LinkedHashSet<>();
            for (SourceFile file : sources) {
                int slash = file.rel().indexOf('/');
                tops.add(slash < 0 ? "" : file.rel().substring(0, slash));
            }
            for (String top : tops) {
                String name = top.isEmpty() ? "(root)" : top;
                byPath.put(top, new Module(name, top, "none", name, Set.of()));
            }
        }
        List<Module> modules = new ArrayList<>(byPath.values());
        modules.sort(Comparator.comparing(Module::path));
        return modules;
    }

    /** The module a file belongs to: the deepest one containing it, or null. */
    public static Module owner(List<Module> modules, String rel) {
        Module best = null;
        for (Module module : modules) {
            if (module.contains(rel) && (best == null || module.path().length() > best.path().length())) {
                best = module;
            }
        }
        return best;
    }

    /** The Go module path of a {@code go.mod}, or {@code ""}. */
    public static String goModulePath(List<Module> modules) {
        for (Module module : modules) {
            if ("go".equals(module.build())) {
                return module.id();
            }
        }
        return "";
    }

    private static String build(String file) {
        return switch (file) {
            case "pom.xml" -> "maven";
            case "build.gradle", "build.gradle.kts" -> "gradle";
            case "package.json" -> "npm";
            case "go.mod" -> "go";
            case "Cargo.toml" -> "cargo";
            case "pyproject.toml", "setup.py" -> "python";
            default -> null;
        };
    }

    private static String id(String build, String text, String name) {
        Matcher matcher = switch (build) {
            case "maven" -> ARTIFACT.matcher(BLOCKS.matcher(text).replaceAll(""));
            case "npm" -> JSON_NAME.matcher(text);
            case "go" -> GO_MODULE.matcher(text);
            default -> null;
        };
        return matcher != null && matcher.find() ? matcher.group(1) : name;
    }

    private static Set<String> declared(String build, String text) {
        Set<String> ids = new LinkedHashSet<>();
        switch (build) {
            case "maven" -> {
                String body = BLOCKS.matcher(text).replaceAll("");
                int deps = body.indexOf("<dependencies>");
                Matcher matcher = ARTIFACT.matcher(deps < 0 ? "" : body.substring(deps));
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
            case "gradle" -> {
                Matcher matcher = GRADLE_PROJECT.matcher(text);
                while (matcher.find()) {
                    String path = matcher.group(1);
                    ids.add(path.substring(path.lastIndexOf(':') + 1));
                }
            }
            case "npm" -> {
                Matcher matcher = Pattern.compile("\"([@\\w./-]+)\"\\s*:\\s*\"(?:workspace:|file:|link:|\\^|~)?[^\"]*\"").matcher(text);
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
            default -> {
            }
        }
        return ids;
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > 2_000_000) {
                return "";
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
