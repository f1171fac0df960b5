package dev.controlplane.jobs;

import java.util.Locale;

/** Where a job is in its life: queued, running, then one of the four ends. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public static JobState of(String id) {
        for (JobState state : values()) {
            if (state.id().equals(id)) {
                return state;
            }
        }
        return FAILED;
    }
}
