package dev.controlplane.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.support.Clock;
import io.quarkus.logging.Log;

/**
 * The jobs of earlier server starts (read once from {@code .state/jobs/}), job ids (never reused: they go on
 * from the highest stored one), and the retention rule: the last {@code keep} finished jobs stay on disk.
 */
@ApplicationScoped
public class JobHistory {
    private static final List<String> PRIVATE_FIELDS = List.of("pid", "pgid", "pid_start_ms", "first_line_in_log");

    private final JobStore store;
    private final int keep;
    private final List<ObjectNode> earlier;
    private final AtomicLong lastId;

    public JobHistory(JobStore store, ControlPlaneConfig config) {
        this.store = store;
        this.keep = Math.max(1, config.jobs().keep());
        this.earlier = new ArrayList<>(store.loadAll());
        this.lastId = new AtomicLong(earlier.stream().mapToLong(r -> JobStore.number(r.path("id").asText())).max().orElse(0));
    }

    String nextId() {
        return "j" + lastId.incrementAndGet();
    }

    Path logFile(String id) {
        return store.logFile(id);
    }

    void save(Job job) {
        store.save(job.record());
    }

    /**
     * Marks the jobs an earlier start left queued or running as failed, after ending what is left of their
     * process groups (a {@code kill -9} of the server cannot take its children along).
     *
     * @return how many were found
     */
    synchronized int recover() {
        int found = 0;
        for (ObjectNode record : earlier) {
            JobState state = JobState.of(record.path("state").asText());
            if (state.finished()) {
                continue;
            }
            found++;
            long pid = record.path("pid").asLong(-1);
            long pgid = record.path("pgid").asLong(-1);
            boolean killed = pid > 0 && ProcessGroups.killLeftover(pid, pgid, record.path("pid_start_ms").asLong(-1));
            double now = System.currentTimeMillis() / 1000.0;
            record.put("state", JobState.FAILED.id());
            record.put("error", "the server stopped while this job " + (state == JobState.RUNNING ? "ran" : "waited")
                    + (killed ? "; its leftover processes were killed at the next start" : ""));
            record.put("finished_at", Clock.ofSeconds(now));
            if (record.path("started_at").isNumber()) {
                record.put("duration_s", Math.round((now - record.path("started_at").asDouble()) * 1000) / 1000.0);
            }
            store.save(record);
            Log.warnf("Job %s (%s) was %s when the server stopped%s", record.path("id").asText(),
                    record.path("action").asText(), state.id(), killed ? ": killed its leftover processes" : "");
        }
        return found;
    }

    /** The API view of earlier jobs, newest first. */
    synchronized List<ObjectNode> earlier() {
        return earlier.stream().map(JobHistory::publicView).toList();
    }

    synchronized Optional<ObjectNode> earlier(String id) {
        return earlier.stream().filter(r -> r.path("id").asText().equals(id)).findFirst();
    }

    /** The public view of a stored record with its last lines (read from the log file). */
    ObjectNode withTail(ObjectNode record) {
        ObjectNode view = publicView(record);
        ArrayDeque<String> tail = new ArrayDeque<>();
        Path file = store.logFile(record.path("id").asText());
        if (Files.isRegularFile(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    tail.addLast(line);
                    if (tail.size() > JobLog.TAIL_LINES) {
                        tail.removeFirst();
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                Log.debugf("Could not read %s: %s", file, e.getMessage());
            }
        }
        view.put("tail_from_line", Math.max(1, record.path("lines_total").asLong() - tail.size() + 1));
        tail.forEach(view.putArray("log_tail")::add);
        return view;
    }

    /** Keeps the newest {@code keep} finished jobs (and every unfinished one) on disk and in the history. */
    synchronized Set<String> retain(Collection<Job> current) {
        List<String> ids = new ArrayList<>();
        Set<String> unfinished = new HashSet<>();
        List<Job> newestFirst = new ArrayList<>(current);
        java.util.Collections.reverse(newestFirst);
        for (Job job : newestFirst) {
            ids.add(job.id);
            if (!job.state().finished()) {
                unfinished.add(job.id);
            }
        }
        earlier.forEach(r -> ids.add(r.path("id").asText()));
        Set<String> kept = new HashSet<>(unfinished);
        int finishedKept = 0;
        for (String id : ids) {
            if (!unfinished.contains(id) && finishedKept < keep) {
                kept.add(id);
                finishedKept++;
            }
        }
        earlier.removeIf(r -> !kept.contains(r.path("id").asText()));
        store.retain(kept);
        return kept;
    }

    private static ObjectNode publicView(ObjectNode record) {
        ObjectNode view = record.deepCopy();
        PRIVATE_FIELDS.forEach(view::remove);
        return view;
    }
}
