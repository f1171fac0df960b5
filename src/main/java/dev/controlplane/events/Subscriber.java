package dev.controlplane.events;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One connected stream. Frames are queued by the bus (under its lock, so every subscriber sees seq order) and
 * written on the connection's own event loop; {@code delivered} counts what the HTTP writer has taken. The
 * difference is the backlog of a client that does not keep up: past {@code limit} live frames the subscriber
 * is dropped rather than let it hold memory. Frames sent on connect (replay, snapshot) do not count against
 * the limit.
 */
final class Subscriber {
    private final MultiEmitter<? super Frame> emitter;
    private final int limit;
    private final Runnable onDrop;
    private final AtomicLong delivered;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long emitted;
    private long initialFrames;
    private volatile long lastEmitNanos = System.nanoTime();

    Subscriber(MultiEmitter<? super Frame> emitter, AtomicLong delivered, int limit, Runnable onDrop) {
        this.emitter = emitter;
        this.delivered = delivered;
        this.limit = limit;
        this.onDrop = onDrop;
    }

    /** Frames sent on connect: may exceed the live limit (a replay can be as long as the ring). */
    void sendInitial(Frame frame) {
        emitted++;
        initialFrames++;
        emitter.emit(frame);
    }

    /** @return false when the client is too far behind and must be dropped */
    boolean offer(Frame frame) {
        if (closed.get()) {
            return true;
        }
        long liveEmitted = emitted - initialFrames;
        long liveDelivered = Math.max(0, delivered.get() - initialFrames);
        if (liveEmitted - liveDelivered >= limit) {
            return false;
        }
        emitted++;
        lastEmitNanos = System.nanoTime();
        emitter.emit(frame);
        return true;
    }

    boolean idleSince(long nanos) {
        return lastEmitNanos <= nanos;
    }

    /** Ends the stream of a client that fell behind; it reconnects and resumes by replay or snapshot. */
    void drop() {
        if (closed.compareAndSet(false, true)) {
            emitter.complete();
            onDrop.run();
        }
    }

    void close() {
        closed.set(true);
    }
}
