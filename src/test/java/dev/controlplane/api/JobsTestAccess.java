package dev.controlplane.api;

/** Lets tests of other packages start a job the way the API tests do. */
public final class JobsTestAccess {
    private JobsTestAccess() {
    }

    public static String start(String action) {
        return JobsApiTest.start(action);
    }
}
