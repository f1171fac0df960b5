package dev.controlplane.cache;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.Clock;

/**
 * Ends a computation with a failure, exactly once: whichever of the computation itself, its timeout and a
 * refused submission comes first publishes {@code cache:error} and records it; the others find it done.
 */
final class FailurePublisher {
    private static final int MAX_ERROR_LENGTH = 500;

    private final ActivityLog activity;
    private final Event<BusEvent> events;

    FailurePublisher(ActivityLog activity, Event<BusEvent> events) {
        this.activity = activity;
        this.events = events;
    }

    /** Publishes the failure unless {@code result} is already done; true when this call ended it. */
    boolean fail(String key, CompletableFuture<ObjectNode> result, String message, long started) {
        synchronized (result) {
            if (result.isDone()) {
                return false;
            }
            double elapsed = Clock.seconds(System.nanoTime() - started);
            activity.record(key, "error", elapsed, null, message);
            events.fire(BusEvent.of(EventTypes.CACHE_ERROR, key, JsonNodeFactory.instance.objectNode())
                    .withError(message).withDuration(elapsed));
            result.completeExceptionally(new CardFailedException(key, message));
            return true;
        }
    }

    /** A one-line message for users: never a stack trace, never longer than a few lines of text. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replaceAll("\\s+", " ").trim();
        if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
            text = "the project is too large or too deeply nested to compute this card (" + e.getClass().getSimpleName() + ")";
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
    }
}
