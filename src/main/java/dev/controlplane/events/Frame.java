package dev.controlplane.events;

/**
 * One frame of the stream as delivered to subscribers: the serialised envelope, shared by every subscriber.
 *
 * @param type the SSE {@code event:} name
 * @param id   the SSE {@code id:} (a stream position), or {@link #NO_ID} for frames that carry none (heartbeats)
 * @param json the one-line JSON envelope
 */
public record Frame(String type, long id, String json) {
    public static final long NO_ID = -1;

    public boolean hasId() {
        return id != NO_ID;
    }
}
