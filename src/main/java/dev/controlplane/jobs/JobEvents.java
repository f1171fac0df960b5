package dev.controlplane.jobs;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.events.BusEvent;

/** The {@code job:*} events of the wire contract; the envelope's key is the job id. */
final class JobEvents {
    static final String STARTED = "job:started";
    static final String OUTPUT = "job:output";
    static final String DONE = "job:done";

    private JobEvents() {
    }

    static BusEvent started(String id, String action, String command) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", id);
        data.put("action", action);
        data.put("command", command);
        return BusEvent.of(STARTED, id, data);
    }

    static BusEvent output(String id, long fromLine, List<String> lines) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", id);
        data.put("from_line", fromLine);
        ArrayNode array = data.putArray("lines");
        lines.forEach(array::add);
        return BusEvent.of(OUTPUT, id, data);
    }

    static BusEvent done(Job job) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", job.id);
        data.put("action", job.action.id());
        data.put("state", job.state().id());
        Integer exit = job.exitCode();
        if (exit == null) {
            data.putNull("exit_code");
        } else {
            data.put("exit_code", exit);
        }
        Double duration = job.durationS();
        if (duration == null) {
            data.putNull("duration_s");
        } else {
            data.put("duration_s", duration);
        }
        return BusEvent.of(DONE, job.id, data);
    }
}
