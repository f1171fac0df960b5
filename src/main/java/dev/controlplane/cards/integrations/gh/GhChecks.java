package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A pull request's {@code statusCheckRollup} counted: check runs (status, conclusion) and commit statuses
 * (state) alike.
 */
@RegisterForReflection
public record GhChecks(int passing, int failing, int pending) {

    static GhChecks from(JsonNode rollup) {
        int passing = 0;
        int failing = 0;
        int pending = 0;
        for (JsonNode check : rollup) {
            switch (verdict(check)) {
                case "passing" -> passing++;
                case "failing" -> failing++;
                default -> pending++;
            }
        }
        return new GhChecks(passing, failing, pending);
    }

    private static String verdict(JsonNode check) {
        if (check.has("state") && !check.has("conclusion")) { // a commit status (StatusContext)
            return switch (upper(check.path("state").asText())) {
                case "SUCCESS" -> "passing";
                case "FAILURE", "ERROR" -> "failing";
                default -> "pending";
            };
        }
        if (!"COMPLETED".equals(upper(check.path("status").asText()))) {
            return "pending";
        }
        return switch (upper(check.path("conclusion").asText())) {
            case "SUCCESS", "NEUTRAL", "SKIPPED" -> "passing";
            case "" -> "pending";
            default -> "failing";
        };
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
