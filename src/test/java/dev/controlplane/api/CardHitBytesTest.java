package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.CardCache;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.testing.SampleProjectResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A hit is written from stored bytes ({@link CardBodies}): over HTTP, every card's body, on its canonical path
 * and its alias, must be byte for byte what the application's ObjectMapper writes for the payload tree. In the
 * app's JVM only (it reads the cache's entries), so not part of the packaged-app suite.
 */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class CardHitBytesTest {
    @Inject
    CardRegistry registry;

    @Inject
    CardCache cache;

    /** The application's own mapper: the one the API writes its JSON with. */
    @Inject
    ObjectMapper mapper;

    @Test
    void aHitIsTheSameJsonAsThePayloadTree() throws Exception {
        for (Card card : registry.all()) {
            given().get("/api/cards/" + card.key()).then().statusCode(200); // computed (or already a hit)
            for (String path : List.of("/api/cards/" + card.key(), card.alias())) {
                String body = given().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().asString();
                JsonNode served = mapper.readTree(body);
                assertTrue(served.path("_cache").path("fresh").asBoolean(), path + " is a hit");
                CacheEntry entry = cache.entry(card.key()).orElseThrow();
                ObjectNode expected = entry.payload(true);
                ((ObjectNode) expected.get("_cache")).set("age_seconds", served.get("_cache").get("age_seconds"));
                assertEquals(mapper.writeValueAsString(expected), body, path);
            }
        }
    }
}
