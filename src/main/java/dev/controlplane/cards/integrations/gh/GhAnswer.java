package dev.controlplane.cards.integrations.gh;

import java.util.function.Function;

/**
 * One answer of {@code gh}: a value, or the state that explains why there is none, with the hint that fixes it
 * (the exact command where there is one).
 */
public record GhAnswer<T>(GhState state, String hint, T value) {

    public static <T> GhAnswer<T> of(T value) {
        return new GhAnswer<>(GhState.OK, "", value);
    }

    public static <T> GhAnswer<T> failed(GhState state, String hint) {
        return new GhAnswer<>(state, hint, null);
    }

    public boolean ok() {
        return state == GhState.OK;
    }

    /** The same failure for another value type. */
    public <U> GhAnswer<U> cast() {
        return new GhAnswer<>(state, hint, null);
    }

    public <U> GhAnswer<U> map(Function<T, U> mapper) {
        return ok() ? of(mapper.apply(value)) : cast();
    }
}
