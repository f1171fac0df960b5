package dev.controlplane.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.reliability.RawHttp.BodyMode;
import dev.controlplane.reliability.RawHttp.Request;
import dev.controlplane.reliability.RawHttp.Response;
import dev.controlplane.reliability.RawHttp.StreamStart;
import dev.controlplane.testing.SampleProjectResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile and broken requests, one table row each. Every row but the stream positions must get a clear 4xx
 * {@code {error}} in JSON, never a 500, never a stack trace, never an HTML page; stream positions must get 200
 * with {@code sys:ready} + {@code state:snapshot} (an EventSource gives up for good on a 4xx). After every
 * row the server still answers {@code GET /api/events/stats}.
 *
 * <p>Requests go out over a raw socket ({@link RawHttp}) so they reach the server exactly as written. Rows
 * about a body or a flag carry {@code X-Control-Plane: 1}: they test the body, not the intent guard.
 */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class BadInputTest {
    private static final String SECTION = "Bad input";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text that only a leaked stack trace or exception dump would contain. */
    private static final List<String> TRACE_MARKERS = List.of("at dev.", "at io.", "at java.", "at org.",
            "Exception:", "\tat ", "Caused by", ".java:");
    private static final String INTENT = "X-Control-Plane";

    @TestHTTPResource("/")
    URL base;

    private RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(base.getHost(), base.getPort());
    }

    /**
     * One hostile request and the status it must get. {@code bare} is non-null for the few requests the HTTP
     * layer refuses before any handler of the app runs (so no JSON body is possible): it says why.
     */
    record Case(String id, String what, Request request, int status, Consumer<RawHttp> after, String bare) {
    }

    // ---------------------------------------------------------------- the table

    static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        String tenKb = "a".repeat(10 * 1024);
        String tooLong = "x".repeat(70 * 1024);

        // Unknown and path-like card keys: never a file read, never a 500.
        add(cases, "key-unknown", "unknown card key", get("/api/cards/nope"), 404);
        add(cases, "key-wrong-case", "card key in upper case", get("/api/cards/DOCS"), 404);
        add(cases, "key-dotdot-encoded", "key ..%2F..%2Fetc%2Fpasswd", get("/api/cards/..%2F..%2Fetc%2Fpasswd"), 404);
        add(cases, "key-dotdot-percent", "key %2e%2e", get("/api/cards/%2e%2e"), 404);
        add(cases, "key-dotdot-percent-slash", "key %2e%2e%2f%2e%2e%2fetc%2fpasswd",
                get("/api/cards/%2e%2e%2f%2e%2e%2fetc%2fpasswd"), 404);
        add(cases, "key-dotdot-raw", "raw ../../etc/passwd after the cards path (not normalised by the client)",
                get("/api/cards/../../etc/passwd"), 404);
        add(cases, "key-encoded-slash", "key docs%2F..%2Fgit", get("/api/cards/docs%2F..%2Fgit"), 404);
        add(cases, "key-nul", "key with an encoded NUL (docs%00)", get("/api/cards/docs%00"), 404);
        add(cases, "key-nul-dotdot", "key %00../../etc/passwd", get("/api/cards/%00..%2F..%2Fetc%2Fpasswd"), 404);
        add(cases, "key-control-chars", "key of control characters %01%1b%7f", get("/api/cards/%01%1b%7f"), 404);
        add(cases, "key-invalid-utf8", "key of invalid UTF-8 %ff%fe", get("/api/cards/%ff%fe"), 404);
        add(cases, "key-10kb", "10 KB card key", get("/api/cards/" + tenKb), 404);
        bare(cases, "key-bad-escape", "key '%' (a broken percent escape)", get("/api/cards/%"), 400, QUARKUS_URI_CHECK);
        bare(cases, "key-bad-escape-hex", "key '%zz' (not hex)", get("/api/cards/%zz"), 400, QUARKUS_URI_CHECK);
        bare(cases, "key-20kb", "20 KB card key (request line over the 16 KB limit)", get("/api/cards/" + tenKb + tenKb),
                414, "Netty's HTTP codec refuses a request line over quarkus.http.limits.max-initial-line-length "
                        + "(16 KB) before Vert.x routes it");
        add(cases, "alias-unknown", "unknown alias /api/nope/status", get("/api/nope/status"), 404);
        add(cases, "alias-dotdot", "alias path /api/%2e%2e/cards/docs", get("/api/%2e%2e/cards/docs"), 404);

        // Strict flags: a typo is an error, not a silent "no".
        add(cases, "bust-maybe", "?bust=maybe", get("/api/cards/docs?bust=maybe").header(INTENT, "1"), 400);
        add(cases, "bust-2", "?bust=2", get("/api/cards/docs?bust=2").header(INTENT, "1"), 400);
        add(cases, "bust-alias-maybe", "?bust=maybe on an alias", get("/api/git/status?bust=maybe").header(INTENT, "1"),
                400);
        add(cases, "bust-long", "?bust= 2 KB of junk", get("/api/cards/docs?bust=" + "j".repeat(2048)).header(INTENT, "1"),
                400);

        // Bodies of POST /api/devops/cache/bust.
        add(cases, "body-oversized-length", "70 KB body (Content-Length, limit 64 KB)",
                bust(tooLong).mode(BodyMode.HEADERS_FIRST).header("Content-Length", Integer.toString(tooLong.length())),
                413);
        add(cases, "body-oversized-chunked", "70 KB body, chunked (no Content-Length)",
                bust("{\"card\":\"" + tooLong + "\"}").mode(BodyMode.CHUNKED), 413);
        add(cases, "body-length-lie", "Content-Length: 99999999 with a 2-byte body",
                bust("{}").mode(BodyMode.HEADERS_FIRST).header("Content-Length", "99999999"), 413);
        add(cases, "body-malformed", "malformed JSON {bad", bust("{bad"), 400);
        add(cases, "body-truncated", "truncated JSON {\"card\":", bust("{\"card\":"), 400);
        add(cases, "body-trailing-garbage", "JSON followed by garbage", bust("{\"card\":\"docs\"} trailing"), 400);
        add(cases, "body-two-documents", "two JSON documents in one body", bust("{\"card\":\"docs\"}{\"card\":\"all\"}"),
                400);
        add(cases, "body-deep-nesting", "JSON nested 5,000 deep",
                bust("{\"card\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400);
        add(cases, "body-invalid-utf8", "invalid UTF-8 bytes in the JSON",
                bust(new byte[] {'{', '"', 'c', 'a', 'r', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}), 400);
        add(cases, "body-array", "a JSON array instead of an object", bust("[\"all\"]"), 400);
        add(cases, "body-string", "a JSON string instead of an object", bust("\"all\""), 400);
        add(cases, "body-number", "a JSON number instead of an object", bust("42"), 400);
        add(cases, "body-card-number", "{\"card\": 5}", bust("{\"card\":5}"), 400);
        add(cases, "body-card-empty", "{\"card\": \"\"}", bust("{\"card\":\"\"}"), 400);
        add(cases, "body-card-array", "{\"card\": [\"all\"]}", bust("{\"card\":[\"all\"]}"), 400);
        add(cases, "body-huge-number", "{\"card\": 1e999999}", bust("{\"card\":1e999999}"), 400);
        add(cases, "bust-unknown-target", "unknown bust target {\"card\":\"nope\"}", bust("{\"card\":\"nope\"}"), 400);
        add(cases, "bust-path-target", "bust target ../../etc/passwd", bust("{\"card\":\"../../etc/passwd\"}"), 400);
        add(cases, "bust-60kb-target", "bust target of 60 KB (under the body limit)",
                bust("{\"card\":\"" + "t".repeat(60 * 1024) + "\"}"), 400);

        // Content types.
        add(cases, "ctype-text", "Content-Type: text/plain", post("/api/devops/cache/bust", "text/plain", "{\"card\":\"docs\"}"),
                415);
        add(cases, "ctype-form", "Content-Type: application/x-www-form-urlencoded",
                post("/api/devops/cache/bust", "application/x-www-form-urlencoded", "card=docs"), 415);
        add(cases, "ctype-missing", "no Content-Type", post("/api/devops/cache/bust", null, "{\"card\":\"docs\"}"), 415);
        add(cases, "ctype-xml", "Content-Type: application/xml",
                post("/api/devops/cache/bust", "application/xml", "<card>docs</card>"), 415);
        add(cases, "ctype-multipart", "Content-Type: multipart/form-data",
                post("/api/devops/cache/bust", "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"card\"\r\n\r\ndocs\r\n--x--\r\n"), 415);
        add(cases, "ctype-prefs-text", "PUT prefs as text/plain", put("/api/devops/prefs", "text/plain", "{}"), 415);
        add(cases, "accept-html", "Accept: text/html on a card", get("/api/cards/docs").header("Accept", "text/html"), 406);
        add(cases, "accept-json-on-stream", "Accept: application/json on the SSE stream",
                get("/api/events").header("Accept", "application/json"), 406);

        // Preferences: values, keys and shapes. Validation is all-or-nothing.
        add(cases, "prefs-invalid-value", "prefs {docs: sometimes}", prefs("{\"docs\":\"sometimes\"}"), 400);
        add(cases, "prefs-upper-case", "prefs {docs: AUTO}", prefs("{\"docs\":\"AUTO\"}"), 400);
        add(cases, "prefs-null-value", "prefs {docs: null}", prefs("{\"docs\":null}"), 400);
        add(cases, "prefs-number-value", "prefs {docs: 1}", prefs("{\"docs\":1}"), 400);
        add(cases, "prefs-array-value", "prefs {docs: [auto]}", prefs("{\"docs\":[\"auto\"]}"), 400);
        add(cases, "prefs-object-value", "prefs {docs: {v: auto}}", prefs("{\"docs\":{\"v\":\"auto\"}}"), 400);
        add(cases, "prefs-unknown-key", "prefs for an unknown card", prefs("{\"nope\":\"auto\"}"), 400);
        add(cases, "prefs-path-key", "prefs key ../../etc/passwd", prefs("{\"../../etc/passwd\":\"auto\"}"), 400);
        add(cases, "prefs-empty-key", "prefs key \"\"", prefs("{\"\":\"auto\"}"), 400);
        add(cases, "prefs-10kb-key", "prefs key of 10 KB", prefs("{\"" + tenKb + "\":\"auto\"}"), 400);
        add(cases, "prefs-duplicate-key", "prefs with a duplicate key {docs: hidden, docs: auto}",
                prefs("{\"docs\":\"hidden\",\"docs\":\"auto\"}"), 400);
        add(cases, "prefs-array-body", "prefs body []", prefs("[]"), 400);
        add(cases, "prefs-string-body", "prefs body \"auto\"", prefs("\"auto\""), 400);
        add(cases, "prefs-null-body", "prefs body null", prefs("null"), 400);
        add(cases, "prefs-empty-body", "prefs with an empty body", prefs(""), 400);
        cases.put("prefs-partly-invalid", new Case("prefs-partly-invalid",
                "prefs {docs: hidden, git: bogus}: one bad entry", prefs("{\"docs\":\"hidden\",\"git\":\"bogus\"}"), 400,
                BadInputTest::docsPreferenceUnchanged, null));

        // Wrong methods.
        add(cases, "method-delete-card", "DELETE a card", request("DELETE", "/api/cards/docs").header(INTENT, "1"), 405);
        add(cases, "method-post-card", "POST to a card", post("/api/cards/docs", "application/json", "{}"), 405);
        add(cases, "method-put-stream", "PUT /api/events", put("/api/events", "application/json", "{}"), 405);
        add(cases, "method-get-bust", "GET /api/devops/cache/bust", get("/api/devops/cache/bust"), 405);
        add(cases, "method-patch-prefs", "PATCH /api/devops/prefs", request("PATCH", "/api/devops/prefs")
                .header(INTENT, "1").header("Content-Type", "application/json").body("{}"), 405);
        add(cases, "method-delete-prefs", "DELETE /api/devops/prefs",
                request("DELETE", "/api/devops/prefs").header(INTENT, "1"), 405);
        add(cases, "method-trace", "TRACE /", request("TRACE", "/"), 405);
        add(cases, "method-post-page", "POST / (the page)", post("/", "application/json", "{}"), 405);

        // Unknown routes, including attempts to read files through the static resource handler.
        add(cases, "route-unknown-api", "GET /api/nope", get("/api/nope"), 404);
        add(cases, "route-card-subpath", "GET /api/cards/docs/extra", get("/api/cards/docs/extra"), 404);
        add(cases, "route-events-subpath", "GET /api/events/nope", get("/api/events/nope"), 404);
        add(cases, "route-unknown-page", "GET /nope.html", get("/nope.html"), 404);
        add(cases, "route-q-health", "GET /q/health (no such extension)", get("/q/health"), 404);
        add(cases, "route-q-dev", "GET /q/dev (no dev UI in prod or test)", get("/q/dev"), 404);
        add(cases, "route-classpath-properties", "GET /application.properties", get("/application.properties"), 404);
        add(cases, "route-meta-inf", "GET /META-INF/resources/app.css", get("/META-INF/resources/app.css"), 404);
        add(cases, "route-static-dotdot", "GET /..%2f..%2fetc%2fpasswd", get("/..%2f..%2fetc%2fpasswd"), 404);
        add(cases, "route-static-dotdot-raw", "GET /app.css/../../../../etc/passwd (raw)",
                get("/app.css/../../../../etc/passwd"), 404);
        return cases;
    }

    static Stream<String> caseIds() {
        return cases().keySet().stream();
    }

    /** Why a URL that is not a valid URI gets a bare 400. */
    private static final String QUARKUS_URI_CHECK = "Quarkus validates the URI (java.net.URI) in its root handler, "
            + "before the router, filters and failure handlers, and ends the exchange with an empty 400";

    private static void add(Map<String, Case> cases, String id, String what, Request request, int status) {
        put(cases, new Case(id, what, request, status, null, null));
    }

    private static void bare(Map<String, Case> cases, String id, String what, Request request, int status, String why) {
        put(cases, new Case(id, what, request, status, null, why));
    }

    private static void put(Map<String, Case> cases, Case row) {
        if (cases.put(row.id(), row) != null) {
            throw new IllegalStateException("duplicate row " + row.id());
        }
    }

    private static Request request(String method, String target) {
        return RawHttp.request(method, target);
    }

    private static Request get(String target) {
        return request("GET", target).header("Accept", "application/json");
    }

    private static Request post(String target, String contentType, String body) {
        Request request = request("POST", target).header(INTENT, "1").body(body);
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private static Request put(String target, String contentType, String body) {
        Request request = request("PUT", target).header(INTENT, "1").body(body);
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private static Request bust(String body) {
        return post("/api/devops/cache/bust", "application/json", body);
    }

    private static Request bust(byte[] body) {
        return request("POST", "/api/devops/cache/bust").header(INTENT, "1").header("Content-Type", "application/json")
                .body(body);
    }

    private static Request prefs(String body) {
        return put("/api/devops/prefs", "application/json", body);
    }

    // ---------------------------------------------------------------- the checks

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseIds")
    void hostileRequestGetsAClear4xxJsonError(String id) {
        Case row = cases().get(id);
        Response response = http.send(row.request());
        String observed = describe(response);
        List<String> problems = problems(row, response);
        if (row.after() != null && problems.isEmpty()) {
            try {
                row.after().accept(http);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        boolean healthy = healthy();
        if (!healthy) {
            problems.add("GET /api/events/stats did not answer 200 afterwards");
        }
        String expected = row.bare() == null ? row.status() + " JSON {error}"
                : row.status() + ", no body possible: " + row.bare();
        ReliabilityRows.record(SECTION, "bad-input/" + id, row.what() + " — " + shown(row.request()), expected,
                observed + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)),
                "BadInputTest[" + id + "]", problems.isEmpty());
        if (!problems.isEmpty()) {
            fail(id + ": " + String.join("; ", problems) + " — response: " + response.statusLine() + " "
                    + ReliabilityRows.cell(response.text(), 300));
        }
    }

    private static List<String> problems(Case row, Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() != row.status()) {
            problems.add("status " + response.status() + ", expected " + row.status());
        }
        if (row.bare() != null) {
            if (response.body().length > 0) {
                problems.add("a refusal before routing now has a body: make this row a JSON row");
            }
            return problems;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("Content-Type " + type + ", expected application/json");
        }
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            problems.add("no X-Content-Type-Options: nosniff");
        }
        String text = response.text();
        for (String marker : TRACE_MARKERS) {
            if (text.contains(marker)) {
                problems.add("body contains stack-trace marker '" + marker.replace("\t", "\\t") + "'");
            }
        }
        try {
            JsonNode body = JSON.readTree(text);
            JsonNode error = body == null ? null : body.get("error");
            if (error == null || !error.isTextual() || error.asText().isBlank()) {
                problems.add("no 'error' string in the body");
            } else if (error.asText().length() > 300) {
                problems.add("error message of " + error.asText().length() + " characters (echoes the input?)");
            }
        } catch (IOException e) {
            problems.add("body is not JSON");
        }
        return problems;
    }

    /** The one bad entry must not let the good one through: validation happens before anything changes. */
    private static void docsPreferenceUnchanged(RawHttp http) {
        Response prefs = http.send(get("/api/devops/prefs"));
        assertEquals(200, prefs.status());
        try {
            assertEquals("auto", JSON.readTree(prefs.text()).path("docs").asText(),
                    "a rejected prefs update changed docs");
        } catch (IOException e) {
            throw new AssertionError("prefs are not JSON", e);
        }
    }

    private boolean healthy() {
        try {
            return http.send(get("/api/events/stats")).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- stream positions

    /** A stream position row: query string and/or Last-Event-ID. */
    record Position(String id, String what, String since, String lastEventId) {
    }

    static Map<String, Position> positions() {
        Map<String, Position> rows = new LinkedHashMap<>();
        position(rows, "since-letters", "?since=abc", "abc", null);
        position(rows, "since-negative", "?since=-1", "-1", null);
        position(rows, "since-long-min", "?since=Long.MIN_VALUE", Long.toString(Long.MIN_VALUE), null);
        position(rows, "since-zero", "?since=0", "0", null);
        position(rows, "since-overflow", "?since=99999999999999999999999 (over a long)", "99999999999999999999999", null);
        position(rows, "since-future", "?since=Long.MAX_VALUE (a position from the future)", Long.toString(Long.MAX_VALUE),
                null);
        position(rows, "since-old-instance", "?since=1000 (an old server start)", "1000", null);
        position(rows, "since-exponent", "?since=1e9", "1e9", null);
        position(rows, "since-hex", "?since=0x10", "0x10", null);
        position(rows, "since-decimal", "?since=12.5", "12.5", null);
        position(rows, "since-blank", "?since=%20%20", "  ", null);
        position(rows, "since-empty", "?since=", "", null);
        position(rows, "since-arabic-digits", "?since=١٢٣ (non-ASCII digits)", "١٢٣", null);
        position(rows, "since-10kb", "?since= 10 KB of digits", "9".repeat(10 * 1024), null);
        position(rows, "since-nul", "?since=%00", "\0", null);
        position(rows, "leid-letters", "Last-Event-ID: garbage", null, "garbage");
        position(rows, "leid-negative", "Last-Event-ID: -5", null, "-5");
        position(rows, "leid-overflow", "Last-Event-ID: 99999999999999999999999", null, "99999999999999999999999");
        position(rows, "leid-future", "Last-Event-ID: Long.MAX_VALUE", null, Long.toString(Long.MAX_VALUE));
        position(rows, "leid-json", "Last-Event-ID: {\"seq\":1}", null, "{\"seq\":1}");
        position(rows, "leid-4kb", "Last-Event-ID of 4 KB", null, "7".repeat(4096));
        position(rows, "both-bad", "?since=abc and Last-Event-ID: -1", "abc", "-1");
        return rows;
    }

    static Stream<String> positionIds() {
        return positions().keySet().stream();
    }

    private static void position(Map<String, Position> rows, String id, String what, String since, String lastEventId) {
        rows.put(id, new Position(id, what, since, lastEventId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positionIds")
    void badStreamPositionStillGetsReadyAndSnapshot(String id) {
        Position row = positions().get(id);
        String query = row.since() == null ? "" : "?since=" + URLEncoder.encode(row.since(), StandardCharsets.UTF_8);
        // As a browser's EventSource: HTTP/1.1, Accept: text/event-stream, the header only when resuming.
        Request request = request("GET", "/api/events" + query).header("Accept", "text/event-stream");
        if (row.lastEventId() != null) {
            request.header("Last-Event-ID", row.lastEventId());
        }
        StreamStart start = http.stream(request, 2, 10);
        List<String> problems = new ArrayList<>();
        if (start.status() != 200) {
            problems.add("status " + start.status());
        }
        if (!start.events().equals(List.of("sys:ready", "state:snapshot"))) {
            problems.add("first frames " + start.events());
        }
        if (!healthy()) {
            problems.add("GET /api/events/stats did not answer 200 afterwards");
        }
        String observed = start.status() + ", frames " + String.join(" + ", start.events());
        ReliabilityRows.record(SECTION, "stream/" + id, "stream position " + row.what(),
                "200, sys:ready + state:snapshot", observed, "BadInputTest[" + id + "]", problems.isEmpty());
        assertTrue(problems.isEmpty(), id + ": " + problems);
    }

    // ---------------------------------------------------------------- bookkeeping

    private static String describe(Response response) {
        String error;
        try {
            JsonNode body = JSON.readTree(response.text());
            error = body != null && body.has("error") ? "{error: \"" + ReliabilityRows.cell(body.get("error").asText(), 90)
                    + "\"}" : ReliabilityRows.cell(response.text(), 60);
        } catch (IOException e) {
            error = response.body().length == 0 ? "(empty body)" : "non-JSON: " + ReliabilityRows.cell(response.text(), 60);
        }
        return response.status() + " " + error;
    }

    /** The request line as shown in the report: long targets cut. */
    private static String shown(Request request) {
        return ReliabilityRows.cell(request.describe(), 70);
    }

    @AfterAll
    static void report() {
        ReliabilityReport.regenerate();
    }
}
