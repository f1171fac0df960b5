package dev.controlplane.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Cleans up after a server that was killed mid-job, once this server listens: only then is it certain that
 * no other instance is serving this project (a second start on a port in use must not kill the first one's
 * jobs). Quarkus fires {@link HttpServerStart} asynchronously; the cleanup runs on a thread of its own anyway,
 * since ending a process group waits for it.
 */
@ApplicationScoped
public class JobRecovery {
    private final JobHistory history;

    public JobRecovery(JobHistory history) {
        this.history = history;
    }

    void onListen(@ObservesAsync HttpServerStart ignored) {
        Thread thread = new Thread(() -> {
            try {
                history.recover();
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not clean up the jobs of the previous start");
            }
        }, "job-recovery");
        thread.setDaemon(true);
        thread.start();
    }
}
