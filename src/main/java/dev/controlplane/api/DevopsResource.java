package dev.controlplane.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.ActivityLog;
import dev.controlplane.cache.CacheBuster;
import dev.controlplane.cache.Preferences;

/** Cache busting, preferences and the activity log. */
@Path("/api/devops")
@Produces(MediaType.APPLICATION_JSON)
public class DevopsResource {
    private final CacheBuster buster;
    private final Preferences preferences;
    private final ActivityLog activity;

    public DevopsResource(CacheBuster buster, Preferences preferences, ActivityLog activity) {
        this.buster = buster;
        this.preferences = preferences;
        this.activity = activity;
    }

    /** Body {@code {"card": "<scope or card key>"}}; an empty body or no card busts everything. */
    @POST
    @Path("/cache/bust")
    @Consumes(MediaType.APPLICATION_JSON)
    public CacheBuster.Result bust(JsonNode body) {
        String target = "all";
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            if (!body.isObject()) {
                throw new BadInputException("expected a JSON object {\"card\": \"<scope or card key>\"}");
            }
            JsonNode card = body.get("card");
            if (card != null && !card.isNull()) {
                if (!card.isTextual() || card.asText().isBlank()) {
                    throw new BadInputException("'card' must be a scope (devops, integrations, audit, all) or a card key");
                }
                target = card.asText();
            }
        }
        try {
            return buster.bust(target);
        } catch (dev.controlplane.cache.UnknownCardException e) {
            throw new BadInputException("unknown card or scope '" + Flags.abbreviate(target)
                    + "': use devops, integrations, audit, all or a card key");
        }
    }

    @GET
    @Path("/prefs")
    public ObjectNode prefs() {
        return preferences.toJson();
    }

    @PUT
    @Path("/prefs")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode savePrefs(JsonNode body) {
        return preferences.update(body);
    }

    @GET
    @Path("/activity")
    public ArrayNode activity() {
        return activity.snapshot();
    }
}
