package dev.controlplane.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.controlplane.support.ToolRunner;
import io.quarkus.logging.Log;

/**
 * Starts each job as the leader of its own process group, and ends whole groups. On Linux a job runs through
 * {@code setsid} (util-linux), so it and everything it spawns share a process group whose id is the job's pid:
 * {@code kill -TERM -- -pgid} then reaches a build tool's forked JVMs, a test's subprocesses, and also
 * descendants that outlive a {@code kill -9}'d server (they are re-parented to init, out of the server's
 * process tree, but keep their group). Without {@code setsid} jobs run directly and are ended as a process
 * tree (what {@link ProcessHandle#descendants()} still sees).
 */
final class ProcessGroups {
    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final Path PROC = Path.of("/proc");
    private static final Optional<Path> SETSID = Files.isDirectory(PROC) ? ToolRunner.which("setsid") : Optional.empty();

    private ProcessGroups() {
    }

    static boolean groupsSupported() {
        return SETSID.isPresent();
    }

    /** The command line that starts {@code argv} in a new session and process group, where possible. */
    static List<String> wrap(List<String> argv) {
        if (SETSID.isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(argv);
        return wrapped;
    }

    /**
     * The group id of a process started with {@link #wrap}: setsid runs the command in place (the JVM's child
     * is no group leader), so the group id is its pid; -1 when groups are not used.
     */
    static long groupOf(Process process) {
        return SETSID.isPresent() ? process.pid() : -1;
    }

    /** The start time of a process in epoch millis, or -1 (a pid may be reused later: this tells them apart). */
    static long startMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).map(i -> i.toEpochMilli()).orElse(-1L);
    }

    /**
     * Ends a job: TERM to its group (and to the tree the JVM still sees), a grace period, then KILL to what is
     * left. Blocks up to the grace period.
     */
    static void terminate(Process process, long pgid) {
        List<ProcessHandle> tree = new ArrayList<>();
        if (process != null) {
            process.descendants().forEach(tree::add);
            tree.add(process.toHandle());
        }
        signal(pgid, "TERM");
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < deadline && (groupAlive(pgid) || tree.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(50);
        }
        signal(pgid, "KILL");
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills what is left of a group recorded by an earlier server start, if it is still that group. */
    static boolean killLeftover(long pid, long pgid, long startMillis) {
        Optional<ProcessHandle> leader = ProcessHandle.of(pid);
        if (leader.isPresent() && startMillis > 0 && Math.abs(startMillis(pid) - startMillis) > 1000) {
            return false; // the pid belongs to another process now; while our group lived it could not have
        }
        if (pgid > 0 && groupAlive(pgid)) {
            terminate(null, pgid);
            return true;
        }
        if (leader.isPresent() && pgid <= 0) {
            leader.get().descendants().forEach(ProcessHandle::destroyForcibly);
            leader.get().destroyForcibly();
            return true;
        }
        return false;
    }

    /** Whether any process is still in group {@code pgid} (Linux: read from /proc). */
    static boolean groupAlive(long pgid) {
        return pgid > 0 && !members(pgid).isEmpty();
    }

    /** The pids in group {@code pgid}, zombies excluded. */
    static List<Long> members(long pgid) {
        List<Long> pids = new ArrayList<>();
        if (pgid <= 0) {
            return pids;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                String[] fields = statFields(entry.resolve("stat"));
                // after "pid (comm)": state ppid pgrp ...
                if (fields != null && fields.length > 2 && !fields[0].equals("Z")
                        && fields[2].equals(Long.toString(pgid))) {
                    pids.add(Long.parseLong(name));
                }
            });
        } catch (IOException | RuntimeException e) {
            Log.debugf("Could not list processes: %s", e.getMessage());
        }
        return pids;
    }

    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            int close = text.lastIndexOf(')');
            return close < 0 ? null : text.substring(close + 1).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile
        }
    }

    private static void signal(long pgid, String signal) {
        if (pgid <= 0) {
            return;
        }
        ToolRunner.Result result = ToolRunner.run(null, Duration.ofSeconds(5), "kill", "-s", signal, "--", "-" + pgid);
        if (!result.found()) {
            Log.warnf("No 'kill' command on the PATH: process group %d cannot be signalled", pgid);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
