package dev.controlplane.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * Hooks for the benchmarks only, answering 404 unless {@code controlplane.bench.enabled=true}: a publisher
 * of {@code bench:tick} events at a given rate (each carrying its send time, so clients measure
 * publish-to-receive latency) and a heap reading after a GC (memory per subscriber).
 */
@Path("/api/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {
    private final boolean enabled;
    private final Event<BusEvent> events;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong published = new AtomicLong();

    public BenchResource(ControlPlaneConfig config, Event<BusEvent> events) {
        this.enabled = config.bench().enabled();
        this.events = events;
    }

    void stop(@Observes ShutdownEvent ignored) {
        publisher.shutdownNow();
    }

    /** Body {@code {"rate": events per second, "duration_s": seconds, "padding": bytes}}. */
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode publish(JsonNode body) {
        requireEnabled();
        int rate = Math.max(1, Math.min(100_000, body.path("rate").asInt(100)));
        double duration = Math.max(0.1, Math.min(3600, body.path("duration_s").asDouble(5)));
        String padding = "x".repeat(Math.max(0, Math.min(65_536, body.path("padding").asInt(0))));
        long total = Math.round(rate * duration);
        // Ticks every millisecond publish the events due by then, so high rates do not need sub-ms timers.
        long startNanos = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        publisher.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                long due = Math.min(total, (System.nanoTime() - startNanos) * rate / 1_000_000_000L + 1);
                while (sent.get() < due) {
                    long i = sent.incrementAndGet();
                    ObjectNode data = JsonNodeFactory.instance.objectNode();
                    data.put("i", i);
                    data.put("sent_us", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
                    if (!padding.isEmpty()) {
                        data.put("pad", padding);
                    }
                    events.fire(BusEvent.of("bench:tick", "", data));
                    published.incrementAndGet();
                }
                if (sent.get() >= total) {
                    throw new IllegalStateException("done"); // ends this periodic task
                }
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("rate", rate);
        answer.put("total", total);
        return answer;
    }

    /** Used heap after a full GC, and the count of benchmark events published so far. */
    @GET
    @Path("/memory")
    public ObjectNode memory() {
        requireEnabled();
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("heap_used_bytes", runtime.totalMemory() - runtime.freeMemory());
        answer.put("published", published.get());
        return answer;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
