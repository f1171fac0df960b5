package dev.controlplane.testing;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import dev.controlplane.events.BusEvent;

/** A CDI {@link Event} that records what producers fire: producers are testable without the bus. */
public class RecordingEvents implements Event<BusEvent> {
    private final List<BusEvent> fired = new CopyOnWriteArrayList<>();

    @Override
    public void fire(BusEvent event) {
        fired.add(event);
    }

    public List<BusEvent> all() {
        return new ArrayList<>(fired);
    }

    /** {@code type} or {@code type:key} of every event, in order, for compact assertions. */
    public List<String> types(String key) {
        return fired.stream().filter(e -> key == null || key.equals(e.key())).map(BusEvent::type)
                .collect(Collectors.toList());
    }

    public List<BusEvent> ofType(String type) {
        return fired.stream().filter(e -> e.type().equals(type)).collect(Collectors.toList());
    }

    public void clear() {
        fired.clear();
    }

    @Override
    public <U extends BusEvent> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends BusEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Event<BusEvent> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends BusEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends BusEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
