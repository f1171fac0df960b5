package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Tab;
import dev.controlplane.testing.InProcessRegistry;
import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.SseClient.Frame;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The card API over HTTP on the sample project: registry, payloads, aliases, busts, prefs, activity. */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class CardsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;


    private static JsonNode getJson(String path) {
        return given().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().as(JsonNode.class);
    }

    @Test
    void theRegistryListsEveryCardWithItsContract() {
        JsonNode cards = getJson("/api/cards");
        List<String> keys = new ArrayList<>();
        for (JsonNode card : cards) {
            keys.add(card.get("key").asText());
            for (String field : List.of("key", "title", "description", "tab", "tabs", "peers", "dependents",
                    "watch_paths", "pref", "endpoint", "alias", "scopes")) {
                assertTrue(card.has(field), card.get("key") + " lacks " + field);
            }
            assertEquals("/api/cards/" + card.get("key").asText(), card.get("endpoint").asText());
        }
        assertEquals(new HashSet<>(keys).size(), keys.size(), "each card once: " + keys);
        // The peer graph both ways: each card is listed among its peers' dependents.
        for (JsonNode card : cards) {
            for (String peer : strings(card.get("peers"))) {
                assertTrue(strings(find(cards, peer).get("dependents")).contains(card.get("key").asText()),
                        peer + " lists " + card.get("key") + " as a dependent");
            }
        }
        // In the app's JVM: the listing is the registry, so adding a card touches no test but its own.
        InProcessRegistry.registry().ifPresent(registry -> theListingIsTheRegistry(registry, cards, keys));

        assertEquals("manual", find(cards, "audit:l2:quality").get("pref").asText(), "deep analysis is on demand");
        assertEquals("audit", find(cards, "audit:scores:enriched").get("tab").asText());
        JsonNode dns = find(cards, "dns");
        assertEquals("hidden", dns.get("pref").asText(), "dns is hidden by default");
        assertEquals("devops", find(cards, "testing").get("tab").asText());
        assertEquals("integrations", find(cards, "git").get("tab").asText());
        assertEquals("audit", find(cards, "audit:scores").get("tab").asText());
        assertTrue(find(cards, "testing").get("watch_paths").toString().contains("src/test/"));
        // One card on two tabs: tab is the first, tabs all of them.
        assertEquals("devops", find(cards, "k8s").get("tab").asText());
        assertEquals("[\"devops\",\"integrations\"]", find(cards, "k8s").get("tabs").toString());
        // The peer graph, both ways, and the watch paths a reader inherits from its peers.
        assertEquals("[\"k8s\",\"terraform\",\"dns\",\"git\",\"github\",\"ci\",\"docker\",\"pages\"]",
                find(cards, "project-status").get("peers").toString());
        assertEquals("[\"project-status\"]", dns.get("dependents").toString());
        assertEquals("[\"audit:scores\",\"audit:l2:risks\"]", find(cards, "docs").get("dependents").toString());
        assertTrue(find(cards, "audit:scores").get("watch_paths").toString().contains("README.md"));
        // The page draws a two-tab card in both panels.
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertEquals(2, page.split("data-card=\"k8s\"", -1).length - 1, "k8s on devops and integrations");
        assertEquals(1, page.split("data-card=\"docs\"", -1).length - 1);
    }

    private static void theListingIsTheRegistry(CardRegistry registry, JsonNode cards, List<String> keys) {
        assertEquals(registry.keys(), keys, "every registered card, once each, in the registry's order");
        for (Card card : registry.all()) {
            JsonNode listed = find(cards, card.key());
            assertEquals(card.title(), listed.get("title").asText(), card.key());
            assertEquals(card.description(), listed.get("description").asText(), card.key());
            assertEquals(card.tabs().stream().map(Tab::id).toList(), strings(listed.get("tabs")), card.key());
            assertEquals(card.alias(), listed.get("alias").asText(), card.key());
            assertEquals(new HashSet<>(card.scopes()), new HashSet<>(strings(listed.get("scopes"))), card.key());
            assertEquals(registry.graph().peers(card.key()), strings(listed.get("peers")), card.key());
            assertEquals(registry.graph().dependents(card.key()), strings(listed.get("dependents")), card.key());
            assertTrue(strings(listed.get("watch_paths")).containsAll(card.watchPaths()),
                    card.key() + " is stale with its own paths");
            assertTrue(List.of("auto", "manual", "hidden").contains(listed.get("pref").asText()), card.key());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static JsonNode find(JsonNode cards, String key) {
        for (JsonNode card : cards) {
            if (card.get("key").asText().equals(key)) {
                return card;
            }
        }
        throw new AssertionError("no card " + key);
    }

    @Test
    void cardsReportTheFixtureAndCarryCacheMetadata() {
        JsonNode testing = getJson("/api/cards/testing");
        assertEquals("2 tests", testing.get("summary").get("text").asText());
        JsonNode cache = testing.get("_cache");
        assertTrue(cache.get("computed_at").isNumber());
        assertTrue(cache.get("age_seconds").isNumber());
        JsonNode again = getJson("/api/cards/testing");
        assertTrue(again.get("_cache").get("fresh").asBoolean(), "a second request is served from the cache");
        assertEquals(cache.get("computed_at"), again.get("_cache").get("computed_at"));

        assertEquals("2 Dockerfiles", getJson("/api/cards/docker").get("summary").get("text").asText());
        assertEquals("2 resources", getJson("/api/cards/k8s").get("summary").get("text").asText());
        assertEquals("1 resource", getJson("/api/cards/terraform").get("summary").get("text").asText());
        assertEquals("1 workflow", getJson("/api/cards/ci").get("summary").get("text").asText());
        assertEquals("4 docs", getJson("/api/cards/docs").get("summary").get("text").asText());
        JsonNode git = getJson("/api/cards/git");
        assertFalse(git.get("available").asBoolean(), "the temp copy is not a repository");
    }

    @Test
    void everyAliasServesItsCard() {
        JsonNode cards = getJson("/api/cards");
        for (JsonNode card : cards) {
            JsonNode viaAlias = getJson(card.get("alias").asText());
            JsonNode canonical = getJson("/api/cards/" + card.get("key").asText());
            assertEquals(canonical.get("summary"), viaAlias.get("summary"), card.get("alias").asText());
        }
        Map<String, String> original = Map.of("/api/testing/status", "testing", "/api/docker/status", "docker",
                "/api/git/status", "git", "/api/security/posture-summary", "security",
                "/api/integrations/gh/status", "github", "/api/project/status", "project-status",
                "/api/audit/dependencies", "audit:deps", "/api/pages/segments", "pages", "/api/env/card-status", "env");
        original.forEach((alias, key) -> assertEquals(alias, find(cards, key).get("alias").asText()));
    }

    @Test
    void unknownCardsAndPathsAre404Json() {
        given().get("/api/cards/nope").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", containsString("unknown card 'nope'"));
        given().get("/api/nope/status").then().statusCode(404).contentType(ContentType.JSON).body("error", notNullValue());
        given().get("/api/cards/..%2F..%2Fetc%2Fpasswd").then().statusCode(404).contentType(ContentType.JSON);
        given().get("/api/cards/%2e%2e").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void forcingNeedsIntentAndRecomputes() {
        given().get("/api/cards/docs?bust=1").then().statusCode(403).contentType(ContentType.JSON)
                .body("error", containsString("X-Control-Plane"));
        given().header("Origin", "http://evil.example").header("X-Control-Plane", "1").get("/api/cards/docs?bust=1")
                .then().statusCode(403);
        JsonNode forced = given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=1").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertFalse(forced.get("_cache").get("fresh").asBoolean());
        given().get("/api/cards/docs?bust=0").then().statusCode(200).body("_cache.fresh", equalTo(true));
        given().header("X-Control-Plane", "1").get("/api/cards/docs?bust=maybe").then().statusCode(400)
                .body("error", containsString("bust"));
    }

    @Test
    void aComputationIsPublishedOnTheStream() {
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            given().header("X-Control-Plane", "1").get("/api/cards/quality?bust=1").then().statusCode(200);
            Frame miss = stream.awaitType("cache:miss", "quality", 10);
            assertEquals("forced", miss.json().get("data").get("reason").asText());
            Frame done = stream.awaitType("cache:done", "quality", 10);
            JsonNode envelope = done.json();
            assertTrue(envelope.get("duration_s").isNumber(), "duration_s is top-level");
            assertFalse(envelope.get("data").has("duration_s"));
            assertTrue(envelope.get("data").get("_cache").get("computed_at").isNumber());
            assertTrue(envelope.get("data").get("summary").get("text").asText().endsWith("tools"));
            given().get("/api/cards/quality").then().statusCode(200);
            Frame hit = stream.awaitType("cache:hit", "quality", 10);
            assertTrue(hit.json().get("data").get("age_seconds").isNumber());
        }
    }

    @Test
    void bustingACardCascadesRecomputesAndReportsProgress() {
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            JsonNode result = given().header("X-Control-Plane", "1").contentType(ContentType.JSON)
                    .body("{\"card\":\"docker\"}").post("/api/devops/cache/bust").then().statusCode(200)
                    .extract().as(JsonNode.class);
            assertEquals("docker", result.get("scope").asText());
            // Only cards that read docker are busted with it (git -> docker style cascades no read backs are gone).
            assertEquals("[\"docker\",\"project-status\"]", result.get("keys").toString());
            Frame bust = stream.awaitType("cache:bust", null, 5);
            assertEquals("docker", bust.json().get("data").get("scope").asText());
            assertEquals(result.get("keys"), bust.json().get("data").get("keys"));
            Frame warming = stream.awaitType("sys:warming", null, 5);
            assertEquals(2, warming.json().get("data").get("total").asInt());
            Frame warm = stream.awaitType("sys:warm", null, 30);
            assertEquals(2, warm.json().get("data").get("keys_computed").asInt());
            assertTrue(warm.json().get("duration_s").isNumber());
        }
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"card\":\"integrations\"}")
                .post("/api/devops/cache/bust").then().statusCode(200)
                .body("keys", hasItems("git", "github", "ci", "docker", "k8s", "terraform", "pages", "project-status"));
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"card\":\"audit:l2\"}")
                .post("/api/devops/cache/bust").then().statusCode(200)
                .body("keys", hasItems("audit:l2:structure", "audit:l2:quality", "audit:l2:repo", "audit:l2:risks",
                        "audit:scores:enriched"))
                .body("recomputing", hasItems("audit:l2:structure", "audit:scores:enriched"));
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"card\":\"nope\"}")
                .post("/api/devops/cache/bust").then().statusCode(400).body("error", containsString("nope"));
    }

    @Test
    void preferencesValidateAndAreAnnounced() throws Exception {
        JsonNode prefs = getJson("/api/devops/prefs");
        assertEquals("hidden", prefs.get("dns").asText());
        assertEquals(getJson("/api/cards").size(), prefs.size(), "one preference per card");
        try (SseClient stream = SseClient.connect(base.toString())) {
            stream.awaitType("state:snapshot", null, 5);
            given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"pages\":\"manual\"}")
                    .put("/api/devops/prefs").then().statusCode(200).body("pages", equalTo("manual"))
                    .body("testing", equalTo("auto"));
            Frame changed = stream.awaitType("prefs:changed", null, 5);
            assertEquals("manual", changed.json().get("data").get("pages").asText());
        }
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"pages\":\"sometimes\"}")
                .put("/api/devops/prefs").then().statusCode(400).body("key", equalTo("pages"))
                .body("error", containsString("pages"));
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"pages\":\"auto\"}")
                .put("/api/devops/prefs").then().statusCode(200);
    }

    @Test
    void theActivityLogListsComputations() throws Exception {
        given().header("X-Control-Plane", "1").get("/api/cards/env?bust=1").then().statusCode(200);
        JsonNode activity = getJson("/api/devops/activity");
        assertTrue(activity.isArray() && activity.size() > 0);
        JsonNode last = null;
        for (JsonNode entry : activity) {
            if (entry.get("card").asText().equals("env")) {
                last = entry;
            }
        }
        assertTrue(last != null);
        assertEquals("ok", last.get("status").asText());
        assertTrue(last.get("duration_s").isNumber());
        assertEquals(JSON.readTree("{\"text\":\"1 env file\",\"level\":\"ok\"}"), last.get("summary"));
    }
}
