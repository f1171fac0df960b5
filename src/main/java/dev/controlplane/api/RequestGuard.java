package dev.controlplane.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards every route (API, page, stream, {@code /q/*} and 404s alike) before any resource runs — response
 * filters and exception mappers do not run on streamed responses, a Vert.x route filter does:
 * <ul>
 * <li>the {@code Host} must be one of the allowed local names (DNS rebinding: a hostile page that resolves its
 * own name to 127.0.0.1 still sends its own name as Host);</li>
 * <li>a state change (POST/PUT/DELETE/PATCH, or GET with {@code ?bust}) needs intent: an {@code Origin} equal
 * to the dashboard's own, or no Origin and {@code X-Control-Plane: 1} (non-browser clients);</li>
 * <li>every response carries the security headers; no CORS header is ever sent.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {
    static final String INTENT_HEADER = "X-Control-Plane";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH);

    private final Set<String> allowedHosts;

    public RequestGuard(ControlPlaneConfig config) {
        this.allowedHosts = config.security().allowedHosts().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Registered as a Vert.x filter: it runs on every route, before routing to a resource. */
    void register(@Observes Filters filters) {
        filters.register(this::guard, 1000);
    }

    void guard(RoutingContext rc) {
        var headers = rc.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CSP);

        String host = hostOf(rc);
        if (!hostAllowed(host)) {
            deny(rc, "host not allowed: this dashboard only answers to " + String.join(", ", allowedHosts));
            return;
        }
        if (changesState(rc)) {
            String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
            if (origin != null) {
                if (!origin.equalsIgnoreCase(ownOrigin(rc, host))) {
                    deny(rc, "cross-site request refused: Origin " + Flags.abbreviate(origin) + " is not this dashboard");
                    return;
                }
            } else if (!"1".equals(rc.request().getHeader(INTENT_HEADER))) {
                deny(rc, "state-changing request refused: send the header " + INTENT_HEADER + ": 1");
                return;
            }
        }
        rc.next();
    }

    /** The Host header, or the {@code :authority} of an HTTP/2 request (which has no Host header). */
    private static String hostOf(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.HOST);
        if (header != null) {
            return header;
        }
        HostAndPort authority = rc.request().authority();
        if (authority == null) {
            return null;
        }
        String name = authority.host();
        if (name.contains(":") && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        return authority.port() >= 0 ? name + ":" + authority.port() : name;
    }

    /** A Host header names an allowed host, with any port (the server may sit behind a port mapping). */
    boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            if (end < 0) {
                return false;
            }
            String rest = name.substring(end + 1);
            if (!rest.isEmpty() && !validPort(rest)) {
                return false;
            }
            name = name.substring(0, end + 1);
        } else {
            int colon = name.indexOf(':');
            if (colon >= 0) {
                if (!validPort(name.substring(colon))) {
                    return false;
                }
                name = name.substring(0, colon);
            }
        }
        return allowedHosts.contains(name);
    }

    private static boolean validPort(String suffix) {
        if (suffix.length() < 2 || suffix.length() > 6 || suffix.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < suffix.length(); i++) {
            if (!Character.isDigit(suffix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean changesState(RoutingContext rc) {
        if (STATE_CHANGING.contains(rc.request().method())) {
            return true;
        }
        List<String> bust = rc.queryParam("bust");
        return !bust.isEmpty() && bust.stream().anyMatch(v -> !v.isEmpty() && !"0".equals(v) && !"false".equalsIgnoreCase(v));
    }

    private static String ownOrigin(RoutingContext rc, String host) {
        String scheme = rc.request().isSSL() ? "https" : "http";
        return scheme + "://" + host.trim();
    }

    private static void deny(RoutingContext rc, String message) {
        rc.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
