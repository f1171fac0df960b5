package dev.controlplane.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.events.BusEvent;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Runs the catalogue's actions as jobs: at most {@code max-running} at once (the rest queued in order), each in
 * its own process group with the server's environment, killed as a group on cancel, timeout and shutdown. A
 * ticker publishes each running job's new lines at most every {@link #TICK_MILLIS} ms, so a job printing
 * 100,000 lines a second costs the bus ten frames a second, not 100,000.
 */
@ApplicationScoped
public class JobRunner {
    static final long TICK_MILLIS = 100;
    /** Lines per {@code job:output} frame at most; a faster producer's extra lines stay in the log file only. */
    static final int MAX_LINES_PER_FRAME = 2000;

    private final ActionCatalogue catalogue;
    private final JobHistory history;
    private final Event<BusEvent> events;
    private final Event<JobFinished> finished;
    private final Path root;
    private final int maxRunning;
    private final long timeoutNanos;
    private final long maxLog;

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final List<Job> active = new ArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("job"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("job-ticker"));

    public JobRunner(ActionCatalogue catalogue, JobHistory history, Event<BusEvent> events,
            Event<JobFinished> finished, ProjectDirectory project, ControlPlaneConfig config) {
        this.catalogue = catalogue;
        this.history = history;
        this.events = events;
        this.finished = finished;
        this.root = project.root();
        this.maxRunning = Math.max(1, config.jobs().maxRunning());
        this.timeoutNanos = config.jobs().timeout().toNanos();
        this.maxLog = config.jobs().maxLog().asLongValue();
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Queues a run of {@code actionId}; refused while the same action is queued or running. */
    public Job submit(String actionId) {
        // Outside the lock: building the catalogue walks the project.
        Action action = catalogue.find(actionId)
                .orElseThrow(() -> new JobRequestException(404, "unknown action: see GET /api/jobs/actions", null));
        if (!action.available()) {
            throw new JobRequestException(409, "action not available here: " + action.reason(), null);
        }
        return enqueue(action);
    }

    private synchronized Job enqueue(Action action) {
        String actionId = action.id();
        for (Job job : jobs.values()) {
            if (job.action.id().equals(actionId) && !job.state().finished()) {
                throw new JobRequestException(409, "this action is already " + job.state().id(), job.id);
            }
        }
        String id = history.nextId();
        Job job = new Job(id, action, new JobLog(history.logFile(id), maxLog));
        jobs.put(id, job);
        queue.addLast(job);
        history.save(job);
        startQueued();
        return job;
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** This start's jobs, newest first. */
    public synchronized List<Job> all() {
        List<Job> list = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Cancels a queued job at once, a running one by ending its process group (asynchronously). */
    public Job cancel(String id) {
        Job job;
        synchronized (this) {
            job = jobs.get(id);
            if (job == null) {
                throw new JobRequestException(404, "unknown job", null);
            }
            if (job.state().finished()) {
                throw new JobRequestException(409, "job already " + job.state().id(), id);
            }
            if (queue.remove(job)) {
                job.cancelQueued();
                history.save(job);
                events.fire(JobEvents.done(job));
                forget(history.retain(jobs.values()));
                return job;
            }
        }
        if (job.requestCancel()) {
            workers.execute(() -> ProcessGroups.terminate(job.process(), job.pgid()));
        }
        return job;
    }

    /** Drops the finished jobs retention no longer keeps (called with the lock held). */
    private void forget(java.util.Set<String> kept) {
        jobs.values().removeIf(job -> job.state().finished() && !kept.contains(job.id));
    }

    private synchronized void startQueued() {
        while (active.size() < maxRunning && !queue.isEmpty()) {
            Job job = queue.removeFirst();
            active.add(job);
            start(job);
        }
    }

    /** Starts the process (called with the lock held: a start is quick) and hands it to a worker. */
    private void start(Job job) {
        Action action = job.action;
        Process process;
        try {
            process = JobProcess.start(root, action);
        } catch (IOException | RuntimeException e) {
            job.failedToStart("could not start " + action.argv().get(0) + ": " + e.getMessage());
            job.log.append(job.error());
            events.fire(JobEvents.started(job.id, action.id(), action.command()));
            workers.execute(() -> end(job, -1));
            return;
        }
        job.started(process, ProcessGroups.groupOf(process));
        history.save(job);
        events.fire(JobEvents.started(job.id, action.id(), action.command()));
        workers.execute(() -> end(job, JobProcess.await(job, process)));
    }

    private void end(Job job, int exit) {
        if (job.state() != JobState.FAILED || job.exitCode() != null || job.error() == null) {
            job.finish(exit);
        }
        synchronized (job.publishLock) {
            job.log.flush();
            while (publish(job)) {
                // the last lines, before job:done
            }
            job.log.close();
            events.fire(JobEvents.done(job));
        }
        history.save(job);
        synchronized (this) {
            active.remove(job);
            forget(history.retain(jobs.values()));
        }
        Log.infof("Job %s (%s) %s, exit code %s", job.id, job.action.id(), job.state().id(), job.exitCode());
        startQueued();
        try {
            finished.fire(new JobFinished(job.id, job.action.id(), job.action.card(), job.state().id(),
                    job.action.runsTests()));
        } catch (RuntimeException e) {
            Log.warnf(e, "A follow-up of job %s failed", job.id);
        }
    }

    /** Publishes the next batch of lines of {@code job}; false when there was none. Holds the publish lock. */
    private boolean publish(Job job) {
        synchronized (job.publishLock) {
            JobLog.Batch batch = job.log.from(job.nextToPublish, MAX_LINES_PER_FRAME);
            if (batch.isEmpty()) {
                return false;
            }
            job.nextToPublish = batch.fromLine() + batch.lines().size();
            events.fire(JobEvents.output(job.id, batch.fromLine(), batch.lines()));
            return true;
        }
    }

    private void tick() {
        List<Job> running;
        synchronized (this) {
            running = List.copyOf(active);
        }
        for (Job job : running) {
            try {
                if (job.state() != JobState.RUNNING) {
                    continue;
                }
                job.log.flush();
                publish(job);
                Double started = job.startedAt();
                if (started != null && (System.currentTimeMillis() / 1000.0 - started) * 1e9 > timeoutNanos
                        && job.requestTimeout()) {
                    job.error("timed out after " + java.time.Duration.ofNanos(timeoutNanos));
                    workers.execute(() -> ProcessGroups.terminate(job.process(), job.pgid()));
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "Publishing the output of job %s failed", job.id);
            }
        }
    }

    /** Shutdown ends every job's process group: nothing a job started outlives the server. */
    void stop(@Observes ShutdownEvent ignored) {
        List<Job> running;
        synchronized (this) {
            running = List.copyOf(active);
            for (Job job : queue) {
                job.cancelQueued();
                history.save(job);
            }
            queue.clear();
        }
        List<Thread> stopping = new ArrayList<>();
        for (Job job : running) {
            if (job.requestCancel()) {
                job.error("the server stopped");
                Thread thread = new Thread(() -> ProcessGroups.terminate(job.process(), job.pgid()), "job-stop");
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ticker.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
