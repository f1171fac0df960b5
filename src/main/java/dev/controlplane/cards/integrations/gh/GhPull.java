package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;

/** One open pull request as {@code gh pr list --json} gives it. */
public record GhPull(int number, String title, String author, String branch, boolean draft, String reviewDecision,
        GhChecks checks, String updatedAt, String url) {
    static final String FIELDS = "number,title,author,headRefName,isDraft,reviewDecision,statusCheckRollup,updatedAt,url";

    static GhPull from(JsonNode node) {
        return new GhPull(node.path("number").asInt(0), node.path("title").asText(""),
                node.path("author").path("login").asText(""), node.path("headRefName").asText(""),
                node.path("isDraft").asBoolean(false), node.path("reviewDecision").asText("").toLowerCase(Locale.ROOT),
                GhChecks.from(node.path("statusCheckRollup")), node.path("updatedAt").asText(""),
                GhLinks.web(node.path("url").asText("")));
    }

    public ObjectNode toJson() {
        ObjectNode node = CardJson.object();
        node.put("number", number);
        node.put("title", title);
        node.put("author", author);
        node.put("branch", branch);
        node.put("draft", draft);
        node.put("review_decision", reviewDecision);
        node.set("checks", checks.toJson());
        node.put("updated_at", updatedAt);
        node.put("url", url);
        return node;
    }
}
