package dev.controlplane.reliability;

/** The prose of {@code docs/reliability.md} around the generated tables. */
final class ReportText {
    private ReportText() {
    }

    static final String INTRO = "# Reliability\n\n";
    static final String CRASH_METHOD = "";
    static final String LOAD_METHOD = "";
    static final String FINDINGS = "";
}
