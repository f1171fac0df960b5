package dev.controlplane.watch;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code GET /api/watch/stats} reports about the staleness watcher. */
@RegisterForReflection
public record WatchStats(
        String mode,
        @JsonProperty("watch_service_healthy") boolean watchServiceHealthy,
        @JsonProperty("watch_service_problem") String watchServiceProblem,
        @JsonProperty("watched_directories") int watchedDirectories,
        @JsonProperty("watched_keys") int watchedKeys,
        @JsonProperty("stale_keys") int staleKeys,
        @JsonProperty("poll_interval_s") double pollIntervalS,
        @JsonProperty("polls") long polls,
        @JsonProperty("checks") long checks,
        @JsonProperty("last_poll_duration_ms") double lastPollDurationMs,
        @JsonProperty("last_check_duration_ms") double lastCheckDurationMs,
        @JsonProperty("fs_events") long fsEvents,
        @JsonProperty("events_fired") long eventsFired,
        @JsonProperty("auto_refresh") boolean autoRefresh,
        @JsonProperty("auto_refreshes") long autoRefreshes) {
}
