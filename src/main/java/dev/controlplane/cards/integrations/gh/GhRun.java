package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One workflow run as {@code gh run list --json} gives it. {@code status} is queued, in_progress, completed,
 * waiting, requested or pending; {@code conclusion} is empty until the run completes.
 */
@RegisterForReflection
public record GhRun(long id, String workflow, String title, String branch, String event, String status,
        String conclusion, @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
        String url) {
    static final String FIELDS = "databaseId,workflowName,displayTitle,headBranch,event,status,conclusion,createdAt,updatedAt,url";

    static GhRun from(JsonNode node) {
        return new GhRun(node.path("databaseId").asLong(0), node.path("workflowName").asText(""),
                node.path("displayTitle").asText(""), node.path("headBranch").asText(""),
                node.path("event").asText(""), lower(node.path("status").asText("")),
                lower(node.path("conclusion").asText("")), node.path("createdAt").asText(""),
                node.path("updatedAt").asText(""), GhLinks.web(node.path("url").asText("")));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    public boolean completed() {
        return "completed".equals(status);
    }

    /** A completed run that went wrong (a cancelled or skipped run is no verdict on the code). */
    public boolean failed() {
        return completed() && switch (conclusion) {
            case "failure", "timed_out", "startup_failure", "action_required" -> true;
            default -> false;
        };
    }
}
