package dev.controlplane.bench;

import java.util.List;

/**
 * How much of everything a run does. The full plan keeps the whole run near 15-20 minutes on 2 shared cores;
 * the smoke plan proves every section works in well under a minute (tiny project, few clients, 1 run each).
 */
record Plan(
        String name,
        int smallProjectFiles,
        int largeProjectFiles,
        boolean repoCopy,
        int startupRuns,
        int paintRuns,
        int computeRuns,
        int staleEdits,
        long staleSpacingMillis,
        List<Integer> fanoutClients,
        List<Integer> fanoutRates,
        double fanoutSeconds,
        int fanoutRuns,
        int idleSubscribers,
        int heapRepeats,
        int idleCpuSeconds,
        int settleSeconds,
        int jobOutputLines) {

    static Plan full() {
        return new Plan("full", 50_000, 100_000, true, 5, 5, 3, 100, 1500,
                List.of(1, 100, 1000), List.of(100, 1000), 5, 3, 1000, 3, 60, 5, 100_000);
    }

    static Plan smoke() {
        return new Plan("smoke", 400, 400, false, 1, 1, 1, 3, 1300,
                List.of(1, 5), List.of(100, 1000), 1, 1, 20, 1, 3, 1, 5_000);
    }

    boolean isSmoke() {
        return "smoke".equals(name);
    }
}
