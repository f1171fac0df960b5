package dev.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;

/** A hit's body from stored bytes: the same JSON as the payload tree, with the data serialised once per entry. */
class CardBodiesTest {
    private static final double COMPUTED = 1_795_730_712.156241;

    /** Counts how often the data object of an entry itself is serialised. */
    private static final class CountingMapper extends ObjectMapper {
        final AtomicInteger dataWrites = new AtomicInteger();
        Object data;

        @Override
        public byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
            if (value == data) {
                dataWrites.incrementAndGet();
            }
            return super.writeValueAsBytes(value);
        }
    }

    private static CacheEntry entry(String key, ObjectNode data) {
        return new CacheEntry(key, data, COMPUTED, 0.25, 1, List.of("src"), null, null);
    }

    private static ObjectNode parse(ObjectMapper mapper, String json) throws Exception {
        return (ObjectNode) mapper.readTree(json);
    }

    @Test
    void aHitIsByteForByteThePayloadTree() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        CardBodies bodies = new CardBodies(mapper);
        List<String> shapes = List.of(
                "{}",
                "{\"summary\":{\"text\":\"2 tests\",\"ok\":true},\"items\":[1,2.5,null,\"x\"]}",
                "{\"text\":\"quotes \\\" and \\\\ and \\n and \\u00e9\\u2603 and </script>\"}",
                "{\"big\":12345678901234567890,\"neg\":-0.0,\"empty\":{},\"list\":[]}",
                // A card's own _cache field is replaced in place by the tree: the stored bytes must do the same.
                "{\"a\":1,\"_cache\":{\"old\":true},\"b\":2}");
        for (String shape : shapes) {
            CacheEntry entry = entry("k", parse(mapper, shape));
            for (double now : new double[] { COMPUTED, COMPUTED + 3.1415, COMPUTED + 86_400.5 }) {
                String expected = mapper.writeValueAsString(entry.payload(true, now));
                assertEquals(expected, new String(bodies.hit(entry, now), StandardCharsets.UTF_8), shape);
            }
        }
    }

    @Test
    void theDataIsSerialisedOncePerEntry() throws Exception {
        CountingMapper mapper = new CountingMapper();
        CardBodies bodies = new CardBodies(mapper);
        CacheEntry first = entry("docs", parse(mapper, "{\"summary\":{\"text\":\"4 docs\"}}"));
        mapper.data = first.data();
        for (int i = 0; i < 5; i++) {
            bodies.hit(first, COMPUTED + i);
        }
        assertEquals(1, mapper.dataWrites.get(), "five hits on one entry serialise its data once");

        // A recomputed card is a new entry: its data is written afresh, and replaces the old one's bytes.
        CacheEntry second = entry("docs", parse(mapper, "{\"summary\":{\"text\":\"5 docs\"}}"));
        mapper.data = second.data();
        String body = new String(bodies.hit(second, COMPUTED), StandardCharsets.UTF_8);
        assertEquals(mapper.writeValueAsString(second.payload(true, COMPUTED)), body);
        assertEquals(2, mapper.dataWrites.get(), "the new entry's data is written once more");
        assertEquals(1, bodies.storedCount(), "one stored body per card key");
    }
}
