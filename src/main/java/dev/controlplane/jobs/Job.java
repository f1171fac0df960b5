package dev.controlplane.jobs;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.Clock;

/**
 * One run of an action: its state, its process, its output. Mutable, guarded by its own monitor; the output
 * is in {@link JobLog}. {@link #nextToPublish} is only touched by whoever holds {@link #publishLock}, so the
 * {@code job:output} frames of one job go out in line order.
 */
final class Job {
    final String id;
    final Action action;
    final JobLog log;
    final SecretMask mask = new SecretMask();
    final Object publishLock = new Object();
    long nextToPublish = 1;

    private JobState state = JobState.QUEUED;
    private Integer exitCode;
    private Double startedAt;
    private Double finishedAt;
    private Process process;
    private long pid = -1;
    private long pgid = -1;
    private long pidStart = -1;
    private boolean cancelRequested;
    private boolean timedOut;
    private String error;

    Job(String id, Action action, JobLog log) {
        this.id = id;
        this.action = action;
        this.log = log;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized void started(Process process, long pgid) {
        this.process = process;
        this.pid = process.pid();
        this.pgid = pgid;
        this.pidStart = ProcessGroups.startMillis(pid);
        this.state = JobState.RUNNING;
        this.startedAt = now();
    }

    /** Could not even start (the executable vanished, the directory is gone). */
    synchronized void failedToStart(String message) {
        this.error = message;
        this.state = JobState.FAILED;
        this.startedAt = now();
        this.finishedAt = startedAt;
    }

    /** The end state, from how the process ended and why. */
    synchronized JobState finish(int exit) {
        this.exitCode = exit;
        this.finishedAt = now();
        this.state = timedOut ? JobState.TIMED_OUT
                : cancelRequested ? JobState.CANCELLED
                : exit == 0 ? JobState.SUCCEEDED : JobState.FAILED;
        this.process = null;
        return state;
    }

    synchronized void cancelQueued() {
        this.state = JobState.CANCELLED;
        this.finishedAt = now();
    }

    /** @return false when the job had already been asked to stop */
    synchronized boolean requestCancel() {
        if (cancelRequested || timedOut) {
            return false;
        }
        cancelRequested = true;
        return true;
    }

    synchronized boolean requestTimeout() {
        if (cancelRequested || timedOut) {
            return false;
        }
        timedOut = true;
        return true;
    }

    synchronized Process process() {
        return process;
    }

    synchronized long pgid() {
        return pgid;
    }

    synchronized Double startedAt() {
        return startedAt;
    }

    synchronized Integer exitCode() {
        return exitCode;
    }

    synchronized String error() {
        return error;
    }

    synchronized void error(String message) {
        this.error = message;
    }

    synchronized Double durationS() {
        if (startedAt == null) {
            return null;
        }
        double end = finishedAt == null ? now() : finishedAt;
        return Math.round((end - startedAt) * 1000) / 1000.0;
    }

    /** The API view: {@code {id, action, card, command, state, exit_code, started_at, finished_at, ...}}. */
    synchronized ObjectNode toJson(boolean withTail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("action", action.id());
        node.put("label", action.label());
        node.put("card", action.card());
        node.put("command", action.command());
        node.put("state", state.id());
        putNullable(node, "exit_code", exitCode == null ? null : exitCode.doubleValue(), true);
        putNullable(node, "started_at", startedAt, false);
        putNullable(node, "finished_at", finishedAt, false);
        Double duration = durationS();
        if (duration == null) {
            node.putNull("duration_s");
        } else {
            node.put("duration_s", duration);
        }
        node.put("lines_total", log.total());
        if (error != null) {
            node.put("error", error);
        }
        if (withTail) {
            List<String> tail = log.tail();
            node.put("tail_from_line", log.total() - tail.size() + 1);
            tail.forEach(node.putArray("log_tail")::add);
        }
        return node;
    }

    /** What {@code .state/jobs/<id>.json} keeps: the API view plus what a restart needs to clean up. */
    synchronized ObjectNode record() {
        ObjectNode node = toJson(false);
        node.put("pid", pid);
        node.put("pgid", pgid);
        node.put("pid_start_ms", pidStart);
        node.put("first_line_in_log", log.firstLineInFile());
        return node;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static void putNullable(ObjectNode node, String field, Double value, boolean integer) {
        if (value == null) {
            node.putNull(field);
        } else if (integer) {
            node.put(field, value.intValue());
        } else {
            node.put(field, Clock.ofSeconds(value));
        }
    }
}
