package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One open pull request as {@code gh pr list --json} gives it. */
@RegisterForReflection
public record GhPull(int number, String title, String author, String branch, boolean draft,
        @JsonProperty("review_decision") String reviewDecision, GhChecks checks,
        @JsonProperty("updated_at") String updatedAt, String url) {
    static final String FIELDS = "number,title,author,headRefName,isDraft,reviewDecision,statusCheckRollup,updatedAt,url";

    static GhPull from(JsonNode node) {
        return new GhPull(node.path("number").asInt(0), node.path("title").asText(""),
                node.path("author").path("login").asText(""), node.path("headRefName").asText(""),
                node.path("isDraft").asBoolean(false), node.path("reviewDecision").asText("").toLowerCase(Locale.ROOT),
                GhChecks.from(node.path("statusCheckRollup")), node.path("updatedAt").asText(""),
                GhLinks.web(node.path("url").asText("")));
    }
}
