package dev.controlplane.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.Vertx;

/** The bus on its own: ordering, replay, snapshots, stale markers, slow subscribers. */
class EventBusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    private static EventBus bus(int ring, int subscriberLimit) {
        return new EventBus(new EnvelopeWriter(JSON), vertx, ring, subscriberLimit, Duration.ofHours(1));
    }

    private static JsonNode json(Frame frame) throws Exception {
        return JSON.readTree(frame.json());
    }

    private static ObjectNode payload(String text) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("summary").put("text", text).put("level", "ok");
        data.putObject("_cache").put("computed_at", 1_700_000_000.5);
        return data;
    }

    private static AssertSubscriber<Frame> subscribe(EventBus bus, String position) {
        return bus.subscribe(position == null ? List.of() : List.of(position), () -> {
        }).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    @Test
    void sequenceStartsAtBootTimeInMicroseconds() {
        long before = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        EventBus bus = bus(10, 10);
        long after = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long seq = bus.stats().seq();
        assertTrue(seq >= before && seq <= after, "seq " + seq + " not within boot time micros");
        assertTrue(seq < (1L << 53), "seq must be exact as a JavaScript number");
        assertFalse(bus.instanceId().equals(bus(10, 10).instanceId()), "instance ids must differ between starts");
    }

    @Test
    void concurrentPublishersAreDeliveredInStrictSeqOrder() throws Exception {
        EventBus bus = bus(10_000, 10_000);
        AssertSubscriber<Frame> subscriber = subscribe(bus, null);
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    bus.onEvent(BusEvent.of("test:tick", "t" + thread, JsonNodeFactory.instance.objectNode().put("i", i)));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        subscriber.awaitItems(2 + threads * each, Duration.ofSeconds(10));
        List<Frame> frames = subscriber.getItems();
        assertEquals("sys:ready", frames.get(0).type());
        assertEquals("state:snapshot", frames.get(1).type());
        long previous = frames.get(1).id();
        int[] perThread = new int[threads];
        for (Frame frame : frames.subList(2, frames.size())) {
            assertEquals(previous + 1, frame.id(), "seq must increase by one without gaps");
            JsonNode envelope = json(frame);
            assertEquals(frame.id(), envelope.get("seq").asLong());
            int thread = Integer.parseInt(envelope.get("key").asText().substring(1));
            assertEquals(perThread[thread]++, envelope.get("data").get("i").asInt(), "per-producer order kept");
            previous = frame.id();
        }
    }

    @Test
    void replaysWhatTheRingStillHoldsAndSnapshotsOtherwise() throws Exception {
        EventBus bus = bus(5, 100);
        long boot = bus.stats().seq();
        for (int i = 1; i <= 10; i++) {
            bus.onEvent(BusEvent.of("test:n", "", JsonNodeFactory.instance.objectNode().put("n", i)));
        }
        // Events boot+6..boot+10 are in the ring: resuming after boot+5 replays exactly them.
        AssertSubscriber<Frame> replay = subscribe(bus, Long.toString(boot + 5));
        replay.awaitItems(6, Duration.ofSeconds(5));
        List<Frame> frames = replay.getItems();
        assertEquals("sys:ready", frames.get(0).type());
        assertEquals(boot + 10, frames.get(0).id(), "ready carries the current position");
        for (int i = 1; i <= 5; i++) {
            assertEquals(boot + 5 + i, frames.get(i).id());
        }
        // boot+4 needs event boot+5, which was evicted: snapshot.
        AssertSubscriber<Frame> evicted = subscribe(bus, Long.toString(boot + 4));
        evicted.awaitItems(2, Duration.ofSeconds(5));
        assertEquals("state:snapshot", evicted.getItems().get(1).type());
        assertEquals(boot + 10, evicted.getItems().get(1).id());
        // Current position: nothing to replay, no snapshot either.
        AssertSubscriber<Frame> current = subscribe(bus, Long.toString(boot + 10));
        current.awaitItems(1, Duration.ofSeconds(5));
        Thread.sleep(50);
        assertEquals(1, current.getItems().size());
        for (String bad : new String[] { "0", "-3", "abc", "", "99999999999999999999999", Long.toString(boot + 11),
                Long.toString(boot - 1000), "1e9", " 12", "١٢٣" }) {
            AssertSubscriber<Frame> s = subscribe(bus, bad);
            s.awaitItems(2, Duration.ofSeconds(5));
            assertEquals("state:snapshot", s.getItems().get(1).type(), "position '" + bad + "' must get a snapshot");
        }
    }

    @Test
    void resumeTakesTheLargestUsablePosition() {
        assertEquals(42, StreamPosition.largest(List.of("12", "42")));
        assertEquals(12, StreamPosition.largest(java.util.Arrays.asList("12", null, "x")));
        assertEquals(0, StreamPosition.largest(List.of("-1", "")));
    }

    @Test
    void snapshotHoldsLatestPayloadsStaleMarksAndForgetsBustedKeys() throws Exception {
        EventBus bus = bus(50, 50);
        bus.onEvent(BusEvent.of(EventTypes.CACHE_DONE, "a", payload("A")));
        bus.onEvent(BusEvent.of(EventTypes.CACHE_DONE, "b", payload("B")));
        bus.onEvent(BusEvent.of(EventTypes.STATE_STALE, "b", JsonNodeFactory.instance.objectNode()));
        bus.onEvent(BusEvent.of(EventTypes.CACHE_DONE, "c", payload("C")));
        bus.onEvent(BusEvent.of(EventTypes.CACHE_BUST, "", JsonNodeFactory.instance.objectNode().put("scope", "c")
                .set("keys", JsonNodeFactory.instance.arrayNode().add("c"))));

        JsonNode entries = bus.snapshotView().entries();
        assertEquals(2, entries.size());
        assertEquals("A", entries.get("a").get("data").get("summary").get("text").asText());
        assertFalse(entries.get("a").get("stale").asBoolean());
        assertTrue(entries.get("b").get("stale").asBoolean());
        assertEquals(1_700_000_000.5, entries.get("a").get("cached_at").asDouble(), 1e-6);
        assertTrue(entries.get("a").get("age_s").isNumber());

        AssertSubscriber<Frame> late = subscribe(bus, null);
        late.awaitItems(2, Duration.ofSeconds(5));
        JsonNode ready = json(late.getItems().get(0)).get("data");
        assertEquals(bus.instanceId(), ready.get("instance_id").asText());
        assertEquals("[\"a\",\"b\"]", ready.get("cache_keys").toString());
        JsonNode snapshot = json(late.getItems().get(1)).get("data");
        assertTrue(snapshot.get("b").get("stale").asBoolean(), "a late tab still learns the card is stale");

        bus.onEvent(BusEvent.of(EventTypes.CACHE_DONE, "b", payload("B2")));
        assertFalse(bus.snapshotView().entries().get("b").get("stale").asBoolean(), "a recompute clears stale");
    }

    @Test
    void aSubscriberThatDoesNotReadIsDroppedWithoutBlockingOthers() {
        EventBus bus = bus(1000, 10);
        AtomicInteger drops = new AtomicInteger();
        AssertSubscriber<Frame> stuck = bus.subscribe(List.of(), drops::incrementAndGet).subscribe()
                .withSubscriber(AssertSubscriber.create(2)); // takes ready + snapshot, then never more
        AssertSubscriber<Frame> healthy = subscribe(bus, null);
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            bus.onEvent(BusEvent.of("test:n", "", JsonNodeFactory.instance.objectNode().put("n", i)));
        }
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "publishing never blocks");
        assertEquals(1, drops.get(), "the stuck subscriber is dropped once");
        assertEquals(1, bus.stats().droppedSubscribers());
        assertEquals(1, bus.stats().subscribers());
        healthy.awaitItems(102, Duration.ofSeconds(5));
        assertEquals(2, stuck.getItems().size());
    }

    @Test
    void initialReplayDoesNotCountAgainstTheLiveLimit() {
        EventBus bus = bus(100, 5);
        long boot = bus.stats().seq();
        for (int i = 0; i < 50; i++) {
            bus.onEvent(BusEvent.of("test:n", "", JsonNodeFactory.instance.objectNode()));
        }
        AtomicInteger drops = new AtomicInteger();
        AssertSubscriber<Frame> s = bus.subscribe(List.of(Long.toString(boot)), drops::incrementAndGet).subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        s.awaitItems(51, Duration.ofSeconds(5));
        assertEquals(0, drops.get());
    }

    @Test
    void heartbeatsGoOnlyToIdleSubscribersAndConsumeNoSeq() throws Exception {
        EventBus bus = bus(10, 10);
        AssertSubscriber<Frame> s = subscribe(bus, null);
        s.awaitItems(2, Duration.ofSeconds(5));
        long seq = bus.stats().seq();
        Thread.sleep(5);
        bus.heartbeat();
        // the heartbeat interval is an hour, so "idle" means "no frame in the last half hour": nothing yet
        assertEquals(2, s.getItems().size());
        EventBus quick = new EventBus(new EnvelopeWriter(JSON), vertx, 10, 10, Duration.ofMillis(2));
        AssertSubscriber<Frame> q = subscribe(quick, null);
        q.awaitItems(2, Duration.ofSeconds(5));
        Thread.sleep(10);
        quick.heartbeat();
        q.awaitItems(3, Duration.ofSeconds(5));
        Frame beat = q.getItems().get(2);
        assertEquals("sys:heartbeat", beat.type());
        assertFalse(beat.hasId(), "heartbeats carry no id");
        assertEquals(seq, bus.stats().seq());
        assertEquals(quick.stats().seq(), json(beat).get("seq").asLong());
    }

    @Test
    void publishingNeverThrowsIntoTheProducer() {
        EventBus bus = bus(10, 10);
        ObjectNode cyclicLooking = JsonNodeFactory.instance.objectNode();
        cyclicLooking.putPOJO("bad", new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        });
        bus.onEvent(BusEvent.of("test:bad", "", cyclicLooking));
        bus.onEvent(BusEvent.of("test:good", "", JsonNodeFactory.instance.objectNode()));
        List<Frame> after = new ArrayList<>();
        AssertSubscriber<Frame> s = subscribe(bus, Long.toString(bus.stats().seq() - 1));
        s.awaitItems(2, Duration.ofSeconds(5));
        after.addAll(s.getItems());
        assertEquals("test:good", after.get(1).type());
    }
}
