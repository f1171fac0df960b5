package dev.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseHeader;

import dev.controlplane.events.BusStats;
import dev.controlplane.events.EventBus;
import dev.controlplane.events.EventTypes;
import dev.controlplane.events.Frame;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The one stream every browser tab holds open. Positions are taken as strings: a malformed {@code since} or
 * {@code Last-Event-ID} must still get 200 and a snapshot, because an EventSource gives up for good on a 4xx.
 */
@Path("/api/events")
public class EventsResource {
    /** Reconnect hint sent with the first frame (browsers default to ~3 s). */
    static final long RETRY_MILLIS = 2000;
    /**
     * Declared type of the stream. Not {@code text/event-stream}: Quarkus REST would then wrap every item as an
     * SSE event of its own (formatting it per connection, one write and flush per frame). With any other type it
     * streams the items as they are, and the items here are already SSE bytes; the {@code Content-Type} header is
     * set to {@code text/event-stream} explicitly below.
     */
    static final String STREAM_TYPE = "text/event-stream+bytes";
    /** Frames a connection takes from the bus ahead of its writes (the rest waits, and counts, in the bus). */
    static final int BATCH_WINDOW = 64;

    private final EventBus bus;

    public EventsResource(EventBus bus) {
        this.bus = bus;
    }

    @GET
    @Produces(STREAM_TYPE)
    @ResponseHeader(name = "Content-Type", value = MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    public Multi<byte[]> stream(@QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context HttpServerRequest request) {
        List<String> positions = new ArrayList<>(2);
        positions.add(since);
        positions.add(lastEventId);
        // A client too far behind is cut off; one that does not read at all would otherwise hold the socket.
        Runnable disconnect = () -> cutOff(request);
        // sys:ready, then replay or state:snapshot, then live frames: decided by the bus under its lock.
        Multi<Frame> frames = bus.subscribe(positions, disconnect);
        // Batches are formed and written on this connection's own event loop, not on the publisher's thread.
        io.vertx.core.Context context = Vertx.currentContext();
        Executor loop = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return SseBatches.of(frames, loop, EventsResource::encode, BATCH_WINDOW);
    }

    /**
     * Closes the socket at once. Vert.x's own {@code close()} first flushes what is queued, which a client that
     * reads nothing never lets finish: the connection, its file descriptor and megabytes of send buffer would
     * stay until that client went away.
     */
    static void cutOff(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (connection instanceof ConnectionBase base && request.version() != HttpVersion.HTTP_2) {
            base.channel().close();
        } else if (connection != null) {
            // HTTP/2 multiplexes other streams on the connection: end only this one.
            request.response().reset();
        }
    }

    /**
     * A frame's SSE bytes. Shared frames are encoded once for every connection; only the first frame of a
     * connection ({@code sys:ready}, built for it alone) carries the {@code retry:} hint.
     */
    private static byte[] encode(Frame frame) {
        return EventTypes.SYS_READY.equals(frame.type()) ? frame.encode(RETRY_MILLIS) : frame.wire();
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    public BusStats stats() {
        return bus.stats();
    }
}
