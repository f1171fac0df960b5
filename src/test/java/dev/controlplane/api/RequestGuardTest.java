package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.controlplane.testing.SampleProjectResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** One test per rule of the request guard: Host allow-list, intent for state changes, headers, no CORS. */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class RequestGuardTest {
    private static final String BUST = "/api/devops/cache/bust";

    @TestHTTPResource("/")
    URL base;

    /** Every kind of route, the stream and unknown paths included. */
    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/events", "/api/cards", "/api/cards/docs", "/api/events/stats", "/app.js",
            "/app.css", "/q/dev-ui", "/no/such/route" })
    void aForeignHostIsRefusedEverywhere(String path) {
        for (String host : List.of("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil",
                "[::2]", "10.0.0.1")) {
            given().header("Host", host).get(path).then().statusCode(403).contentType(ContentType.JSON)
                    .body("error", containsString("host not allowed"));
        }
        // A Host that is not even well-formed never reaches a route either.
        int status = given().header("Host", "localhost:abc").get(path).statusCode();
        assertTrue(status == 400 || status == 403, "malformed Host answered " + status);
    }

    @Test
    void localHostNamesAreAcceptedWithAnyPort() {
        for (String host : List.of("localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:1234", "[::1]", "[::1]:80",
                "LOCALHOST:8000")) {
            given().header("Host", host).get("/api/events/stats").then().statusCode(200);
        }
    }

    @Test
    void aRequestWithoutHostIsRefused() throws IOException {
        String answer = raw("GET /api/events/stats HTTP/1.0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.0 403") || answer.startsWith("HTTP/1.1 403"), answer);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(200), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void stateChangesNeedTheDashboardsOriginOrTheIntentHeader() {
        String own = "http://localhost:" + base.getPort();
        // cross-site, sandboxed (Origin: null), and no Origin without the header: refused
        given().header("Origin", "http://evil.example").contentType(ContentType.JSON).body("{\"card\":\"docs\"}")
                .post(BUST).then().statusCode(403).body("error", containsString("cross-site"));
        given().header("Origin", "null").contentType(ContentType.JSON).body("{\"card\":\"docs\"}").post(BUST).then()
                .statusCode(403);
        given().header("Origin", "http://evil.example").header("X-Control-Plane", "1").contentType(ContentType.JSON)
                .body("{\"card\":\"docs\"}").post(BUST).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"card\":\"docs\"}").post(BUST).then().statusCode(403)
                .body("error", containsString("X-Control-Plane"));
        given().header("X-Control-Plane", "0").contentType(ContentType.JSON).body("{\"card\":\"docs\"}").post(BUST)
                .then().statusCode(403);
        // the dashboard's own origin (what the page sends), and a script with the header: accepted
        given().header("Host", "localhost:" + base.getPort()).header("Origin", own).contentType(ContentType.JSON)
                .body("{\"card\":\"docs\"}").post(BUST).then().statusCode(200);
        given().header("X-Control-Plane", "1").contentType(ContentType.JSON).body("{\"card\":\"docs\"}").post(BUST)
                .then().statusCode(200);
        // PUT and DELETE follow the same rule; so does a GET that forces a recompute
        given().contentType(ContentType.JSON).body("{\"docs\":\"auto\"}").put("/api/devops/prefs").then()
                .statusCode(403);
        given().delete("/api/devops/prefs").then().statusCode(403);
        given().header("Origin", "http://evil.example").get("/api/cards/docs?bust=1").then().statusCode(403);
        given().get("/api/cards/docs?bust=1").then().statusCode(403);
        // reads need nothing
        given().header("Origin", "http://evil.example").get("/api/cards/docs").then().statusCode(200);
    }

    @Test
    void noCorsHeaderIsEverSent() {
        Response preflight = given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").options(BUST);
        assertNull(preflight.getHeader("Access-Control-Allow-Origin"));
        assertNull(preflight.getHeader("Access-Control-Allow-Credentials"));
        Response read = given().header("Origin", "http://evil.example").get("/api/cards");
        assertNull(read.getHeader("Access-Control-Allow-Origin"));
    }

    @Test
    void thePageCarriesTheSecurityHeaders() {
        Response page = given().get("/");
        assertEquals(200, page.statusCode());
        String csp = page.getHeader("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", page.getHeader("Referrer-Policy"));
        // the page has no inline script that would need 'unsafe-inline': only data blocks and files
        String html = page.asString();
        assertFalse(html.matches("(?s).*<script(?![^>]*(src=|type=\"application/json\"))[^>]*>.*"), "inline script");
        assertFalse(html.contains(" style=\""), "inline style");
        // the stream has them too: a filter, not a response filter, sets them
        Response stream = given().header("Last-Event-ID", "x").get("/api/events/stats");
        assertEquals("nosniff", stream.getHeader("X-Content-Type-Options"));
    }
}
