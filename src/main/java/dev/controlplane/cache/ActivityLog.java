package dev.controlplane.cache;

import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.Clock;

/** The last {@value #CAPACITY} computations, newest last, kept in {@code .state/devops_activity.json}. */
@ApplicationScoped
public class ActivityLog {
    public static final String FILE = "devops_activity.json";
    public static final int CAPACITY = 200;

    private final StateFiles files;
    private final Deque<JsonNode> entries = new ArrayDeque<>();

    public ActivityLog(StateFiles files) {
        this.files = files;
    }

    public synchronized void load() {
        entries.clear();
        files.read(FILE).ifPresent(node -> node.forEach(entry -> {
            if (entry.isObject()) {
                entries.addLast(entry);
            }
        }));
        while (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    /** Records one computation: {@code {ts, card, status, duration_s, summary}}. */
    public synchronized void record(String card, String status, double durationS, JsonNode summary, String error) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("ts", Clock.now());
        entry.put("card", card);
        entry.put("status", status);
        entry.put("duration_s", durationS);
        entry.set("summary", summary == null ? JsonNodeFactory.instance.nullNode() : summary);
        if (error != null) {
            entry.put("error", error);
        }
        entries.addLast(entry);
        while (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
        files.write(FILE, snapshot());
    }

    public synchronized ArrayNode snapshot() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        entries.forEach(array::add);
        return array;
    }
}
