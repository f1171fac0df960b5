package dev.controlplane.cache;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import dev.controlplane.project.ProjectModel;

/**
 * The life of the project model: one per refresh (a background batch, a forced request), shared by every card
 * computed in it, dropped at the first file event and at the start of the next refresh. Sharing relies on the OS watches (the same trust the cache gives them when it vouches for an
 * entry without reading its files): while they are not healthy, each computation reads the project afresh.
 * A card computed inline for a reader uses its reader's model, so one computation never mixes two readings.
 */
final class ProjectModels {
    private final Path root;
    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<ProjectModel> current = new ThreadLocal<>();
    private volatile boolean share;
    private volatile Shared shared;

    private record Shared(ProjectModel model, long generation) {
    }

    ProjectModels(Path root) {
        this.root = root;
    }

    /** Whether a file event is guaranteed for every change (the OS watches are complete). */
    void share(boolean healthyWatches) {
        share = healthyWatches;
        if (!healthyWatches) {
            invalidate();
        }
    }

    /** Something in the project changed: the next computation reads it again. */
    void invalidate() {
        generation.incrementAndGet();
        shared = null;
    }

    /** The model for a computation starting on this thread; pair with {@link #release(ProjectModel)}. */
    ProjectModel acquire() {
        ProjectModel outer = current.get();
        if (outer != null) {
            return outer;
        }
        ProjectModel model = share ? shared() : new ProjectModel(root);
        current.set(model);
        return model;
    }

    /** Locked: cards starting together must not each create "the" model of their refresh. */
    private synchronized ProjectModel shared() {
        long now = generation.get();
        Shared existing = shared;
        if (existing != null && existing.generation() == now) {
            return existing.model();
        }
        ProjectModel model = new ProjectModel(root);
        shared = new Shared(model, now);
        return model;
    }

    /** Ends the computation that acquired a model (an inline peer leaves its reader's model in place). */
    void release(boolean outermost) {
        if (outermost) {
            current.remove();
        }
    }

    boolean inComputation() {
        return current.get() != null;
    }
}
