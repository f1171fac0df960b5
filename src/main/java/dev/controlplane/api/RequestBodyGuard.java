package dev.controlplane.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses request bodies the API cannot use, with a JSON {@code {error}} like every other API error. Quarkus
 * enforces {@code quarkus.http.limits.max-body-size} itself, but answers with an empty 413, and it lets a body
 * without a {@code Content-Type} reach a JSON resource as if it were JSON. Runs after {@link RequestGuard}
 * (a refused Host or Origin is answered first) and before Quarkus's own size check.
 * <ul>
 * <li>an announced {@code Content-Length} over the limit: 413 at once, connection closed (the body is never
 * read);</li>
 * <li>a chunked body: read here with the same limit, so an oversized one fails with 413 through
 * {@link JsonFailureHandler};</li>
 * <li>a body without {@code Content-Type}: 415.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestBodyGuard {
    private final long limit;

    public RequestBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit.map(MemorySize::asLongValue).orElse(-1L);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        boolean chunked = encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
        long announced = parse(length);
        if (limit > 0 && announced > limit) {
            // The unread body would be taken for the next request on this connection: close it after answering.
            rc.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ignored -> request.connection().close());
            JsonFailureHandler.respond(rc, 413, tooLarge(limit));
            return;
        }
        if ((chunked || announced > 0) && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            JsonFailureHandler.respond(rc, 415, "unsupported content type: send application/json");
            return;
        }
        if (chunked && limit > 0) {
            BodyHandler.create(false).setBodyLimit(limit).handle(rc); // calls rc.next(), or fails with 413
            return;
        }
        rc.next();
    }

    static String tooLarge(long limit) {
        return "request body too large (the limit is " + (limit >= 1024 ? limit / 1024 + " KB" : limit + " bytes") + ")";
    }

    /** The announced length, or -1 when there is none (a malformed one is refused by the HTTP codec). */
    private static long parse(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
