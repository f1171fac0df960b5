package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who imports whom. Nodes are the modules and the packages (Java/Kotlin: the declared package; other languages:
 * the directory). An import is internal when it names a package of the project (Java/Kotlin by longest declared
 * package prefix, Go by the module path, JS/TS relative paths, Python by a package directory of the project);
 * everything else is external and kept for the library-usage match.
 */
public final class ImportGraph {
    /** A node: {@code kind} is {@code module} or {@code package}; {@code module} is the owning module's name. */
    public record Node(String id, String kind, int files, String module) {
    }

    public record Edge(String from, String to, int count) {
    }

    /** Imports from one module into another, with up to three examples ({@code file → import}). */
    public record CrossModule(String from, String to, int imports, List<String> examples) {
    }

    /** One external import as written, with the language it was written in. */
    public record External(String language, String name) {
    }

    /**
     * @param external every distinct external import (as written, with its language) and how often it occurs, in
     *                 the order first met: on a 100k-file tree one record per occurrence was ~200k objects
     */
    public record Graph(List<Node> nodes, List<Edge> edges, List<CrossModule> crossModule,
            Map<External, Integer> external) {
        /** Occurrences of external imports. */
        public int externalImports() {
            return external.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ImportGraph() {
    }

    public static Graph build(List<ModuleLayout.Module> modules, List<FileFacts> files) {
        Builder builder = new Builder(modules);
        for (FileFacts file : files) {
            builder.add(file, ModuleLayout.owner(modules, file.file().rel()));
        }
        return builder.build();
    }

    /** What the second pass needs of a file: not its functions or types (the syntax tree is long gone). */
    private record Pending(SourceFile file, String pkg, List<String> imports) {
    }

    /**
     * Builds the graph from files handed in one at a time, so an analysis can drop each file's other facts once
     * read. Imports are classified at the end: whether one is internal depends on every package of the project.
     */
    public static final class Builder {
        private final List<ModuleLayout.Module> modules;
        private final Map<String, Integer> packageFiles = new TreeMap<>();
        private final Map<String, String> packageModule = new HashMap<>();
        private final Map<String, Integer> moduleFiles = new LinkedHashMap<>();
        private final Set<String> declaredPackages = new HashSet<>();
        private final Map<String, String> pythonPackages = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();

        public Builder(List<ModuleLayout.Module> modules) {
            this.modules = modules;
        }

        /** @param owner the file's module ({@link ModuleLayout#owner}), null for none */
        public void add(FileFacts file, ModuleLayout.Module owner) {
            String pkg = packageOf(file);
            packageFiles.merge(pkg, 1, Integer::sum);
            String module = owner == null ? "(root)" : owner.name();
            packageModule.putIfAbsent(pkg, module);
            moduleFiles.merge(module, 1, Integer::sum);
            if (!file.packageName().isEmpty() && isJvm(file.file())) {
                declaredPackages.add(file.packageName());
            }
            if ("python".equals(file.file().language())) {
                registerPython(pythonPackages, file.file().dir(), file.file().rel());
            }
            if (!file.imports().isEmpty()) {
                pending.add(new Pending(file.file(), pkg, file.imports()));
            }
        }

        public Graph build() {
            String goModule = ModuleLayout.goModulePath(modules);
            Map<String, Integer> edgeCounts = new LinkedHashMap<>();
            Map<String, CrossBuilder> cross = new LinkedHashMap<>();
            Map<External, Integer> external = new LinkedHashMap<>();
            for (Pending file : pending) {
                String from = file.pkg();
                for (String imported : file.imports()) {
                    String to = internal(file.file(), imported, declaredPackages, goModule, pythonPackages);
                    if (to == null) {
                        external.merge(new External(file.file().language(), imported), 1, Integer::sum);
                        continue;
                    }
                    if (to.equals(from)) {
                        continue;
                    }
                    edgeCounts.merge(from + "\u0000" + to, 1, Integer::sum);
                    String fromModule = packageModule.get(from);
                    String toModule = packageModule.getOrDefault(to, fromModule);
                    if (fromModule != null && !fromModule.equals(toModule)) {
                        cross.computeIfAbsent(fromModule + "\u0000" + toModule,
                                k -> new CrossBuilder(fromModule, toModule)).add(file.file().rel(), imported);
                    }
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (ModuleLayout.Module module : modules) {
                nodes.add(new Node(module.name(), "module", moduleFiles.getOrDefault(module.name(), 0), module.name()));
            }
            packageFiles.forEach((pkg, count) -> nodes.add(new Node(pkg, "package", count, packageModule.get(pkg))));
            List<Edge> edges = new ArrayList<>();
            edgeCounts.forEach((key, count) -> {
                int split = key.indexOf('\u0000');
                edges.add(new Edge(key.substring(0, split), key.substring(split + 1), count));
            });
            edges.sort(Comparator.comparingInt(Edge::count).reversed().thenComparing(Edge::from).thenComparing(Edge::to));
            List<CrossModule> crossModule = cross.values().stream().map(CrossBuilder::build)
                    .sorted(Comparator.comparingInt(CrossModule::imports).reversed().thenComparing(CrossModule::from)
                            .thenComparing(CrossModule::to))
                    .toList();
            return new Graph(nodes, edges, crossModule, external);
        }
    }

    /** The package node of a file. */
    static String packageOf(FileFacts file) {
        if (isJvm(file.file()) && !file.packageName().isEmpty()) {
            return file.packageName();
        }
        String dir = file.file().dir();
        return dir.isEmpty() ? "(root)" : dir;
    }

    private static boolean isJvm(SourceFile file) {
        return "java".equals(file.language()) || "kotlin".equals(file.language());
    }

    private static String internal(SourceFile file, String imported, Set<String> packages, String goModule,
            Map<String, String> pythonPackages) {
        switch (file.language()) {
            case "java", "kotlin" -> {
                String name = imported.endsWith(".*") ? imported.substring(0, imported.length() - 2) : imported;
                while (!name.isEmpty()) {
                    if (packages.contains(name)) {
                        return name;
                    }
                    int dot = name.lastIndexOf('.');
                    name = dot < 0 ? "" : name.substring(0, dot);
                }
                return null;
            }
            case "go" -> {
                if (goModule.isEmpty() || !(imported.equals(goModule) || imported.startsWith(goModule + "/"))) {
                    return null;
                }
                String dir = imported.equals(goModule) ? "" : imported.substring(goModule.length() + 1);
                return dir.isEmpty() ? "(root)" : dir;
            }
            case "python" -> {
                if (imported.startsWith(".")) {
                    String dir = file.dir();
                    int ups = 0;
                    while (ups < imported.length() && imported.charAt(ups) == '.') {
                        ups++;
                    }
                    for (int i = 1; i < ups && !dir.isEmpty(); i++) {
                        dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
                    }
                    String rest = imported.substring(ups).replace('.', '/');
                    String target = rest.isEmpty() ? dir : dir.isEmpty() ? rest : dir + "/" + rest;
                    String known = pythonPackages.get(target.replace('/', '.'));
                    return known != null ? known : dir.isEmpty() ? "(root)" : dir;
                }
                String name = imported;
                while (!name.isEmpty()) {
                    String dir = pythonPackages.get(name);
                    if (dir != null) {
                        return dir;
                    }
                    int dot = name.lastIndexOf('.');
                    name = dot < 0 ? "" : name.substring(0, dot);
                }
                return null;
            }
            default -> { // javascript, typescript
                if (!imported.startsWith("./") && !imported.startsWith("../") && !".".equals(imported)
                        && !"..".equals(imported)) {
                    return null;
                }
                String target = normalize(file.dir(), imported);
                if (target == null) {
                    return null;
                }
                // "./util" is a file in the importing directory; "./lib/x" a file in lib.
                int slash = target.lastIndexOf('/');
                String dir = slash < 0 ? "" : target.substring(0, slash);
                return dir.isEmpty() ? "(root)" : dir;
            }
        }
    }

    /** Every dotted suffix of a Python file's directory and module path maps to its directory. */
    private static void registerPython(Map<String, String> packages, String dir, String rel) {
        String module = rel.endsWith(".py") ? rel.substring(0, rel.length() - 3) : rel;
        String[] dirParts = dir.isEmpty() ? new String[0] : dir.split("/");
        String[] moduleParts = module.split("/");
        String node = dir.isEmpty() ? "(root)" : dir;
        for (int i = 0; i < dirParts.length; i++) {
            packages.putIfAbsent(String.join(".", java.util.Arrays.copyOfRange(dirParts, i, dirParts.length)), node);
        }
        for (int i = 0; i < moduleParts.length; i++) {
            packages.putIfAbsent(String.join(".", java.util.Arrays.copyOfRange(moduleParts, i, moduleParts.length)), node);
        }
    }

    private static String normalize(String dir, String relative) {
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
        for (String part : relative.split("/")) {
            if (part.isEmpty() || ".".equals(part)) {
                continue;
            }
            if ("..".equals(part)) {
                if (parts.isEmpty()) {
                    return null; // points out of the project
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static final class CrossBuilder {
        private final String from;
        private final String to;
        private final List<String> examples = new ArrayList<>();
        private int imports;

        CrossBuilder(String from, String to) {
            this.from = from;
            this.to = to;
        }

        void add(String rel, String imported) {
            imports++;
            if (examples.size() < 3) {
                examples.add(rel + " → " + imported);
            }
        }

        CrossModule build() {
            return new CrossModule(from, to, imports, List.copyOf(examples));
        }
    }
}
