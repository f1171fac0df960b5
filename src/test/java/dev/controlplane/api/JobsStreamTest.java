package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.testing.JobsProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.SseClient.Frame;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A job's output on the SSE stream: identical for every tab, complete across a reconnect, caught up mid-run. */
@QuarkusTest
@QuarkusTestResource(value = JobsProjectResource.class, restrictToAnnotatedClass = true)
class JobsStreamTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    static List<JsonNode> jobs() {
        try {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(given().get("/api/jobs").then().statusCode(200).extract().asString()).forEach(list::add);
            return list;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@code job:output} frames of job {@code id} until its {@code job:done}. */
    static List<JsonNode> outputUntilDone(SseClient client, String id) {
        List<JsonNode> outputs = new ArrayList<>();
        while (true) {
            Frame frame = client.next(120);
            if (!frame.key().equals(id)) {
                continue;
            }
            if (frame.event().equals("job:output")) {
                outputs.add(frame.json().get("data"));
            } else if (frame.event().equals("job:done")) {
                return outputs;
            }
        }
    }

    /** Every line of job {@code id} in stream order, checking the numbers are contiguous from 1. */
    static List<String> streamedLines(SseClient client, String id) {
        return joined(id, outputUntilDone(client, id));
    }

    @Test
    void twoClientsSeeIdenticalOutputWithEveryLine() {
        JobsApiTest.mode("lines 300 3");
        try (SseClient one = SseClient.connect(base.toString()); SseClient two = SseClient.connect(base.toString())) {
            String id = JobsApiTest.start("testing:run");
            Frame started = one.awaitType("job:started", id, 60);
            assertEquals("testing:run", started.json().at("/data/action").asText());
            assertEquals(id, started.json().at("/data/id").asText());

            List<JsonNode> first = outputUntilDone(one, id);
            List<JsonNode> second = outputUntilDone(two, id);

            assertEquals(first, second);
            List<String> lines = joined(id, first);
            assertTrue(lines.containsAll(numbered(300)), "missing lines");
            assertEquals(JobsApiTest.awaitDone(id).getInt("lines_total"), lines.size());
        }
    }

    private static List<String> joined(String id, List<JsonNode> outputs) {
        List<String> lines = new ArrayList<>();
        for (JsonNode output : outputs) {
            assertEquals(lines.size() + 1, output.get("from_line").asLong(), "a gap or repeat in job " + id);
            output.get("lines").forEach(line -> lines.add(line.asText()));
        }
        return lines;
    }

    private static List<String> numbered(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("line " + i);
        }
        return lines;
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsEveryLineExactlyOnce() {
        JobsApiTest.mode("lines 400 8");
        Map<Long, String> seen = new TreeMap<>();
        String lastId;
        String id;
        try (SseClient first = SseClient.connect(base.toString())) {
            id = JobsApiTest.start("testing:run");
            int outputs = 0;
            Frame frame;
            do {
                frame = first.next(60);
                if (frame.key().equals(id) && frame.event().equals("job:output")) {
                    record(seen, frame.json().get("data"));
                    outputs++;
                }
            } while (outputs < 3);
            lastId = frame.id();
        }
        // the run goes on while no client is connected
        int before = JobsApiTest.job(id).getInt("lines_total");
        while (JobsApiTest.job(id).getInt("lines_total") < before + 50) {
            JobsApiTest.sleep(20);
        }
        try (SseClient second = SseClient.connect(base.toString(), "", Map.of("Last-Event-ID", lastId))) {
            assertEquals("sys:ready", second.next(10).event());
            for (JsonNode output : outputUntilDone(second, id)) {
                record(seen, output);
            }
        }
        int total = JobsApiTest.awaitDone(id).getInt("lines_total");
        assertEquals(total, seen.size());
        assertEquals(1L, seen.keySet().iterator().next());
        assertTrue(seen.values().containsAll(numbered(400)));
    }

    /** Adds the lines of one frame by number, failing on a line number seen before. */
    private static void record(Map<Long, String> seen, JsonNode output) {
        long number = output.get("from_line").asLong();
        for (JsonNode line : output.get("lines")) {
            String before = seen.put(number, line.asText());
            assertEquals(null, before, "line " + number + " delivered twice");
            number++;
        }
    }

    @Test
    void aTabConnectingMidRunGetsTheJobAndItsLast200LinesRightAfterTheSnapshot() {
        JobsApiTest.mode("lines 600 4");
        String id = JobsApiTest.start("testing:run");
        while (JobsApiTest.job(id).getInt("lines_total") < 300) {
            JobsApiTest.sleep(20);
        }
        try (SseClient late = SseClient.connect(base.toString())) {
            assertEquals("sys:ready", late.next(10).event());
            Frame snapshot = late.next(10);
            assertEquals("state:snapshot", snapshot.event());
            Frame started = late.next(10);
            assertEquals("job:started", started.event());
            assertEquals(id, started.key());
            Frame catchUp = late.next(10);
            assertEquals("job:output", catchUp.event());
            assertEquals(snapshot.id(), catchUp.id());
            JsonNode data = catchUp.json().get("data");
            assertEquals(200, data.get("lines").size());
            long next = data.get("from_line").asLong() + 200;
            for (JsonNode output : outputUntilDone(late, id)) {
                assertEquals(next, output.get("from_line").asLong(), "the live frames go on where the catch-up ended");
                next += output.get("lines").size();
            }
            assertEquals(JobsApiTest.awaitDone(id).getInt("lines_total") + 1, next);
        }
    }
}
