package dev.controlplane.api;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.controlplane.events.Frame;
import io.smallrye.mutiny.Multi;

/**
 * Turns one connection's frames into writes of pre-encoded SSE bytes, one write (and one flush) per batch: all
 * frames that arrived while the previous write was in flight go out together. Frames are encoded once for all
 * connections ({@link Frame#wire()}), so a connection only concatenates shared bytes.
 * <p>
 * Back-pressure stays the bus's: at most {@code window} frames are taken from upstream ahead of what has been
 * written, the rest stays queued in the bus's subscriber, which counts it against the subscriber limit and cuts
 * off a client that falls too far behind. Everything downstream happens on {@code loop} (the connection's event
 * loop), one drain at a time.
 */
final class SseBatches implements Flow.Publisher<byte[]> {
    private final Multi<Frame> frames;
    private final Executor loop;
    private final Function<Frame, byte[]> encoder;
    private final int window;

    private SseBatches(Multi<Frame> frames, Executor loop, Function<Frame, byte[]> encoder, int window) {
        this.frames = frames;
        this.loop = loop;
        this.encoder = encoder;
        this.window = window;
    }

    /**
     * @param loop    where batches are formed and handed to the HTTP writer (the connection's event loop); a
     *                direct executor when the caller is not on a Vert.x thread
     * @param encoder a frame's bytes (usually {@link Frame#wire()}, shared by every connection)
     */
    static Multi<byte[]> of(Multi<Frame> frames, Executor loop, Function<Frame, byte[]> encoder, int window) {
        return Multi.createFrom().publisher(new SseBatches(frames, loop, encoder, Math.max(1, window)));
    }

    @Override
    public void subscribe(Flow.Subscriber<? super byte[]> downstream) {
        Bridge bridge = new Bridge(downstream);
        frames.subscribe().withSubscriber(bridge);
    }

    private final class Bridge implements Flow.Subscriber<Frame>, Flow.Subscription {
        private final Flow.Subscriber<? super byte[]> downstream;
        private final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile Flow.Subscription upstream;
        private volatile boolean done;
        private volatile Throwable error;
        private volatile boolean cancelled;
        private boolean terminated;

        Bridge(Flow.Subscriber<? super byte[]> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
            subscription.request(window);
        }

        @Override
        public void onNext(Frame frame) {
            // Called by the publisher (under the bus lock): only queue and make sure a drain is scheduled.
            queue.offer(frame);
            schedule();
        }

        @Override
        public void onError(Throwable failure) {
            error = failure;
            done = true;
            schedule();
        }

        @Override
        public void onComplete() {
            done = true;
            schedule();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                downstream.onError(new IllegalArgumentException("request must be positive: " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            schedule();
        }

        @Override
        public void cancel() {
            cancelled = true;
            Flow.Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
            queue.clear();
        }

        private void schedule() {
            if (wip.getAndIncrement() == 0) {
                loop.execute(this::drain);
            }
        }

        /** Runs on the loop only, never twice at once (the wip counter), so downstream calls are serial. */
        private void drain() {
            int missed = 1;
            do {
                if (cancelled || terminated) {
                    queue.clear();
                } else {
                    emitBatch();
                    if (done && queue.isEmpty() && !terminated) {
                        terminated = true;
                        Throwable failure = error;
                        if (failure != null) {
                            downstream.onError(failure);
                        } else {
                            downstream.onComplete();
                        }
                    }
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emitBatch() {
            if (demand.get() == 0 || queue.isEmpty()) {
                return;
            }
            Frame first = queue.poll();
            byte[] bytes = encoder.apply(first);
            int taken = 1;
            Frame next = queue.peek();
            if (next != null) {
                // More than one waiting: one buffer, one write, one flush for all of them.
                java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream(bytes.length * 4);
                batch.writeBytes(bytes);
                while ((next = queue.poll()) != null) {
                    batch.writeBytes(encoder.apply(next));
                    taken++;
                }
                bytes = batch.toByteArray();
            }
            demand.decrementAndGet();
            downstream.onNext(bytes);
            if (!done && !cancelled) {
                upstream.request(taken);
            }
        }
    }
}
