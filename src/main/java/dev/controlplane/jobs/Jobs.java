package dev.controlplane.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the HTTP layer asks of jobs: start, list, look at, cancel, read the log. Jobs of this start come from
 * the {@link JobRunner}, older ones from the {@link JobHistory}.
 */
@ApplicationScoped
public class Jobs {
    private final JobRunner runner;
    private final JobHistory history;

    public Jobs(JobRunner runner, JobHistory history) {
        this.runner = runner;
        this.history = history;
    }

    /** Where a job's log is and which line its file starts with (its head may have been dropped). */
    public record LogView(Path file, long firstLineInFile, long linesTotal) {
    }

    /** @return {@code {id, action, state}} */
    public ObjectNode start(String actionId) {
        Job job = runner.submit(actionId);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", job.id);
        node.put("action", job.action.id());
        node.put("state", job.state().id());
        return node;
    }

    /** Recent jobs, newest first. */
    public ArrayNode list() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        runner.all().forEach(job -> list.add(job.toJson(false)));
        history.earlier().forEach(list::add);
        return list;
    }

    public ObjectNode get(String id) {
        Optional<Job> job = runner.find(id);
        if (job.isPresent()) {
            return job.get().toJson(true);
        }
        return history.earlier(id).map(history::withTail).orElseThrow(Jobs::unknown);
    }

    public ObjectNode cancel(String id) {
        return runner.cancel(id).toJson(false);
    }

    public LogView log(String id) {
        Optional<Job> job = runner.find(id);
        if (job.isPresent()) {
            job.get().log.flush();
            return new LogView(history.logFile(id), job.get().log.firstLineInFile(), job.get().log.total());
        }
        ObjectNode record = history.earlier(id).orElseThrow(Jobs::unknown);
        return new LogView(history.logFile(id), record.path("first_line_in_log").asLong(1),
                record.path("lines_total").asLong());
    }

    /** The log from line {@code fromLine} on. */
    public static InputStream read(LogView view, long fromLine) throws IOException {
        return JobLog.read(view.file(), view.firstLineInFile(), fromLine);
    }

    private static JobRequestException unknown() {
        return new JobRequestException(404, "unknown job", null);
    }
}
