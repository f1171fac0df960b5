package dev.controlplane.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.events.BusEvent;
import dev.controlplane.events.CatchUp;
import dev.controlplane.events.EventBus;
import io.quarkus.runtime.StartupEvent;

/**
 * What a tab that connects mid-run needs right after the snapshot: per running job its {@code job:started}
 * and one {@code job:output} with the last 200 lines. Kept from the published events themselves, under the
 * bus's lock, so the catch-up ends exactly where the live frames that follow begin.
 */
@ApplicationScoped
public class JobCatchUp implements CatchUp {
    private final EventBus bus;
    private final Map<String, Running> running = new LinkedHashMap<>();

    public JobCatchUp(EventBus bus) {
        this.bus = bus;
    }

    void register(@Observes StartupEvent ignored) {
        bus.addCatchUp(this);
    }

    @Override
    public void track(BusEvent event) {
        switch (event.type()) {
            case JobEvents.STARTED -> running.put(event.key(), new Running(event));
            case JobEvents.OUTPUT -> {
                Running job = running.get(event.key());
                if (job != null) {
                    job.add(event.data().path("from_line").asLong(), event.data().path("lines"));
                }
            }
            case JobEvents.DONE -> running.remove(event.key());
            default -> {
            }
        }
    }

    @Override
    public List<BusEvent> frames() {
        List<BusEvent> frames = new ArrayList<>();
        for (Map.Entry<String, Running> entry : running.entrySet()) {
            Running job = entry.getValue();
            frames.add(job.started);
            if (!job.tail.isEmpty()) {
                frames.add(JobEvents.output(entry.getKey(), job.nextLine - job.tail.size(), List.copyOf(job.tail)));
            }
        }
        return frames;
    }

    private static final class Running {
        final BusEvent started;
        final ArrayDeque<String> tail = new ArrayDeque<>();
        long nextLine = 1;

        Running(BusEvent started) {
            this.started = started;
        }

        void add(long fromLine, JsonNode lines) {
            if (fromLine != nextLine) {
                tail.clear(); // the live stream skipped lines a fast producer printed: the tail restarts here
            }
            for (JsonNode line : lines) {
                tail.addLast(line.asText());
                if (tail.size() > JobLog.TAIL_LINES) {
                    tail.removeFirst();
                }
            }
            nextLine = fromLine + lines.size();
        }
    }
}
