package dev.controlplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cache.CacheLifecycle;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Tells the cache's start-up when the first dashboard page has been written, so that the background warm-up
 * starts after it instead of competing with it for the cores (see {@link CacheLifecycle}). After that one page
 * this filter only reads a flag.
 */
@ApplicationScoped
public class FirstPageSignal {
    private final CacheLifecycle lifecycle;
    private volatile boolean signalled;

    public FirstPageSignal(CacheLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void register(@Observes Filters filters) {
        // Below the request guards: a request they refuse never reaches this filter and is no first page.
        filters.register(this::watch, 100);
    }

    private void watch(RoutingContext rc) {
        if (!signalled && rc.request().method() == HttpMethod.GET && "/".equals(rc.normalizedPath())) {
            rc.addEndHandler(result -> {
                if (result.succeeded() && rc.response().getStatusCode() == 200) {
                    signalled = true;
                    lifecycle.firstPageServed();
                }
            });
        }
        rc.next();
    }
}
