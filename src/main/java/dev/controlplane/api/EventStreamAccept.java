package dev.controlplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets {@code Accept: text/event-stream} (what every EventSource sends) reach the event stream, whose declared type
 * is {@link EventsResource#STREAM_TYPE}: the stream writes pre-encoded SSE bytes through Quarkus REST's plain
 * streaming path, which is only taken for a type other than {@code text/event-stream}, and Quarkus REST answers 406
 * to an Accept that does not name the declared type. The response still says {@code Content-Type:
 * text/event-stream}. A Vert.x filter (before routing): only the stream's own path is touched.
 */
@ApplicationScoped
public class EventStreamAccept {

    void register(@Observes Filters filters) {
        // After RequestGuard (1000): a refused request never gets here.
        filters.register(this::accept, 900);
    }

    void accept(RoutingContext rc) {
        if ("/api/events".equals(rc.request().path())) {
            String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
            if (accept != null && accept.contains("text/event-stream") && !accept.contains(EventsResource.STREAM_TYPE)) {
                rc.request().headers().set(HttpHeaders.ACCEPT, accept + ", " + EventsResource.STREAM_TYPE);
            }
        }
        rc.next();
    }
}
