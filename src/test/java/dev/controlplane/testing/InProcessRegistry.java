package dev.controlplane.testing;

import java.util.Optional;

import dev.controlplane.cards.CardRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The app's card registry when a test runs inside the app's JVM ({@code @QuarkusTest}). A test class that also runs
 * against the packaged app ({@code @QuarkusIntegrationTest}, which forbids {@code @Inject}) gets an empty answer
 * there and checks what {@code GET /api/cards} prints instead.
 */
public final class InProcessRegistry {
    private InProcessRegistry() {
    }

    public static Optional<CardRegistry> registry() {
        ArcContainer container = Arc.container();
        return container == null ? Optional.empty() : Optional.of(container.instance(CardRegistry.class).get());
    }
}
