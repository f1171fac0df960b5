package dev.controlplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cache.CardCache;
import dev.controlplane.cache.MissReason;
import dev.controlplane.jobs.JobFinished;
import io.quarkus.logging.Log;

/**
 * Results flow back: when a test run ends, the testing card is recomputed at once, so its {@code last_run}
 * shows the reports the run just wrote (the watcher would find them too, but only at its next look). The
 * jobs layer cannot reach the cache; this observer sits above both.
 */
@ApplicationScoped
public class JobResults {
    private final CardCache cache;

    public JobResults(CardCache cache) {
        this.cache = cache;
    }

    void onFinished(@Observes JobFinished job) {
        if (!job.ranTests()) {
            return;
        }
        cache.refresh("testing", MissReason.FORCED).exceptionally(e -> {
            Log.debugf("Recomputing the testing card after job %s failed: %s", job.id(), e.getMessage());
            return null;
        });
    }
}
