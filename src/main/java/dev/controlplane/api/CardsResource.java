package dev.controlplane.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.Preferences;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Tab;

/** The card registry and each card's payload ({@code ?bust=1} forces a recompute). */
@Path("/api/cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardsResource {
    private final CardRegistry registry;
    private final CardCache cache;
    private final Preferences preferences;
    private final CardBodies bodies;

    public CardsResource(CardRegistry registry, CardCache cache, Preferences preferences, CardBodies bodies) {
        this.registry = registry;
        this.cache = cache;
        this.preferences = preferences;
        this.bodies = bodies;
    }

    @GET
    public ArrayNode list() {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        for (Card card : registry.all()) {
            ObjectNode item = cards.addObject();
            item.put("key", card.key());
            item.put("title", card.title());
            item.put("description", card.description());
            item.put("tab", card.tabs().get(0).id());
            item.set("tabs", CardJson.strings(card.tabs().stream().map(Tab::id).toList()));
            // What makes the card stale: its own paths and those it inherits from its peers.
            item.set("watch_paths", CardJson.strings(registry.graph().watchPaths(card.key())));
            item.put("pref", preferences.of(card.key()).id());
            item.put("endpoint", "/api/cards/" + card.key());
            item.put("alias", card.alias());
            item.set("scopes", CardJson.strings(List.copyOf(card.scopes())));
            item.set("peers", CardJson.strings(registry.graph().peers(card.key())));
            item.set("dependents", CardJson.strings(registry.graph().dependents(card.key())));
        }
        return cards;
    }

    @GET
    @Path("/{key}")
    public byte[] card(@PathParam("key") String key, @QueryParam("bust") String bust) {
        return bodies.of(cache.serve(key, Flags.parse("bust", bust)));
    }
}
