package dev.controlplane.cards.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.DependencyCatalogue;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.UniqueDependency;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every dependency of every manifest, once per (name, ecosystem), classified against the built-in
 * {@link DependencyCatalogue}: how many are runtime or dev, which categories and ecosystems they span, and which
 * web frameworks the project is built on.
 */
@ApplicationScoped
public class AuditDepsCard implements Card {

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("audit:deps")
            .title("Dependencies")
            .description("All declared dependencies, de-duplicated and classified (frameworks, ORMs, drivers, test, lint ...)")
            .tab(Tab.AUDIT)
            .order(20)
            .watch(DependencyReader.MANIFEST_WATCH_PATHS)
            .alias("/api/audit/dependencies")
            .peers(Set.of("packages"))
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        DependencyReader.Scan scan = DependencyReader.fromPackages(context::watch, context.peer("packages"));
        List<UniqueDependency> unique = UniqueDependency.of(scan.dependencies());
        List<Row> dependencies = new ArrayList<>();
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> ecosystems = new TreeMap<>();
        Set<String> frameworks = new LinkedHashSet<>();
        int dev = 0;
        for (UniqueDependency dependency : unique) {
            String category = dependency.entry().map(DependencyCatalogue.Entry::category)
                    .orElse(DependencyCatalogue.OTHER);
            dependencies.add(new Row(dependency.name(), dependency.version(), dependency.dev(),
                    dependency.ecosystem(), dependency.sourceFiles().get(0), category, dependency.sourceFiles()));
            categories.merge(category, 1, Integer::sum);
            ecosystems.merge(dependency.ecosystem(), 1, Integer::sum);
            if (DependencyCatalogue.WEB_FRAMEWORK.equals(category)) {
                frameworks.add(dependency.entry().get().label());
            }
            dev += dependency.dev() ? 1 : 0;
        }
        ObjectNode card = ResultJson.tree(new Deps(dependencies, unique.size(), unique.size() - dev, dev, categories,
                frameworks, ecosystems, scan.warnings()));
        return CardJson.summary(card, CardJson.plural(unique.size(), "dep", "deps"), level(unique.size(), scan));
    }

    /** {@code categories} and {@code ecosystems} are counts keyed by what the project uses: open maps, in key order. */
    @RegisterForReflection
    record Deps(List<Row> dependencies, int total, int runtime, int dev, Map<String, Integer> categories,
            Set<String> frameworks, Map<String, Integer> ecosystems, List<String> warnings) {
    }

    /** One dependency, once per (name, ecosystem); {@code source_file} is the first of {@code source_files}. */
    @RegisterForReflection
    record Row(String name, String version, boolean dev, String ecosystem,
            @JsonProperty("source_file") String sourceFile, String category,
            @JsonProperty("source_files") List<String> sourceFiles) {
    }

    /** None for a project without dependencies, degraded when a manifest could not be read, else ok. */
    static Level level(int count, DependencyReader.Scan scan) {
        if (!scan.warnings().isEmpty()) {
            return Level.DEGRADED;
        }
        return count == 0 ? Level.NONE : Level.OK;
    }
}
