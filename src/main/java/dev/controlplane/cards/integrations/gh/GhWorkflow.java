package dev.controlplane.cards.integrations.gh;

import com.fasterxml.jackson.databind.JsonNode;

/** One workflow as {@code gh workflow list --json} gives it; {@code state} is active, disabled_manually, ... */
public record GhWorkflow(long id, String name, String path, String state) {
    static final String FIELDS = "id,name,path,state";

    static GhWorkflow from(JsonNode node) {
        return new GhWorkflow(node.path("id").asLong(0), node.path("name").asText(""), node.path("path").asText(""),
                node.path("state").asText(""));
    }
}
