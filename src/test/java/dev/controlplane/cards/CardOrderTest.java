package dev.controlplane.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cards} must print a card's metadata the same way on every start. A hash set ({@code Set.of},
 * {@code Set.copyOf}) iterates in an order that changes from one JVM to the next but not with insertion order,
 * so declaring the same elements in every possible order catches one: at most one order could come back as
 * declared.
 */
class CardOrderTest {

    @Test
    void scopesFollowTheDeclaredTabs() {
        for (List<Tab> tabs : permutations(List.of(Tab.values()))) {
            Card card = new Spec(CardSpec.card("ordered").tabs(tabs).alias("/api/ordered").build());
            assertEquals(tabs.stream().map(Tab::id).toList(), List.copyOf(card.scopes()), tabs.toString());
        }
    }

    @Test
    void peersKeepTheirDeclarationOrder() {
        for (List<String> peers : permutations(List.of("a", "b", "c", "d"))) {
            CardSpec fromArray = CardSpec.card("ordered").tab(Tab.DEVOPS).alias("/api/ordered")
                    .peers(peers.toArray(String[]::new)).build();
            CardSpec fromList = CardSpec.card("ordered").tab(Tab.DEVOPS).alias("/api/ordered").peers(peers).build();
            assertEquals(peers, List.copyOf(fromArray.peers()));
            assertEquals(peers, List.copyOf(fromList.peers()));
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>(List.of(first));
                one.addAll(tail);
                out.add(one);
            }
        }
        return out;
    }

    private record Spec(CardSpec spec) implements Card {
        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode compute(CardContext context) {
            return CardJson.object();
        }
    }
}
