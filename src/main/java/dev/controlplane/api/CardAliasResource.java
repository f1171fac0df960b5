package dev.controlplane.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.controlplane.cache.CardCache;
import dev.controlplane.cards.CardRegistry;

/**
 * The original per-card paths ({@code /api/testing/status}, {@code /api/audit/system}, ...), kept as aliases
 * of {@code /api/cards/{key}}. Each card declares its own alias, so a new card needs no change here; the
 * literal API paths of other resources always win over this catch-all.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CardAliasResource {
    private final CardRegistry registry;
    private final CardCache cache;
    private final CardBodies bodies;

    public CardAliasResource(CardRegistry registry, CardCache cache, CardBodies bodies) {
        this.registry = registry;
        this.cache = cache;
        this.bodies = bodies;
    }

    @GET
    @Path("/{alias: .+}")
    public byte[] alias(@PathParam("alias") String alias, @QueryParam("bust") String bust) {
        String key = registry.byAlias("/api/" + alias)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException())
                .key();
        return bodies.of(cache.serve(key, Flags.parse("bust", bust)));
    }
}
