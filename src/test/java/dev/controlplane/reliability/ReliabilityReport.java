package dev.controlplane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.controlplane.reliability.ReliabilityRows.Row;

/**
 * Rewrites {@code docs/reliability.md} from the rows the reliability tests and the load harness recorded.
 *
 * <p>The document keeps every row it shows in a JSON block at its end (an HTML comment), so a partial run (one
 * test class, or the load harness alone) updates only its own rows and keeps the others. Every reliability
 * test class calls {@link #regenerate()} when it finishes; by hand: {@code java -cp target/test-classes
 * dev.controlplane.reliability.ReliabilityReport} from the project directory.
 */
public final class ReliabilityReport {
    public static final Path DOC = Path.of("docs", "reliability.md");
    static final String ROWS_BEGIN = "<!-- reliability-rows (generated, keep: rows of earlier runs are merged from here)";
    static final String ROWS_END = "-->";

    /** Sections in document order, with their table headings and what they are about. */
    private static final Map<String, String[]> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Bad input", new String[] {"Input", "Expected", "Observed", "Test",
                "`BadInputTest` (`@QuarkusTest`, sample project): one parameterised row per hostile request. "
                        + "Every row also checks: JSON content type, `X-Content-Type-Options: nosniff`, an `error` "
                        + "string of at most 300 characters, no stack-trace markers (`at dev.`, `Exception:`, a "
                        + "tab-`at` line, `Caused by`), and `GET /api/events/stats` = 200 afterwards."});
        SECTIONS.put("Project faults", new String[] {"Fault", "Expected", "Observed", "Test",
                "`ProjectFaultsTest` (`@QuarkusTest` with its own project) and `HangingGitIT` (the packaged jar "
                        + "started with a fake `git` first on its PATH)."});
        SECTIONS.put("Crash safety", new String[] {"Fault", "Expected", "Observed", "Test",
                "`CrashSafetyIT`: `kill -9` while the cache is being written. See *How the kills are made* below "
                        + "for exactly what is measured."});
        SECTIONS.put("Planted secrets", new String[] {"Secret", "Expected", "Observed", "Test",
                "`PlantedSecretSweepTest`: a project seeded with real-looking credentials; every card (by key "
                        + "and by alias, forced with `?bust=1`), every other GET endpoint, the page, and every SSE "
                        + "frame of the whole run are captured and searched."});
        SECTIONS.put("Load", new String[] {"Measure", "Target", "Observed", "Harness",
                "`bench/load` (not part of `./mvnw verify`: it runs for minutes); the harness is "
                        + "`src/test/java/dev/controlplane/reliability/LoadHarness.java`."});
        SECTIONS.put("Load: heap over time", new String[] {"Time", "Expected", "Heap after GC / RSS", "Harness",
                "Sampled by the load harness: `GET /api/bench/memory` (used heap after `System.gc()`) and "
                        + "`VmRSS` from `/proc/<pid>/status`."});
    }

    private ReliabilityReport() {
    }

    public static void main(String[] args) {
        Path doc = regenerate();
        System.out.println("wrote " + doc.toAbsolutePath());
    }

    /** Merges the recorded rows into the document's rows and rewrites the document. */
    public static synchronized Path regenerate() {
        return regenerate(DOC, ReliabilityRows.readRecorded());
    }

    /**
     * Replaces whole sections with {@code rows} (the load harness: a shorter run must not leave the samples of a
     * longer one behind) and rewrites the document.
     */
    public static synchronized Path replaceSections(java.util.Collection<String> sections, List<Row> rows) {
        List<Row> kept = new ArrayList<>();
        for (Row row : ReliabilityRows.readRecorded()) {
            if (!sections.contains(row.section())) {
                kept.add(row);
            }
        }
        kept.addAll(rows);
        return regenerate(DOC, kept, sections);
    }

    static Path regenerate(Path doc, List<Row> recorded) {
        return regenerate(doc, recorded, List.of());
    }

    static Path regenerate(Path doc, List<Row> recorded, java.util.Collection<String> replaced) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : existingRows(doc)) {
            if (!replaced.contains(row.section())) {
                rows.put(row.id(), row);
            }
        }
        for (Row row : recorded) {
            rows.put(row.id(), row); // later runs win; a new id is appended in recording order
        }
        try {
            Files.createDirectories(doc.toAbsolutePath().getParent());
            Files.writeString(doc, render(new ArrayList<>(rows.values())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc;
    }

    static List<Row> existingRows(Path doc) {
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(doc)) {
            return rows;
        }
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int begin = text.indexOf(ROWS_BEGIN);
            if (begin < 0) {
                return rows;
            }
            int end = text.indexOf(ROWS_END, begin + ROWS_BEGIN.length());
            String block = text.substring(begin + ROWS_BEGIN.length(), end < 0 ? text.length() : end);
            for (String line : block.split("\n")) {
                Row row = ReliabilityRows.parseLine(line);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String render(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append(ReportText.INTRO);
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Row row : rows) {
            switch (row.result()) {
                case ReliabilityRows.PASS -> passed++;
                case ReliabilityRows.SKIPPED -> skipped++;
                default -> failed++;
            }
        }
        md.append("**").append(rows.size()).append(" rows: ").append(passed).append(" pass, ").append(failed)
                .append(" fail, ").append(skipped).append(" skipped.**\n\n");
        for (Map.Entry<String, String[]> section : SECTIONS.entrySet()) {
            List<Row> inSection = rows.stream().filter(r -> r.section().equals(section.getKey())).toList();
            String[] head = section.getValue();
            md.append("## ").append(section.getKey()).append("\n\n").append(head[4]).append("\n\n");
            if (section.getKey().equals("Crash safety")) {
                md.append(ReportText.CRASH_METHOD);
            }
            if (section.getKey().equals("Load")) {
                md.append(ReportText.LOAD_METHOD);
            }
            if (inSection.isEmpty()) {
                md.append("_No rows recorded yet: run the test or harness named above._\n\n");
                continue;
            }
            md.append("| ").append(head[0]).append(" | ").append(head[1]).append(" | ").append(head[2]).append(" | ")
                    .append(head[3]).append(" | Result |\n|---|---|---|---|---|\n");
            for (Row row : inSection) {
                md.append("| ").append(escape(row.fault(), 160)).append(" | ").append(escape(row.expected(), 160))
                        .append(" | ").append(escape(row.observed(), 300)).append(" | ")
                        .append(escape(row.test(), 80)).append(" | ").append(result(row.result())).append(" |\n");
            }
            md.append('\n');
        }
        List<Row> others = rows.stream().filter(r -> !SECTIONS.containsKey(r.section())).toList();
        if (!others.isEmpty()) {
            md.append("## Other\n\n| Section | Fault | Observed | Result |\n|---|---|---|---|\n");
            for (Row row : others) {
                md.append("| ").append(escape(row.section(), 40)).append(" | ").append(escape(row.fault(), 160))
                        .append(" | ").append(escape(row.observed(), 300)).append(" | ")
                        .append(result(row.result())).append(" |\n");
            }
            md.append('\n');
        }
        md.append(ReportText.FINDINGS);
        md.append(ROWS_BEGIN).append('\n');
        for (Row row : rows) {
            md.append(row.toJson()).append('\n');
        }
        md.append(ROWS_END).append('\n');
        return md.toString();
    }

    private static String result(String result) {
        return switch (result) {
            case ReliabilityRows.PASS -> "pass";
            case ReliabilityRows.SKIPPED -> "skipped";
            default -> "**" + result + "**";
        };
    }

    /** One table cell: one line, pipes and HTML-ish characters made harmless, long text cut. */
    static String escape(String text, int max) {
        return ReliabilityRows.cell(text, max).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
                .replace(">", "&gt;").replace("`", "'");
    }
}
