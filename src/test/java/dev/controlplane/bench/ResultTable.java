package dev.controlplane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results: one row per metric, grouped by section, each with min / median / max over its runs, the target
 * it is judged against (if any) and a short note. Rendered as aligned text for the terminal and as Markdown
 * for {@code bench/RESULTS.md}; extra tables (per-card compute times) are appended as they are.
 */
final class ResultTable {

    /** Target check: how the median compares with a limit ({@code lowerIsBetter} is the usual case). */
    record Target(String text, double limit) {
        static Target atMost(double limit, String unit) {
            return new Target("≤ " + format(limit) + " " + unit, limit);
        }

        String verdict(Stats stats) {
            if (stats.empty()) {
                return "n/a";
            }
            return stats.median() <= limit ? "PASS" : "FAIL";
        }
    }

    record Row(String section, String metric, String unit, Stats stats, Target target, String note) {
        String verdict() {
            return target == null ? "" : target.verdict(stats);
        }
    }

    record Extra(String title, List<String> header, List<List<String>> rows) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Extra> extras = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String section, String metric, String unit, Stats stats, Target target, String note) {
        rows.add(new Row(section, metric, unit, stats, target, note == null ? "" : note));
        System.out.printf(Locale.ROOT, "  [%s] %s: %s%n", section, metric, describe(stats, unit));
    }

    void add(String section, String metric, String unit, List<Double> samples, Target target, String note) {
        add(section, metric, unit, Stats.of(samples), target, note);
    }

    /** A row that could not be measured: the note says why. */
    void missing(String section, String metric, String why) {
        add(section, metric, "", Stats.of(List.of()), null, why);
    }

    /** The current row count, to {@link #rollback} a section's partial rows before it is re-run. */
    synchronized int mark() {
        return rows.size();
    }

    synchronized void rollback(int mark) {
        while (rows.size() > mark) {
            rows.remove(rows.size() - 1);
        }
    }

    synchronized void extra(String title, List<String> header, List<List<String>> rows) {
        extras.add(new Extra(title, header, rows));
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    static String describe(Stats s, String unit) {
        if (s.empty()) {
            return "n/a";
        }
        if (s.n() == 1 || Double.isNaN(s.min())) {
            return format(s.median()) + " " + unit + (s.n() > 1 ? " (of " + s.n() + ")" : "");
        }
        return format(s.min()) + " / " + format(s.median()) + " / " + format(s.max()) + " " + unit + " (n=" + s.n() + ")";
    }

    private static String dash(double v) {
        return Double.isNaN(v) ? "–" : format(v);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private List<String> cells(Row r) {
        Stats s = r.stats();
        return List.of(r.section(), r.metric(),
                s.empty() ? "n/a" : dash(s.min()), s.empty() ? "n/a" : format(s.median()), s.empty() ? "n/a" : dash(s.max()),
                r.unit(), s.empty() ? "" : Integer.toString(s.n()),
                r.target() == null ? "" : r.target().text(), r.verdict(), r.note());
    }

    private static final List<String> HEADER = List.of("section", "metric", "min", "median", "max", "unit", "n",
            "target", "verdict", "note");

    synchronized String text() {
        List<List<String>> all = new ArrayList<>();
        for (Row r : rows) {
            all.add(cells(r));
        }
        StringBuilder out = new StringBuilder();
        out.append(align(HEADER, all));
        for (Extra e : extras) {
            out.append('\n').append(e.title()).append('\n').append(align(e.header(), e.rows()));
        }
        for (String n : notes) {
            out.append("\n* ").append(n);
        }
        return out.append('\n').toString();
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(md(HEADER, rows.stream().map(this::cells).toList()));
        for (Extra e : extras) {
            out.append("\n### ").append(e.title()).append("\n\n").append(md(e.header(), e.rows()));
        }
        if (!notes.isEmpty()) {
            out.append("\n### Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String align(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < width.length; i++) {
                // Notes can be long: they do not widen the table, they trail it.
                if (i < width.length - 1 || width.length == 1) {
                    width[i] = Math.max(width[i], row.get(i).length());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean numeric = cell.matches("[-0-9.,]+|n/a|–");
                if (i == row.size() - 1) {
                    line.append(cell);
                } else if (numeric) {
                    line.append(" ".repeat(width[i] - cell.length())).append(cell).append("  ");
                } else {
                    line.append(cell).append(" ".repeat(width[i] - cell.length())).append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.append("-".repeat(Math.min(160, total))).append('\n');
            }
        }
        return out.toString();
    }

    private static String md(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        return out.toString();
    }
}
