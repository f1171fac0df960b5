package dev.controlplane.watch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.cache.CardCache;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventBus;
import dev.controlplane.testing.FakeGh;
import dev.controlplane.testing.SseClient;
import dev.controlplane.testing.SseClient.Frame;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The remote keys over the real server and stream, against the fake gh: polled only while a tab is connected,
 * published only when GitHub's answer changed, backing off while GitHub is unreachable, refreshed at once on a
 * branch switch, and never carrying a token. Ticks are triggered by calling the refresher, not by waiting.
 */
@QuarkusTest
@QuarkusTestResource(value = GhProjectResource.class, restrictToAnnotatedClass = true)
class RemoteRefresherTest {
    private static final AtomicInteger MARKERS = new AtomicInteger();

    @TestHTTPResource("/")
    URL base;

    @Inject
    RemoteRefresher refresher;

    @Inject
    EventBus bus;

    @Inject
    CardCache cache;

    @Inject
    Event<BusEvent> events;

    @BeforeEach
    void passing() {
        GhProjectResource.gh.scenario("passing");
        TestFiles.write(GhProjectResource.project.resolve(".git/HEAD"), "ref: refs/heads/feature-x\n");
    }

    /** Frames up to a marker published now: everything published before it has then been delivered. */
    private List<Frame> upToMarker(SseClient... clients) {
        int n = MARKERS.incrementAndGet();
        events.fire(BusEvent.of("test:marker", "", JsonNodeFactory.instance.objectNode().put("n", n)));
        List<Frame> all = new ArrayList<>();
        for (SseClient client : clients) {
            List<Frame> frames = new ArrayList<>();
            while (true) {
                Frame frame = client.next(30);
                if ("test:marker".equals(frame.event()) && frame.json().path("data").path("n").asInt() == n) {
                    break;
                }
                frames.add(frame);
            }
            all.addAll(frames);
        }
        return all;
    }

    private static long count(List<Frame> frames, String type, String key) {
        return frames.stream().filter(f -> type.equals(f.event()) && key.equals(f.key())).count();
    }

    private void awaitNoSubscribers() throws InterruptedException {
        for (int i = 0; i < 200 && bus.stats().subscribers() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, bus.stats().subscribers(), "no tab connected");
    }

    @Test
    void noPollWhileNoTabIsConnected() throws InterruptedException {
        awaitNoSubscribers();
        refresher.refreshNow(); // waits for a check a branch switch may have queued while a tab was still open
        for (int i = 0; i < 600 && List.of("gh-runs", "gh-pulls", "gh-workflows").stream().anyMatch(cache::computing); i++) {
            Thread.sleep(50); // a card request of an earlier test may still be asking gh
        }
        long before = GhProjectResource.gh.apiCalls();
        assertEquals(Set.of(), refresher.refreshNow());
        assertEquals(before, GhProjectResource.gh.apiCalls(), "nobody looking: GitHub is not asked");
    }

    @Test
    void aChangeBetweenTwoPollsReachesEveryTabExactlyOnce() {
        try (SseClient one = SseClient.connect(base.toString()); SseClient two = SseClient.connect(base.toString())) {
            one.awaitType("state:snapshot", null, 10);
            two.awaitType("state:snapshot", null, 10);
            refresher.refreshNow(); // the baseline (may or may not be new to this server)
            upToMarker(one, two);

            assertEquals(Set.of(), refresher.refreshNow(), "same answer: nothing changed");
            List<Frame> quiet = upToMarker(one, two);
            assertEquals(0, count(quiet, "cache:done", "gh-runs"), "an unchanged poll publishes nothing");
            assertEquals(0, count(quiet, "cache:miss", "gh-runs"), "a poll shows no spinner");

            GhProjectResource.gh.scenario("failing");
            assertTrue(refresher.refreshNow().contains("gh-runs"));
            List<Frame> firstTab = upToMarker(one);
            List<Frame> secondTab = upToMarker(two);
            assertEquals(1, count(firstTab, "cache:done", "gh-runs"));
            assertEquals(1, count(secondTab, "cache:done", "gh-runs"));
            Frame done = firstTab.stream().filter(f -> "cache:done".equals(f.event()) && "gh-runs".equals(f.key()))
                    .findFirst().orElseThrow();
            assertEquals("failing", done.json().path("data").path("summary").path("text").asText());

            // ci follows at once, from the cached runs (possibly before the poll ended).
            java.util.function.Predicate<Frame> ciFailing = f -> "cache:done".equals(f.event()) && "ci".equals(f.key())
                    && "failing".equals(f.json().path("data").path("summary").path("text").asText());
            Frame ci = firstTab.stream().filter(ciFailing).findFirst().orElseGet(() -> one.await(ciFailing, 30));
            assertEquals("https://github.com/acme/widgets/actions/runs/9106",
                    ci.json().path("data").path("live").path("runs").get(0).path("url").asText());
        }
    }

    @Test
    void networkErrorThenRecovery() {
        try (SseClient tab = SseClient.connect(base.toString())) {
            tab.awaitType("state:snapshot", null, 10);
            refresher.refreshNow();
            Duration interval = refresher.currentDelay();

            GhProjectResource.gh.scenario("offline");
            refresher.refreshNow();
            JsonPath offline = given().get("/api/gh/actions/runs").then().statusCode(200).extract().jsonPath();
            assertEquals("offline", offline.getString("state"));
            assertEquals("offline", offline.getString("summary.text"));
            assertEquals("degraded", offline.getString("summary.level"));
            assertTrue(refresher.currentDelay().compareTo(interval) > 0, "backs off while GitHub is unreachable");
            assertTrue(refresher.currentDelay().compareTo(Duration.ofMinutes(10)) <= 0);

            GhProjectResource.gh.scenario("passing");
            assertTrue(refresher.refreshNow().contains("gh-runs"));
            JsonPath back = given().get("/api/gh/actions/runs").then().statusCode(200).extract().jsonPath();
            assertEquals("ok", back.getString("state"));
            assertEquals("passing", back.getString("summary.text"));
            assertEquals(interval, refresher.currentDelay(), "a good answer resets the back-off");
        }
    }

    @Test
    void aBranchSwitchRefreshesAtOnce() {
        try (SseClient tab = SseClient.connect(base.toString())) {
            tab.awaitType("state:snapshot", null, 10);
            refresher.refreshNow();
            given().get("/api/cards/git").then().statusCode(200); // the git card's files are now watched
            upToMarker(tab);

            TestFiles.write(GhProjectResource.project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
            Frame done = tab.await(f -> "cache:done".equals(f.event()) && "gh-runs".equals(f.key()), 30);
            assertEquals("main", done.json().path("data").path("branch").asText());
        }
    }

    @Test
    void cardsAndAliasesServeTheLiveKeys() {
        JsonPath runs = given().get("/api/gh/actions/runs").then().statusCode(200).extract().jsonPath();
        assertEquals("feature-x", runs.getString("branch"));
        assertEquals("main", runs.getString("default_branch"));
        JsonPath pulls = given().get("/api/gh/pulls").then().statusCode(200).extract().jsonPath();
        assertEquals(2, pulls.getInt("total"));
        JsonPath workflows = given().get("/api/gh/actions/workflows").then().statusCode(200).extract().jsonPath();
        assertEquals(4, workflows.getInt("total"));
        JsonPath cards = given().get("/api/cards").then().statusCode(200).extract().jsonPath();
        assertTrue(cards.getList("key").containsAll(List.of("gh-runs", "gh-pulls", "gh-workflows")),
                cards.getList("key").toString());
    }

    @Test
    void notSignedInIsAStateNeverAnError() {
        GhProjectResource.gh.scenario("auth");
        JsonPath runs = given().header("X-Control-Plane", "1").get("/api/cards/gh-runs?bust=1").then().statusCode(200).extract().jsonPath();
        assertEquals("not_authenticated", runs.getString("state"));
        assertEquals("gh auth login", runs.getString("hint"));
        assertEquals("sign in", runs.getString("summary.text"));
    }

    @Test
    void noTokenInAnyResponseOrFrame() {
        try (SseClient tab = SseClient.connect(base.toString())) {
            tab.awaitType("state:snapshot", null, 10);
            List<String> bodies = new ArrayList<>();
            for (String scenario : List.of("passing", "auth")) {
                GhProjectResource.gh.scenario(scenario);
                refresher.refreshNow();
                for (String key : List.of("gh-runs", "gh-pulls", "gh-workflows", "github", "ci")) {
                    bodies.add(given().header("X-Control-Plane", "1").get("/api/cards/" + key + "?bust=1").then().statusCode(200).extract().asString());
                }
            }
            bodies.add(given().get("/api/cards").then().extract().asString());
            bodies.add(given().get("/").then().statusCode(200).extract().asString());
            upToMarker(tab).forEach(frame -> bodies.add(frame.data()));
            try (SseClient late = SseClient.connect(base.toString())) {
                bodies.add(late.awaitType("state:snapshot", null, 10).data());
            }
            assertTrue(GhProjectResource.gh.calls().stream().anyMatch(c -> c.startsWith("auth status")),
                    "the fake printed its token at least once");
            for (String body : bodies) {
                assertFalse(body.contains(FakeGh.TOKEN), "a token reached a response or frame");
                assertFalse(body.contains("gho_"), body);
            }
        }
    }
}
