package dev.controlplane.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One frame of the stream as delivered to subscribers: the serialised envelope, shared by every subscriber.
 * Its SSE bytes ({@link #wire()}) are encoded once, the first time a connection writes it, and then shared by
 * every other connection: a frame fanned out to a thousand clients is formatted once, not a thousand times.
 * A final class rather than a record only so that it can hold that lazily encoded form.
 */
public final class Frame {
    public static final long NO_ID = -1;

    private final String type;
    private final long id;
    private final String json;
    // Benign race: two threads may both encode, the bytes are equal and either result is fine.
    private byte[] wire;

    /**
     * @param type the SSE {@code event:} name
     * @param id   the SSE {@code id:} (a stream position), or {@link #NO_ID} for frames that carry none (heartbeats)
     * @param json the one-line JSON envelope
     */
    public Frame(String type, long id, String json) {
        this.type = Objects.requireNonNull(type);
        this.id = id;
        this.json = Objects.requireNonNull(json);
    }

    public String type() {
        return type;
    }

    public long id() {
        return id;
    }

    public String json() {
        return json;
    }

    public boolean hasId() {
        return id != NO_ID;
    }

    /** The frame as SSE bytes ({@code id:}, {@code event:}, {@code data:}, blank line), encoded once and shared. */
    public byte[] wire() {
        byte[] bytes = wire;
        if (bytes == null) {
            bytes = encode(-1);
            wire = bytes;
        }
        return bytes;
    }

    /**
     * The frame as SSE bytes with a {@code retry:} line (the reconnect hint of the first frame of a connection),
     * encoded for that one connection. Same field order as before the stream wrote raw bytes: id, event, retry,
     * data. The JSON envelope is one line (Jackson escapes newlines), so one {@code data:} line carries it.
     */
    public byte[] encode(long retryMillis) {
        StringBuilder out = new StringBuilder(json.length() + type.length() + 48);
        if (hasId()) {
            out.append("id:").append(id).append('\n');
        }
        out.append("event:").append(type).append('\n');
        if (retryMillis >= 0) {
            out.append("retry:").append(retryMillis).append('\n');
        }
        out.append("data:").append(json).append("\n\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.id == id && f.type.equals(type) && f.json.equals(json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, json);
    }

    @Override
    public String toString() {
        return "Frame[type=" + type + ", id=" + id + ", json=" + json + "]";
    }
}
