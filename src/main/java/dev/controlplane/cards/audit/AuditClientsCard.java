package dev.controlplane.cards.audit;

import java.util.ArrayList;
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
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.DependencyCatalogue;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.UniqueDependency;

/**
 * The client libraries of external services among the dependencies (database drivers, caches, queues, cloud
 * SDKs, HTTP clients, email, payments, observability), per the built-in {@link DependencyCatalogue}: which
 * services the project talks to and through what.
 */
@ApplicationScoped
public class AuditClientsCard implements Card {

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("audit:clients")
            .title("Service clients")
            .description("Client libraries of external services: databases, caches, queues, cloud SDKs, HTTP, email, payments")
            .tab(Tab.AUDIT)
            .order(40)
            .watch(DependencyReader.MANIFEST_WATCH_PATHS)
            .alias("/api/audit/clients")
            .peers(Set.of("packages"))
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        DependencyReader.Scan scan = DependencyReader.fromPackages(context::watch, context.peer("packages"));
        ObjectNode card = CardJson.object();
        ArrayNode clients = card.putArray("clients");
        Map<String, List<String>> byService = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (UniqueDependency dependency : UniqueDependency.of(scan.dependencies())) {
            if (dependency.entry().isEmpty() || !dependency.entry().get().isClient()) {
                continue;
            }
            DependencyCatalogue.Entry entry = dependency.entry().get();
            ObjectNode node = clients.addObject();
            node.put("name", dependency.name());
            node.put("service", entry.service());
            node.put("type", entry.clientType());
            node.put("ecosystem", dependency.ecosystem());
            node.put("source_file", dependency.sourceFiles().get(0));
            node.put("label", entry.label());
            node.put("version", dependency.version());
            node.put("dev", dependency.dev());
            byService.computeIfAbsent(entry.service(), s -> new ArrayList<>()).add(dependency.name());
            byType.merge(entry.clientType(), 1, Integer::sum);
        }
        ObjectNode services = card.putObject("by_service");
        byService.forEach((service, names) -> services.set(service, CardJson.strings(names)));
        card.set("by_type", CardJson.counts(byType));
        card.put("total", clients.size());
        card.put("total_services", byService.size());
        card.set("warnings", CardJson.strings(scan.warnings()));
        return CardJson.summary(card, CardJson.plural(clients.size(), "client", "clients"),
                AuditDepsCard.level(clients.size(), scan));
    }
}
