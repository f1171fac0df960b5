package dev.controlplane.cards.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.DependencyCatalogue;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.UniqueDependency;

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
        ObjectNode card = CardJson.object();
        ArrayNode dependencies = card.putArray("dependencies");
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> ecosystems = new TreeMap<>();
        Set<String> frameworks = new LinkedHashSet<>();
        int dev = 0;
        for (UniqueDependency dependency : unique) {
            String category = dependency.entry().map(DependencyCatalogue.Entry::category)
                    .orElse(DependencyCatalogue.OTHER);
            ObjectNode node = dependencies.addObject();
            node.put("name", dependency.name());
            node.put("version", dependency.version());
            node.put("dev", dependency.dev());
            node.put("ecosystem", dependency.ecosystem());
            node.put("source_file", dependency.sourceFiles().get(0));
            node.put("category", category);
            node.set("source_files", CardJson.strings(dependency.sourceFiles()));
            categories.merge(category, 1, Integer::sum);
            ecosystems.merge(dependency.ecosystem(), 1, Integer::sum);
            if (DependencyCatalogue.WEB_FRAMEWORK.equals(category)) {
                frameworks.add(dependency.entry().get().label());
            }
            dev += dependency.dev() ? 1 : 0;
        }
        card.put("total", unique.size());
        card.put("runtime", unique.size() - dev);
        card.put("dev", dev);
        card.set("categories", CardJson.counts(categories));
        card.set("frameworks", CardJson.strings(frameworks));
        card.set("ecosystems", CardJson.counts(ecosystems));
        card.set("warnings", CardJson.strings(scan.warnings()));
        return CardJson.summary(card, CardJson.plural(unique.size(), "dep", "deps"), level(unique.size(), scan));
    }

    /** None for a project without dependencies, degraded when a manifest could not be read, else ok. */
    static Level level(int count, DependencyReader.Scan scan) {
        if (!scan.warnings().isEmpty()) {
            return Level.DEGRADED;
        }
        return count == 0 ? Level.NONE : Level.OK;
    }
}
