package dev.controlplane.cards.integrations.gh;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code gh repo view --json name,nameWithOwner,visibility,defaultBranchRef,url}. */
@RegisterForReflection
public record GhRepo(String name, @JsonProperty("slug") String nameWithOwner, String visibility,
        @JsonProperty("default_branch") String defaultBranch, String url) {
    static final String FIELDS = "name,nameWithOwner,visibility,defaultBranchRef,url";

    static GhRepo from(JsonNode node) {
        return new GhRepo(node.path("name").asText(""), node.path("nameWithOwner").asText(""),
                node.path("visibility").asText("").toLowerCase(java.util.Locale.ROOT),
                node.path("defaultBranchRef").path("name").asText(""), GhLinks.web(node.path("url").asText("")));
    }
}
