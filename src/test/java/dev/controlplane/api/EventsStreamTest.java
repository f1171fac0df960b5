package dev.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventBus;
import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.SseClient.Frame;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The SSE stream over real HTTP: first frames, replay, snapshot fallback, fan-out, heartbeats, cleanup. */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class EventsStreamTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    Event<BusEvent> events;

    @Inject
    EventBus bus;

    private void publish(String type, int n) {
        events.fire(BusEvent.of(type, "", JsonNodeFactory.instance.objectNode().put("n", n)));
    }

    @Test
    void firstFramesAreReadyThenSnapshotAndArriveOnAnEndlessStream() {
        try (SseClient client = SseClient.connect(base.toString())) {
            assertEquals(200, client.response().statusCode());
            assertEquals("no-cache", client.response().headers().firstValue("Cache-Control").orElse(null));
            assertEquals("no", client.response().headers().firstValue("X-Accel-Buffering").orElse(null));
            assertTrue(client.response().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertTrue(client.response().headers().firstValue("Content-Encoding").isEmpty(), "never compressed");
            Frame ready = client.next(5);
            assertEquals("sys:ready", ready.event());
            JsonNode envelope = ready.json();
            assertEquals(1, envelope.get("v").asInt());
            assertEquals(bus.instanceId(), envelope.get("data").get("instance_id").asText());
            assertTrue(envelope.get("data").get("cache_keys").isArray());
            assertTrue(envelope.get("ts").isNumber());
            assertEquals(ready.id(), envelope.get("seq").asText(), "id: is the position");
            Frame snapshot = client.next(5);
            assertEquals("state:snapshot", snapshot.event());
            assertEquals(ready.id(), snapshot.id());
            assertTrue(snapshot.json().get("data").isObject());
            assertFalse(client.ended());
        }
    }

    @Test
    void resumesAfterLastEventIdWithoutGapOrDuplicate() {
        String position;
        try (SseClient first = SseClient.connect(base.toString())) {
            position = first.next(5).id();
        }
        publish("test:replay", 1);
        publish("test:replay", 2);
        publish("test:replay", 3);
        try (SseClient resumed = SseClient.connect(base.toString(), "", Map.of("Last-Event-ID", position))) {
            Frame ready = resumed.next(5);
            assertEquals("sys:ready", ready.event());
            List<Frame> replayed = List.of(resumed.next(5), resumed.next(5), resumed.next(5));
            assertEquals(List.of("test:replay", "test:replay", "test:replay"),
                    replayed.stream().map(Frame::event).toList());
            assertEquals(Long.parseLong(position) + 1, replayed.get(0).seq());
            assertEquals(List.of(1, 2, 3), replayed.stream().map(f -> f.json().get("data").get("n").asInt()).toList());
            assertEquals(Long.toString(replayed.get(2).seq()), ready.id(), "ready reflects the last published seq");
            publish("test:live", 4);
            Frame live = resumed.next(5);
            assertEquals("test:live", live.event());
            assertEquals(replayed.get(2).seq() + 1, live.seq());
        }
    }

    @Test
    void resumeUsesTheLargerOfSinceAndLastEventId() {
        long position = bus.stats().seq();
        publish("test:larger", 1);
        publish("test:larger", 2);
        try (SseClient client = SseClient.connect(base.toString(), "?since=" + (position + 1),
                Map.of("Last-Event-ID", Long.toString(position)))) {
            client.next(5);
            Frame replayed = client.next(5);
            assertEquals(position + 2, replayed.seq());
            assertEquals(2, replayed.json().get("data").get("n").asInt());
        }
    }

    @Test
    void unusablePositionsGetReadyAndSnapshotWith200() {
        long now = bus.stats().seq();
        for (String bad : new String[] { "0", "-5", "abc", "%20", "99999999999999999999999", Long.toString(now + 1000),
                "12", "1.5" }) {
            try (SseClient byQuery = SseClient.connect(base.toString(), "?since=" + bad, Map.of());
                    SseClient byHeader = SseClient.connect(base.toString(), "", Map.of("Last-Event-ID", bad))) {
                for (SseClient client : List.of(byQuery, byHeader)) {
                    assertEquals(200, client.response().statusCode(), bad);
                    assertEquals("sys:ready", client.next(5).event(), bad);
                    assertEquals("state:snapshot", client.next(5).event(), "position '" + bad + "'");
                }
            }
        }
    }

    @Test
    void evictedPositionGetsASnapshot() {
        long old = bus.stats().seq();
        for (int i = 0; i < bus.stats().bufferCapacity() + 5; i++) {
            publish("test:evict", i);
        }
        try (SseClient client = SseClient.connect(base.toString(), "?since=" + old, Map.of())) {
            client.next(5);
            assertEquals("state:snapshot", client.next(5).event());
        }
    }

    @Test
    void fiftyConcurrentClientsReceiveTheSameOrderedSequence() throws Exception {
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                SseClient client = SseClient.connect(base.toString());
                client.next(5);
                client.next(5);
                clients.add(client);
            }
            ExecutorService publishers = Executors.newFixedThreadPool(4);
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int producer = p;
                jobs.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        publish("test:fanout", producer * 100 + i);
                    }
                    return null;
                });
            }
            for (Future<Void> f : publishers.invokeAll(jobs)) {
                f.get();
            }
            publishers.shutdown();
            List<Long> reference = null;
            for (SseClient client : clients) {
                List<Long> seqs = new ArrayList<>();
                while (seqs.size() < 100) {
                    Frame frame = client.next(10);
                    if ("test:fanout".equals(frame.event())) {
                        seqs.add(frame.seq());
                    }
                }
                for (int i = 1; i < seqs.size(); i++) {
                    assertTrue(seqs.get(i) > seqs.get(i - 1), "strictly increasing");
                }
                if (reference == null) {
                    reference = seqs;
                } else {
                    assertEquals(reference, seqs, "every client sees the same sequence");
                }
            }
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    void heartbeatArrivesOnAnIdleStreamWithoutId() throws Exception {
        try (SseClient client = SseClient.connect(base.toString())) {
            client.next(5);
            Frame beat = client.nextHeartbeat(5);
            assertNull(beat.id(), "heartbeats carry no id line");
            assertEquals("sys:heartbeat", beat.json().get("type").asText());
            assertTrue(beat.json().get("data").isObject());
        }
    }

    @Test
    void clientsThatGoAwayAreUnsubscribed() throws Exception {
        int before = bus.stats().subscribers();
        // Raw sockets: connect, read the first frame, hang up. Repeated many times, nothing may leak.
        int cycles = Integer.getInteger("sse.cycles", 10_000);
        for (int i = 0; i < cycles; i++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                String received = "";
                while (!received.contains("event:sys:ready")) {
                    int n = in.read(buffer);
                    assertTrue(n > 0, "stream answered");
                    received += new String(buffer, 0, n, StandardCharsets.US_ASCII);
                }
            }
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (bus.stats().subscribers() > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        // At most as many as before: streams of earlier tests may still be closing when this one starts (seen on a
        // loaded machine: 33 before, 1 after), and those leaving is no leak of this test's connections.
        int after = bus.stats().subscribers();
        assertTrue(after <= before, "every closed connection was unsubscribed: " + before + " before, " + after + " after");
        assertTrue(bus.stats().totalSubscriptions() >= cycles);
    }

    @Test
    void statsReportTheBus() {
        JsonNode stats = io.restassured.RestAssured.given().get("/api/events/stats").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertNotNull(stats.get("subscribers"));
        assertEquals(bus.instanceId(), stats.get("instance_id").asText());
        assertTrue(stats.get("seq").asLong() > 0);
        assertTrue(stats.has("dropped_subscribers"));
        assertTrue(stats.has("buffer_size"));
        assertEquals(List.of("buffer_capacity", "buffer_size", "dropped_subscribers", "instance_id", "latest_keys",
                "seq", "stale_keys", "subscriber_buffer", "subscribers", "total_subscriptions"),
                iterator(stats.fieldNames()).stream().sorted().collect(Collectors.toList()));
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
