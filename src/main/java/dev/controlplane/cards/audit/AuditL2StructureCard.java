package dev.controlplane.cards.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.analysis.CodeAnalysis;
import dev.controlplane.analysis.ImportGraph;
import dev.controlplane.analysis.LibraryUsage;
import dev.controlplane.analysis.ModuleLayout;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.project.manifests.DependencyCatalogue;

/**
 * Source statistics per language, the build modules, the import graph between modules and packages, and which
 * declared libraries the code really imports. The declared dependencies and their classification come from
 * {@code audit:deps} (read as a peer, never re-read), so both cards classify a library the same way.
 */
@ApplicationScoped
public class AuditL2StructureCard extends L2Card {
    /** The cards this one reads (to be declared as peers). */
    public static final List<String> PEERS = List.of("audit:deps");

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = L2Card.declare("audit:l2:structure")
            .title("Structure analysis")
            .description("Source statistics, modules, the import graph and library usage (Java parsed with JavaParser)")
            .order(60)
            .watch(ModuleLayout.MANIFESTS.stream().sorted().toList()) // sorted: a Set.of has no stable order
            .alias("/api/audit/structure-analysis")
            .peers(PEERS)
            .build();

    private final int maxFiles;

    public AuditL2StructureCard() {
        this(MAX_FILES);
    }

    @Inject
    public AuditL2StructureCard(ControlPlaneConfig config) {
        this(config.audit().l2MaxFiles());
    }

    /** @param maxFiles the most source files analysed (tests set it low) */
    AuditL2StructureCard(int maxFiles) {
        this.maxFiles = maxFiles;
    }

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        ArrayNode warnings = CardJson.array();
        L2Sources.Tree tree = L2Sources.collect(context);
        L2Sources.sourceRoots(tree.sources()).forEach(context::watch);
        tree.manifests().forEach(context::watch);
        CodeAnalysis.Result analysis = L2Card.analyse(context, tree, maxFiles);
        List<ModuleLayout.Module> modules = analysis.modules();
        ImportGraph.Graph graph = analysis.graph();

        ObjectNode card = CardJson.object();
        card.set("stats", stats(analysis));
        card.set("modules", modules(modules, analysis.moduleCounts(), graph));
        card.set("import_graph", graph(graph));
        ArrayNode cross = card.putArray("cross_module_deps");
        for (ImportGraph.CrossModule dep : graph.crossModule()) {
            ObjectNode node = cross.addObject();
            node.put("from", dep.from());
            node.put("to", dep.to());
            node.put("imports", dep.imports());
            node.set("examples", CardJson.strings(dep.examples()));
        }
        CardJson.cap(card, "cross_module_deps", CAP);
        JsonNode deps = peer(context, "audit:deps", warnings);
        Set<String> own = new java.util.HashSet<>();
        modules.forEach(m -> own.add(m.id()));
        card.set("library_usage", libraryUsage(deps, graph, own));
        if (tree.truncated()) {
            warnings.add("the project has more files than one walk reads: the rest were not analysed");
        }
        L2Card.truncation(analysis, warnings);
        if (analysis.unreadable() > 0) {
            warnings.add(analysis.unreadable() + " source files could not be read");
        }
        card.set("warnings", warnings);
        int files = analysis.files();
        Level level = files == 0 ? Level.NONE
                : analysis.parseErrors() > 0 || analysis.truncated() ? Level.DEGRADED : Level.OK;
        String text = files == 0 ? "no source files"
                : CardJson.plural(files, "file", "files") + " · " + CardJson.plural(modules.size(), "module", "modules");
        return CardJson.summary(card, text, level);
    }

    private static ObjectNode stats(CodeAnalysis.Result analysis) {
        ObjectNode stats = CardJson.object();
        stats.put("total_files", analysis.files());
        stats.put("total_lines", analysis.stats().lines());
        stats.put("total_functions", analysis.stats().functions());
        ObjectNode per = stats.putObject("per_language");
        analysis.stats().perLanguage().forEach((lang, v) -> {
            ObjectNode node = per.putObject(lang);
            node.put("files", v[0]);
            node.put("lines", v[1]);
            node.put("functions", v[2]);
        });
        stats.put("parse_errors", analysis.parseErrors());
        stats.put("parse_ms", analysis.parseMs());
        // Beyond the spec's fields: how many sources the tree has, and whether the cap left some unread.
        stats.put("files_total", analysis.filesTotal());
        stats.put("truncated", analysis.truncated());
        return stats;
    }

    /** @param counts per module path: {files, lines} */
    private static ArrayNode modules(List<ModuleLayout.Module> modules, Map<String, long[]> counts,
            ImportGraph.Graph graph) {
        Map<String, String> nameById = new TreeMap<>();
        modules.forEach(m -> nameById.putIfAbsent(m.id(), m.name()));
        ArrayNode out = CardJson.array();
        for (ModuleLayout.Module module : modules) {
            ObjectNode node = out.addObject();
            node.put("name", module.name());
            node.put("path", module.path());
            node.put("build", module.build());
            long[] c = counts.getOrDefault(module.path(), new long[2]);
            node.put("files", c[0]);
            node.put("lines", c[1]);
            Set<String> dependsOn = new LinkedHashSet<>();
            for (String id : module.declared()) {
                String name = nameById.get(id);
                if (name != null && !name.equals(module.name())) {
                    dependsOn.add(name);
                }
            }
            graph.crossModule().stream().filter(d -> d.from().equals(module.name())).forEach(d -> dependsOn.add(d.to()));
            node.set("depends_on", CardJson.strings(dependsOn));
        }
        return out;
    }

    private static ObjectNode graph(ImportGraph.Graph graph) {
        ObjectNode node = CardJson.object();
        ArrayNode nodes = node.putArray("nodes");
        graph.nodes().stream()
                .sorted((a, b) -> a.kind().equals(b.kind()) ? Integer.compare(b.files(), a.files())
                        : "module".equals(a.kind()) ? -1 : 1)
                .forEach(n -> {
                    ObjectNode item = nodes.addObject();
                    item.put("id", n.id());
                    item.put("kind", n.kind());
                    item.put("files", n.files());
                    item.put("module", n.module());
                });
        CardJson.cap(node, "nodes", CAP * 2);
        ArrayNode edges = node.putArray("edges");
        for (ImportGraph.Edge edge : graph.edges()) {
            ObjectNode item = edges.addObject();
            item.put("from", edge.from());
            item.put("to", edge.to());
            item.put("count", edge.count());
        }
        CardJson.cap(node, "edges", CAP);
        node.put("internal_edges", graph.edges().size());
        node.put("internal_imports", graph.edges().stream().mapToInt(ImportGraph.Edge::count).sum());
        node.put("external_deps", graph.external().keySet().stream().map(ImportGraph.External::name).distinct().count());
        node.put("external_imports", graph.externalImports());
        return node;
    }

    /** @param own the project's own module ids: a module depending on another is no library */
    private static ObjectNode libraryUsage(JsonNode deps, ImportGraph.Graph graph, Set<String> own) {
        List<LibraryUsage.Declared> declared = new ArrayList<>();
        for (JsonNode dep : deps.path("dependencies")) {
            String name = dep.path("name").asText();
            if (own.contains(name.substring(name.indexOf(':') + 1))) {
                continue;
            }
            String ecosystem = dep.path("ecosystem").asText();
            String category = dep.path("category").asText(DependencyCatalogue.OTHER);
            declared.add(new LibraryUsage.Declared(name, ecosystem, category, expectImport(name, category),
                    framework(name)));
        }
        LibraryUsage.Result result = LibraryUsage.match(declared, graph.external());
        ObjectNode node = CardJson.object();
        ArrayNode used = node.putArray("declared_used");
        result.declaredUsed().forEach(u -> {
            ObjectNode item = used.addObject();
            item.put("name", u.name());
            item.put("ecosystem", u.ecosystem());
            item.put("category", u.category());
            item.put("imports", u.imports());
        });
        ArrayNode unused = node.putArray("declared_unused");
        result.declaredUnused().forEach(u -> {
            ObjectNode item = unused.addObject();
            item.put("name", u.name());
            item.put("ecosystem", u.ecosystem());
            item.put("category", u.category());
        });
        ArrayNode undeclared = node.putArray("used_undeclared");
        result.usedUndeclared().forEach(u -> {
            ObjectNode item = undeclared.addObject();
            item.put("name", u.name());
            item.put("language", u.language());
            item.put("imports", u.imports());
        });
        CardJson.cap(node, "declared_used", CAP);
        CardJson.cap(node, "declared_unused", CAP);
        CardJson.cap(node, "used_undeclared", CAP);
        return node;
    }

    /** Framework coordinates whose transitive namespaces ({@code jakarta.*} …) then count as provided. */
    static boolean framework(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("io.quarkus") || n.startsWith("org.springframework") || n.startsWith("io.micronaut");
    }

    /**
     * False for what is declared but legitimately never imported: BOMs, drivers and logging backends (runtime
     * only), and framework extensions/starters, which work by being on the class path.
     */
    static boolean expectImport(String name, String category) {
        String n = name.toLowerCase(Locale.ROOT);
        String artifact = n.substring(n.indexOf(':') + 1);
        return !(artifact.endsWith("-bom") || artifact.contains("-bom-") || "bom".equals(artifact)
                || DependencyCatalogue.DATABASE_DRIVER.equals(category)
                || n.startsWith("io.quarkus:") || n.startsWith("io.quarkiverse") || artifact.startsWith("spring-boot-starter")
                || n.startsWith("io.micronaut") && !artifact.contains("test") || artifact.startsWith("logback")
                || artifact.startsWith("slf4j-simple") || artifact.endsWith("-maven-plugin"));
    }
}
