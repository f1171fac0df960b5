package dev.controlplane.cache;

import java.time.Duration;
import java.util.Optional;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.support.ProjectDirectory;

/** Decides whether a card's cache entry is still good: present, of the card's schema, young enough, unchanged. */
final class FreshnessCheck {
    private final CardRegistry registry;
    private final CacheStore store;
    private final FingerprintScanner scanner;
    private final Vouches vouches;
    private final ProjectDirectory project;

    FreshnessCheck(CardRegistry registry, CacheStore store, FingerprintScanner scanner, Vouches vouches,
            ProjectDirectory project) {
        this.registry = registry;
        this.store = store;
        this.scanner = scanner;
        this.vouches = vouches;
        this.project = project;
    }

    /** Why the card would be recomputed now, or null when its entry is good. Reads the watched files (blocking). */
    MissReason check(Card card) {
        Optional<CacheEntry> cached = store.get(card.key());
        if (cached.isEmpty() || cached.get().schema() != card.schema()) {
            return MissReason.ABSENT;
        }
        CacheEntry entry = cached.get();
        Optional<Duration> maxAge = registry.graph().maxAge(card.key());
        if (maxAge.isPresent() && System.currentTimeMillis() / 1000.0 - entry.cachedAt() > maxAge.get().toSeconds()) {
            return MissReason.TTL;
        }
        // A project directory renamed away keeps its OS watches (they follow the inode) and so its vouches:
        // without this look the cards would be served as fresh for a project that is not there.
        if (vouches.vouchedFor(card.key(), entry.stored().digest()) && project.exists()) {
            return null;
        }
        Fingerprint now = scanner.take(entry.watch());
        if (!scanner.matches(entry.stored(), now)) {
            return MissReason.EXPIRED;
        }
        return null;
    }
}
