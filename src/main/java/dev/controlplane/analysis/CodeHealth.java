package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A health score per source file, hotspots, and the line-weighted overall score.
 *
 * <p>File score: 10 minus deductions, each capped, the total floored at 0:
 * <ul>
 * <li>file length: −1 over 500 lines, −2 over 1,000;</li>
 * <li>longest function: −1.5 over 60 lines, −3 over 120; each further long function −0.25 (at most −1);</li>
 * <li>deepest nesting: −1 over 4, −2 over 6;</li>
 * <li>parameters: −1 over 6;</li>
 * <li>highest complexity: −1.5 over 15, −3 over 30;</li>
 * <li>TODO/FIXME density: −0.5 over one per 50 lines.</li>
 * </ul>
 * Hotspot thresholds are the spec's: {@code long_file} > 500 (critical > 1,000), {@code long_function} > 60
 * (critical > 120), {@code deep_nesting} > 4 (critical > 6), {@code many_params} > 6, {@code high_complexity} > 15
 * (critical > 30), {@code todo_density} > 1 per 50 lines (info).
 */
public final class CodeHealth {
    public record FileScore(FileFacts facts, double score) {
    }

    public record Hotspot(String type, String severity, String file, int line, String detail) {
    }

    public record Summary(double overallScore, Map<String, double[]> perLanguage, int critical, int warning, int info) {
    }

    /**
     * @param files        the worst files first, at most the accumulator's {@code keep}
     * @param hotspots     the most severe hotspots first, at most {@code keep}
     * @param fileCount    files assessed
     * @param hotspotCount hotspots found
     */
    public record Result(List<FileScore> files, List<Hotspot> hotspots, Summary summary, int fileCount,
            int hotspotCount) {
    }

    private static final Comparator<FileScore> WORST_FIRST = Comparator.comparingDouble(FileScore::score)
            .thenComparing(s -> -s.facts().lines()).thenComparing(s -> s.facts().file().rel());
    private static final Comparator<Hotspot> SEVERE_FIRST = Comparator.comparingInt((Hotspot h) -> rank(h.severity()))
            .thenComparing(Hotspot::file).thenComparingInt(Hotspot::line).thenComparing(Hotspot::type);

    private CodeHealth() {
    }

    public static Result assess(List<FileFacts> files) {
        Accumulator accumulator = new Accumulator(Integer.MAX_VALUE);
        files.forEach(accumulator::add);
        return accumulator.result();
    }

    /**
     * The assessment of files handed in one at a time, holding only the {@code keep} worst files and most severe
     * hotspots (the card shows 50 of each) and running sums for the rest.
     */
    public static final class Accumulator {
        private final Smallest<FileScore> worst;
        private final Smallest<Hotspot> severe;
        private final Map<String, double[]> perLanguage = new TreeMap<>(); // {weighted sum, lines, files}
        private final List<Hotspot> fileHotspots = new ArrayList<>();
        private double weighted;
        private long lines;
        private int critical;
        private int warning;
        private int info;

        public Accumulator(int keep) {
            worst = new Smallest<>(keep, WORST_FIRST);
            severe = new Smallest<>(keep, SEVERE_FIRST);
        }

        public void add(FileFacts file) {
            FileScore score = new FileScore(file, score(file));
            worst.add(score);
            fileHotspots.clear();
            hotspots(file, fileHotspots);
            for (Hotspot hotspot : fileHotspots) {
                severe.add(hotspot);
                switch (hotspot.severity()) {
                    case "critical" -> critical++;
                    case "warning" -> warning++;
                    default -> info++;
                }
            }
            int weight = Math.max(1, file.lines());
            weighted += score.score() * weight;
            lines += weight;
            double[] lang = perLanguage.computeIfAbsent(file.file().language(), k -> new double[3]);
            lang[0] += score.score() * weight;
            lang[1] += weight;
            lang[2]++;
        }

        public Result result() {
            Map<String, double[]> languages = new TreeMap<>();
            perLanguage.forEach((lang, v) -> languages.put(lang, new double[] {round(v[0] / v[1]), v[2]}));
            Summary summary = new Summary(lines == 0 ? 10 : round(weighted / lines), languages, critical, warning,
                    info);
            return new Result(worst.sorted(), severe.sorted(), summary, (int) worst.seen(), (int) severe.seen());
        }
    }

    static double score(FileFacts file) {
        double deduction = 0;
        deduction += file.lines() > 1000 ? 2 : file.lines() > 500 ? 1 : 0;
        int longest = file.longestFunction();
        deduction += longest > 120 ? 3 : longest > 60 ? 1.5 : 0;
        long longOnes = file.functions().stream().filter(f -> f.lines() > 60).count();
        deduction += Math.min(1, Math.max(0, longOnes - 1) * 0.25);
        int nesting = file.maxNesting();
        deduction += nesting > 6 ? 2 : nesting > 4 ? 1 : 0;
        deduction += file.maxParams() > 6 ? 1 : 0;
        int complexity = file.maxComplexity();
        deduction += complexity > 30 ? 3 : complexity > 15 ? 1.5 : 0;
        deduction += todoDense(file) ? 0.5 : 0;
        return round(Math.max(0, 10 - deduction));
    }

    private static boolean todoDense(FileFacts file) {
        return file.lines() > 0 && file.todo() * 50.0 / file.lines() > 1;
    }

    private static void hotspots(FileFacts file, List<Hotspot> out) {
        String rel = file.file().rel();
        if (file.lines() > 500) {
            out.add(new Hotspot("long_file", file.lines() > 1000 ? "critical" : "warning", rel, 1,
                    file.lines() + " lines"));
        }
        for (FileFacts.Function f : file.functions()) {
            if (f.lines() > 60) {
                out.add(new Hotspot("long_function", f.lines() > 120 ? "critical" : "warning", rel, f.line(),
                        f.name() + ": " + f.lines() + " lines"));
            }
            if (f.nesting() > 4) {
                out.add(new Hotspot("deep_nesting", f.nesting() > 6 ? "critical" : "warning", rel, f.line(),
                        f.name() + ": nested " + f.nesting() + " deep"));
            }
            if (f.params() > 6) {
                out.add(new Hotspot("many_params", "warning", rel, f.line(), f.name() + ": " + f.params() + " parameters"));
            }
            if (f.complexity() > 15) {
                out.add(new Hotspot("high_complexity", f.complexity() > 30 ? "critical" : "warning", rel, f.line(),
                        f.name() + ": complexity " + f.complexity()));
            }
        }
        if (todoDense(file)) {
            out.add(new Hotspot("todo_density", "info", rel, 1, file.todo() + " TODO/FIXME in " + file.lines() + " lines"));
        }
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
