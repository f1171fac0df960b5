package dev.controlplane.project.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.support.ProjectWalker;

/**
 * One safe walk of the project, sorted into what the structure audit needs: language counts, build
 * manifests, source files worth opening (main candidates, endpoint code), and file-name evidence for the
 * flags (tests, IaC, Dockerfiles, API specs, web assets, docs). Lists are sorted, so the result does not
 * depend on directory listing order.
 */
public record SourceTree(int files, Map<String, Integer> languages, List<Path> manifests, List<Path> jvmSources,
        List<Path> endpointSources, List<Path> pythonMains, List<Path> goMains, List<Path> rustMains, List<String> tests,
        List<String> iac, List<String> dockerfiles, List<String> apiSpecs, List<String> webAssets, List<String> docs,
        List<String> cliFiles) {
    /**
     * Walk depth for source trees. The default depth (8) stops inside Java packages: a module's
     * {@code web/src/main/java/com/acme/shop/web/App.java} is at depth 9, and its main class and tests
     * would go unseen. The file cap of the walk still bounds the cost.
     */
    public static final int SOURCE_DEPTH = 16;
    /** How many source files of one kind are opened at most: bounds the card's time on a huge tree. */
    public static final int MAX_SCANNED = 3000;

    public static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("kt", "kotlin"), Map.entry("scala", "scala"),
            Map.entry("groovy", "groovy"), Map.entry("py", "python"), Map.entry("js", "javascript"),
            Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"), Map.entry("jsx", "javascript"),
            Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"), Map.entry("mts", "typescript"),
            Map.entry("go", "go"), Map.entry("rs", "rust"), Map.entry("rb", "ruby"), Map.entry("php", "php"),
            Map.entry("cs", "csharp"), Map.entry("c", "c"), Map.entry("h", "c"), Map.entry("cpp", "cpp"),
            Map.entry("cc", "cpp"), Map.entry("cxx", "cpp"), Map.entry("hpp", "cpp"), Map.entry("swift", "swift"),
            Map.entry("dart", "dart"), Map.entry("ex", "elixir"), Map.entry("exs", "elixir"),
            Map.entry("lua", "lua"), Map.entry("vue", "vue"), Map.entry("svelte", "svelte"),
            Map.entry("sh", "shell"), Map.entry("bash", "shell"), Map.entry("html", "html"),
            Map.entry("htm", "html"), Map.entry("css", "css"), Map.entry("scss", "css"), Map.entry("sass", "css"),
            Map.entry("less", "css"), Map.entry("sql", "sql"), Map.entry("tf", "hcl"), Map.entry("hcl", "hcl"));
    /** Languages that are markup, styling, queries or glue: never a project's primary language. */
    public static final Set<String> NOT_PRIMARY = Set.of("html", "css", "sql", "shell", "hcl");

    public static final Set<String> MANIFEST_NAMES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "package.json", "pnpm-workspace.yaml", "pyproject.toml", "Pipfile", "setup.py",
            "setup.cfg", "go.mod", "go.work", "Cargo.toml");
    /** Manifests that make their directory a buildable component (for "multi-component"). */
    public static final Set<String> COMPONENT_MANIFESTS = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
            "package.json", "pyproject.toml", "setup.py", "go.mod", "Cargo.toml");
    public static final Set<String> PYTHON_MAINS = Set.of("__main__.py", "main.py", "manage.py", "app.py");
    public static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "e2e", "testdata");
    public static final Set<String> DOC_DIRS = Set.of("docs", "doc", "documentation", "wiki");
    public static final Set<String> DOC_SITE_CONFIGS = Set.of("mkdocs.yml", "mkdocs.yaml", "book.toml", "antora.yml",
            "docusaurus.config.js", "docusaurus.config.ts");
    public static final Set<String> IAC_DIRS = Set.of("k8s", "kubernetes", "helm", "charts", "terraform", "infra", "pulumi",
            "ansible");
    public static final Set<String> IAC_FILES = Set.of("Chart.yaml", "kustomization.yaml", "kustomization.yml",
            "Kustomization", "Pulumi.yaml", "Pulumi.yml", "cdk.json", "serverless.yml", "serverless.yaml",
            "ansible.cfg");
    private static final Set<String> IAC_DIR_EXTENSIONS = Set.of("yaml", "yml", "tf", "json", "hcl", "tpl", "j2");
    private static final List<String> WEB_ASSET_DIRS = List.of("src/main/webapp/", "src/main/resources/templates/",
            "src/main/resources/static/", "src/main/resources/META-INF/resources/", "templates/", "public/", "static/");
    private static final Set<String> UI_EXTENSIONS = Set.of("vue", "svelte", "jsx", "tsx");

    public static SourceTree scan(ProjectAccess ctx) {
        Walk walk = new Walk();
        ctx.project().walk(ctx.root(), Math.max(ctx.depth(), SOURCE_DEPTH), ProjectWalker.DEFAULT_MAX_FILES,
                (file, attrs) -> {
                    walk.add(file, ctx.rel(file));
                    return true;
                });
        walk.sort(ctx);
        return walk.result();
    }

    private static boolean isWebAsset(String rel, String name, String ext) {
        if (UI_EXTENSIONS.contains(ext)) {
            return true;
        }
        if (!ext.equals("html") && !ext.equals("htm")) {
            return false;
        }
        if (name.equals("index.html")) {
            return true;
        }
        String slashed = "/" + rel;
        return WEB_ASSET_DIRS.stream().anyMatch(dir -> slashed.contains("/" + dir));
    }

    /** Compiled once: {@code String.matches} compiled both for every file of the walk. */
    private static final Pattern JS_TEST_NAME = Pattern.compile(".*\\.(test|spec)\\.[cm]?[jt]sx?$");
    private static final Pattern JVM_TEST_NAME = Pattern.compile(".*(Test|Tests|IT)\\.(java|kt)$");

    /** Under a test directory ({@code src/test/}, {@code tests/}, {@code __tests__/} …) or named like a test. */
    public static boolean isTest(String[] segments, String name) {
        for (int i = 0; i < segments.length - 1; i++) {
            if (TEST_DIRS.contains(segments[i])) {
                return true;
            }
        }
        return name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py")
                || name.endsWith("_test.go") || JS_TEST_NAME.matcher(name).matches()
                || JVM_TEST_NAME.matcher(name).matches() || name.endsWith("_spec.rb");
    }

    public static boolean isDockerfile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".dockerignore") || lower.endsWith(".md") || lower.endsWith(".txt")) {
            return false;
        }
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.startsWith("Dockerfile.")
                || name.startsWith("Containerfile.") || lower.endsWith(".dockerfile");
    }

    private static void addCapped(List<Path> list, Path file) {
        if (list.size() < MAX_SCANNED) {
            list.add(file);
        }
    }

    /**
     * {@code root.relativize(p).getNameCount()} without building the relative path (this runs for every
     * comparison of the sort, tens of thousands on a large tree).
     */
    static int depth(Path root, Path p) {
        return p.startsWith(root) && !p.equals(root) ? p.getNameCount() - root.getNameCount()
                : root.relativize(p).getNameCount();
    }

    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Collects while the walk runs; {@link #result()} freezes it into the record. */
    private static final class Walk {
        private int files;
        private final Map<String, Integer> languages = new HashMap<>();
        private final List<Path> manifests = new ArrayList<>();
        private final List<Path> jvmSources = new ArrayList<>();
        private final List<Path> endpointSources = new ArrayList<>();
        private final List<Path> pythonMains = new ArrayList<>();
        private final List<Path> goMains = new ArrayList<>();
        private final List<Path> rustMains = new ArrayList<>();
        private final List<String> tests = new ArrayList<>();
        private final List<String> iac = new ArrayList<>();
        private final List<String> dockerfiles = new ArrayList<>();
        private final List<String> apiSpecs = new ArrayList<>();
        private final List<String> webAssets = new ArrayList<>();
        private final List<String> docs = new ArrayList<>();
        private final List<String> cliFiles = new ArrayList<>();

        private void add(Path file, String rel) {
            files++;
            String name = file.getFileName().toString();
            String ext = extension(name);
            String language = LANGUAGES.get(ext);
            if (language != null && !name.endsWith(".gradle.kts")) {
                languages.merge(language, 1, Integer::sum);
            }
            String[] segments = rel.split("/");
            String top = segments.length > 1 ? segments[0] : "";
            if (isTest(segments, name)) {
                // Test code and its fixtures (a sample pom.xml, a Dockerfile under src/test/resources) are
                // evidence of tests only, never of the project's own structure.
                if (language != null && !NOT_PRIMARY.contains(language)) {
                    tests.add(rel);
                }
                return;
            }
            if (MANIFEST_NAMES.contains(name) || name.startsWith("requirements") && ext.equals("txt")) {
                manifests.add(file);
            }
            sourceCandidate(file, rel, name, ext);
            if (ext.equals("tf") || name.endsWith(".tf.json") || ext.equals("bicep") || IAC_FILES.contains(name)
                    || IAC_DIRS.contains(top) && IAC_DIR_EXTENSIONS.contains(ext)) {
                iac.add(rel);
            }
            if (isDockerfile(name)) {
                dockerfiles.add(rel);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("openapi") || lower.startsWith("swagger")) && Set.of("yaml", "yml", "json").contains(ext)
                    || ext.equals("proto") || ext.equals("graphql") || ext.equals("gql")) {
                apiSpecs.add(rel);
            }
            if (DOC_DIRS.contains(top) || DOC_SITE_CONFIGS.contains(name)) {
                docs.add(rel);
            } else if (isWebAsset(rel, name, ext)) {
                webAssets.add(rel);
            }
        }

        private void sourceCandidate(Path file, String rel, String name, String ext) {
            switch (ext) {
                case "java", "kt" -> addCapped(jvmSources, file);
                case "py", "js", "mjs", "cjs", "ts", "mts", "go" -> addCapped(endpointSources, file);
                default -> {
                }
            }
            if (PYTHON_MAINS.contains(name)) {
                pythonMains.add(file);
            }
            if (name.equals("__main__.py")) {
                cliFiles.add(rel);
            }
            if (name.equals("main.go")) {
                goMains.add(file);
            }
            if (ext.equals("rs") && (rel.equals("src/main.rs") || rel.endsWith("/src/main.rs")
                    || rel.startsWith("src/bin/") || rel.contains("/src/bin/"))) {
                rustMains.add(file);
                if (rel.contains("src/bin/")) {
                    cliFiles.add(rel);
                }
            }
        }

        private void sort(ProjectAccess ctx) {
            Comparator<Path> byPath = Comparator.comparingInt((Path p) -> depth(ctx.root(), p))
                    .thenComparing(ctx::rel);
            for (List<Path> list : List.of(manifests, jvmSources, endpointSources, pythonMains, goMains, rustMains)) {
                list.sort(byPath);
            }
            for (List<String> list : List.of(tests, iac, dockerfiles, apiSpecs, webAssets, docs, cliFiles)) {
                list.sort(String::compareTo);
            }
        }

        SourceTree result() {
            return new SourceTree(files, Collections.unmodifiableMap(languages), List.copyOf(manifests),
                    List.copyOf(jvmSources), List.copyOf(endpointSources), List.copyOf(pythonMains),
                    List.copyOf(goMains), List.copyOf(rustMains), List.copyOf(tests), List.copyOf(iac),
                    List.copyOf(dockerfiles), List.copyOf(apiSpecs), List.copyOf(webAssets), List.copyOf(docs),
                    List.copyOf(cliFiles));
        }
    }
}
