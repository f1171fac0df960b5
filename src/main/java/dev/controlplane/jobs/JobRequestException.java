package dev.controlplane.jobs;

/** A jobs request that cannot be served: its HTTP status, message, and the job it concerns (if any). */
public class JobRequestException extends RuntimeException {
    private final int status;
    private final String id;

    public JobRequestException(int status, String message, String id) {
        super(message);
        this.status = status;
        this.id = id;
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }
}
