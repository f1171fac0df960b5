package dev.controlplane.cards;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of {@code missing_tools: [{id, label, install_hint}]}, for cards with typed results. */
@RegisterForReflection
public record MissingTool(String id, String label, @JsonProperty("install_hint") String installHint) {
}
