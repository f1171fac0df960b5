package dev.controlplane.jobs;

/**
 * Fired (CDI) when a job ends, for whoever must react to its results, e.g. the cache recomputing the testing
 * card after a test run. The jobs layer cannot reach the cache itself.
 */
public record JobFinished(String id, String action, String card, String state, boolean ranTests) {
}
