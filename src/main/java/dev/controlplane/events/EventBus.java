package dev.controlplane.events;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;

/**
 * The one place every state change goes through. Producers fire {@link BusEvent}s; this bean is their only,
 * synchronous observer, so the order events are published in is the order of their {@code seq}. It keeps
 * <ul>
 * <li>a ring of the last events, to replay to a client that reconnects with its last position,</li>
 * <li>the latest {@code cache:done} payload per card and which cards are stale, for snapshots ({@link CardStates}),</li>
 * <li>the connected subscribers, each with a bounded backlog.</li>
 * </ul>
 * Sequence numbers start at the boot time in microseconds, so a position from an earlier server start can
 * never be mistaken for one of this start.
 */
@ApplicationScoped
public class EventBus {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EnvelopeWriter writer;
    private final Vertx vertx;
    private final int ringCapacity;
    private final int subscriberLimit;
    private final long heartbeatMillis;

    private final long bootSeq;
    private final String instanceId;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> ring = new ArrayDeque<>();
    private final CardStates cards = new CardStates();
    // Registered under the lock (so replay and live never overlap) but removed without it: a connection
    // closing on an event-loop thread must never wait for a publisher.
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedSubscribers = new AtomicLong();
    private final AtomicLong totalSubscriptions = new AtomicLong();
    private long seq;
    private long heartbeatTimer = -1;
    private final List<CatchUp> catchUps = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Inject
    public EventBus(EnvelopeWriter writer, Vertx vertx, ControlPlaneConfig config) {
        this(writer, vertx, config.events().buffer(), config.events().subscriberBuffer(), config.events().heartbeat());
    }

    EventBus(EnvelopeWriter writer, Vertx vertx, int ringCapacity, int subscriberLimit, Duration heartbeat) {
        this.writer = writer;
        this.vertx = vertx;
        this.ringCapacity = Math.max(1, ringCapacity);
        this.subscriberLimit = Math.max(1, subscriberLimit);
        this.heartbeatMillis = Math.max(1, heartbeat.toMillis());
        this.bootSeq = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        this.seq = bootSeq;
        // Boot time plus randomness: two starts within the same microsecond still differ.
        this.instanceId = Long.toString(bootSeq, 36) + "-" + Integer.toString(new SecureRandom().nextInt(1 << 30), 36);
    }

    void start(@Observes StartupEvent ignored) {
        heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        subscribers.forEach(Subscriber::drop);
        subscribers.clear();
    }

    /** The synchronous observer of every {@link BusEvent}. Never throws into the producer. */
    void onEvent(@Observes BusEvent event) {
        try {
            publish(event);
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not publish %s for '%s'", event.type(), event.key());
        }
    }

    private void publish(BusEvent event) {
        List<Subscriber> toDrop = null;
        synchronized (lock) {
            long position = ++seq;
            Frame frame = new Frame(event.type(), position, writer.write(event, position));
            ring.addLast(frame);
            while (ring.size() > ringCapacity) {
                ring.removeFirst();
            }
            cards.track(event);
            catchUps.forEach(c -> c.track(event));
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.offer(frame)) {
                    if (toDrop == null) {
                        toDrop = new ArrayList<>();
                    }
                    toDrop.add(subscriber);
                }
            }
        }
        if (toDrop != null) {
            toDrop.forEach(this::drop);
        }
    }

    /**
     * Puts a card's last known payload into the snapshot without publishing anything: how the disk cache
     * makes the first page and the first snapshot after a restart complete.
     */
    public void seed(String key, JsonNode payload, double cachedAt, boolean isStale) {
        synchronized (lock) {
            cards.seed(key, payload, cachedAt, isStale);
        }
    }

    /**
     * A stream for one client. Replay-or-snapshot is decided and live delivery registered in one step under
     * the lock when the stream is subscribed, so no event falls between what is replayed and what is live.
     *
     * @param positions resume positions the client gave (query, header); unparsable ones are ignored
     * @param onDrop    what to do besides completing the stream when the client falls too far behind
     *                  (the HTTP layer closes the connection of a client that does not read at all)
     */
    public Multi<Frame> subscribe(List<String> positions, Runnable onDrop) {
        return subscribe(positions, onDrop, null);
    }

    /**
     * As {@link #subscribe(List, Runnable)}, delivering frames on {@code delivery} (the connection's own event
     * loop): the publisher then only queues a shared frame per subscriber, and formatting and writing happen
     * in parallel on the connections' threads instead of one after the other on the publishing thread.
     */
    public Multi<Frame> subscribe(List<String> positions, Runnable onDrop, Executor delivery) {
        long requested = StreamPosition.largest(positions);
        return Multi.createFrom().deferred(() -> {
            AtomicLong delivered = new AtomicLong();
            Multi<Frame> frames = Multi.createFrom().<Frame> emitter(emitter -> {
                Subscriber subscriber = new Subscriber(emitter, delivered, subscriberLimit, onDrop);
                emitter.onTermination(() -> {
                    subscriber.close();
                    subscribers.remove(subscriber);
                });
                synchronized (lock) {
                    subscriber.sendInitial(readyFrame());
                    if (covers(requested)) {
                        for (Frame frame : ring) {
                            if (frame.id() > requested) {
                                subscriber.sendInitial(frame);
                            }
                        }
                    } else {
                        subscriber.sendInitial(snapshotFrame());
                        catchUpFrames().forEach(subscriber::sendInitial);
                    }
                    subscribers.add(subscriber);
                    totalSubscriptions.incrementAndGet();
                }
            }, BackPressureStrategy.BUFFER);
            // Counted where the writer takes them, after the hop to the delivery thread.
            return (delivery == null ? frames : frames.emitOn(delivery)).onItem().invoke(frame -> delivered.incrementAndGet());
        });
    }

    /** True when every event after {@code position} is still in the ring and the position is of this start. */
    private boolean covers(long position) {
        if (position < bootSeq || position > seq) {
            return false;
        }
        long oldest = ring.isEmpty() ? seq + 1 : ring.peekFirst().id();
        return position >= oldest - 1;
    }

    private Frame readyFrame() {
        ObjectNode data = JSON.objectNode();
        data.put("instance_id", instanceId);
        ArrayNode keys = data.putArray("cache_keys");
        cards.keys().forEach(keys::add);
        return new Frame(EventTypes.SYS_READY, seq, writer.write(BusEvent.of(EventTypes.SYS_READY, "", data), seq));
    }

    private Frame snapshotFrame() {
        return new Frame(EventTypes.STATE_SNAPSHOT, seq,
                writer.write(BusEvent.of(EventTypes.STATE_SNAPSHOT, "", cards.snapshot()), seq));
    }

    /** Registers state a snapshot is followed by (see {@link CatchUp}). */
    public void addCatchUp(CatchUp catchUp) {
        catchUps.add(catchUp);
    }

    private List<Frame> catchUpFrames() {
        List<Frame> frames = new ArrayList<>();
        for (CatchUp catchUp : catchUps) {
            for (BusEvent event : catchUp.frames()) {
                frames.add(new Frame(event.type(), seq, writer.write(event, seq)));
            }
        }
        return frames;
    }

    /** The state a freshly rendered page starts from: what a snapshot frame would carry, at one position. */
    public SnapshotView snapshotView() {
        synchronized (lock) {
            return new SnapshotView(instanceId, seq, cards.snapshot());
        }
    }

    void heartbeat() {
        long idleSince = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(heartbeatMillis) / 2;
        List<Subscriber> toDrop = null;
        synchronized (lock) {
            if (subscribers.isEmpty()) {
                return;
            }
            Frame frame = new Frame(EventTypes.SYS_HEARTBEAT, Frame.NO_ID,
                    writer.write(BusEvent.of(EventTypes.SYS_HEARTBEAT, "", JSON.objectNode()), seq));
            for (Subscriber subscriber : subscribers) {
                if (subscriber.idleSince(idleSince) && !subscriber.offer(frame)) {
                    if (toDrop == null) {
                        toDrop = new ArrayList<>();
                    }
                    toDrop.add(subscriber);
                }
            }
        }
        if (toDrop != null) {
            toDrop.forEach(this::drop);
        }
    }

    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            droppedSubscribers.incrementAndGet();
            Log.debugf("Dropped a subscriber that fell %d frames behind", subscriberLimit);
            subscriber.drop();
        }
    }

    public BusStats stats() {
        synchronized (lock) {
            return new BusStats(instanceId, seq, subscribers.size(), ring.size(), ringCapacity, subscriberLimit,
                    droppedSubscribers.get(), totalSubscriptions.get(), cards.size(), cards.staleCount());
        }
    }

    public String instanceId() {
        return instanceId;
    }
}
