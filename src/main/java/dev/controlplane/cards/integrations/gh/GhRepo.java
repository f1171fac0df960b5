package dev.controlplane.cards.integrations.gh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;

/** {@code gh repo view --json name,nameWithOwner,visibility,defaultBranchRef,url}. */
public record GhRepo(String name, String nameWithOwner, String visibility, String defaultBranch, String url) {
    static final String FIELDS = "name,nameWithOwner,visibility,defaultBranchRef,url";

    static GhRepo from(JsonNode node) {
        return new GhRepo(node.path("name").asText(""), node.path("nameWithOwner").asText(""),
                node.path("visibility").asText("").toLowerCase(java.util.Locale.ROOT),
                node.path("defaultBranchRef").path("name").asText(""), GhLinks.web(node.path("url").asText("")));
    }

    public ObjectNode toJson() {
        ObjectNode node = CardJson.object();
        node.put("name", name);
        node.put("slug", nameWithOwner);
        node.put("visibility", visibility);
        node.put("default_branch", defaultBranch);
        node.put("url", url);
        return node;
    }
}
