package dev.controlplane.cards.audit;

import java.util.ArrayList;
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
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.manifests.DependencyCatalogue;
import dev.controlplane.project.manifests.DependencyReader;
import dev.controlplane.project.manifests.UniqueDependency;
import io.quarkus.runtime.annotations.RegisterForReflection;

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
        List<Client> clients = new ArrayList<>();
        Map<String, List<String>> byService = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (UniqueDependency dependency : UniqueDependency.of(scan.dependencies())) {
            if (dependency.entry().isEmpty() || !dependency.entry().get().isClient()) {
                continue;
            }
            DependencyCatalogue.Entry entry = dependency.entry().get();
            clients.add(new Client(dependency.name(), entry.service(), entry.clientType(), dependency.ecosystem(),
                    dependency.sourceFiles().get(0), entry.label(), dependency.version(), dependency.dev()));
            byService.computeIfAbsent(entry.service(), s -> new ArrayList<>()).add(dependency.name());
            byType.merge(entry.clientType(), 1, Integer::sum);
        }
        ObjectNode card = ResultJson.tree(new Clients(clients, byService, byType, clients.size(), byService.size(),
                scan.warnings()));
        return CardJson.summary(card, CardJson.plural(clients.size(), "client", "clients"),
                AuditDepsCard.level(clients.size(), scan));
    }

    /** {@code by_service} and {@code by_type} are keyed by what the project uses: open maps, in key order. */
    @RegisterForReflection
    record Clients(List<Client> clients, @JsonProperty("by_service") Map<String, List<String>> byService,
            @JsonProperty("by_type") Map<String, Integer> byType, int total,
            @JsonProperty("total_services") int totalServices, List<String> warnings) {
    }

    /** One client library, at its first manifest. */
    @RegisterForReflection
    record Client(String name, String service, String type, String ecosystem,
            @JsonProperty("source_file") String sourceFile, String label, String version, boolean dev) {
    }
}
