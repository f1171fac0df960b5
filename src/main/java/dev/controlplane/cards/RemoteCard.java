package dev.controlplane.cards;

/**
 * A card whose facts live on a remote service (GitHub), not in project files. No file tells when it changes,
 * so it is refreshed on a schedule while a browser is connected; a refresh that brings the same data publishes
 * nothing (its age is "since the data last changed"), and local cards read it only from the cache, never
 * waiting for it.
 */
public interface RemoteCard extends Card {
}
