package dev.controlplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors raised by Vert.x itself, before any resource runs (413 body too large, and anything that escapes a
 * handler), come back as {@code {error}} JSON like every other API error: never an empty body, never a
 * stack trace.
 */
@ApplicationScoped
public class JsonFailureHandler {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            if (rc.failure() != null) {
                Log.debugf("Failure after the response started: %s", rc.failure().toString());
            }
            return;
        }
        int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
        String message = switch (status) {
            case 400 -> "bad request";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large (the limit is 64 KB)";
            case 415 -> "unsupported content type: send application/json";
            default -> status >= 500 ? "internal error" : "request refused";
        };
        if (status >= 500 && rc.failure() != null) {
            Log.errorf(rc.failure(), "Unhandled failure on %s", rc.normalizedPath());
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
