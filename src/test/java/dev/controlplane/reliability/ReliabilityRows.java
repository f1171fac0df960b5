package dev.controlplane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reliability tests tried and what they saw, one row per fault, appended to
 * {@code target/reliability/rows.jsonl} as flat JSON objects of strings. {@link ReliabilityReport} turns the
 * rows into {@code docs/reliability.md}. JDK only, so the load harness can use it without Maven's classpath.
 */
public final class ReliabilityRows {
    /** Where rows accumulate during a build (relative to the project directory, which is the tests' cwd). */
    public static final Path FILE = Path.of("target", "reliability", "rows.jsonl");

    public static final String PASS = "pass";
    public static final String FAIL = "FAIL";
    public static final String SKIPPED = "skipped";

    private ReliabilityRows() {
    }

    /**
     * One fault that was tried. {@code id} is stable across runs (a later row with the same id replaces the
     * earlier one in the report).
     */
    public record Row(String section, String id, String fault, String expected, String observed, String test,
            String result) {

        Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("section", section);
            map.put("id", id);
            map.put("fault", fault);
            map.put("expected", expected);
            map.put("observed", observed);
            map.put("test", test);
            map.put("result", result);
            return map;
        }

        static Row fromMap(Map<String, String> map) {
            return new Row(map.getOrDefault("section", ""), map.getOrDefault("id", ""), map.getOrDefault("fault", ""),
                    map.getOrDefault("expected", ""), map.getOrDefault("observed", ""), map.getOrDefault("test", ""),
                    map.getOrDefault("result", ""));
        }

        public String toJson() {
            return FlatJson.write(toMap());
        }
    }

    /** Appends a row (synchronised: parameterised tests and harness threads may record concurrently). */
    public static synchronized void record(Row row) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, row.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void record(String section, String id, String fault, String expected, String observed, String test,
            boolean passed) {
        record(new Row(section, id, fault, expected, observed, test, passed ? PASS : FAIL));
    }

    /** A trial that returns what it observed, or throws when the expectation failed. */
    @FunctionalInterface
    public interface Trial {
        String run() throws Exception;
    }

    /**
     * Runs a trial and records its row: pass with what it observed, FAIL with the failure, skipped when the
     * trial aborted itself (an assumption this machine cannot meet). The failure is rethrown.
     */
    public static void trial(String section, String id, String fault, String expected, String test, Trial trial)
            throws Exception {
        try {
            String observed = trial.run();
            record(new Row(section, id, fault, expected, observed, test, PASS));
        } catch (Exception | AssertionError e) {
            boolean aborted = e.getClass().getName().equals("org.opentest4j.TestAbortedException");
            record(new Row(section, id, fault, expected, cell(String.valueOf(e.getMessage()), 400), test,
                    aborted ? SKIPPED : FAIL));
            throw e;
        }
    }

    /** Every row recorded so far in this build, oldest first. */
    public static List<Row> readRecorded() {
        return read(FILE);
    }

    static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Row row = parseLine(line);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Row parseLine(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            return Row.fromMap(FlatJson.read(trimmed));
        } catch (IllegalArgumentException e) {
            return null; // a line torn by an interrupted run: skip it
        }
    }

    /** Shortens text for a table cell: one line, at most {@code max} characters. */
    public static String cell(String text, int max) {
        if (text == null) {
            return "";
        }
        String one = text.replaceAll("\\s+", " ").trim();
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }

    /** A flat JSON object of string values: enough for the rows, no library needed. */
    static final class FlatJson {
        private FlatJson() {
        }

        static String write(Map<String, String> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, value) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                string(out, key);
                out.append(':');
                string(out, value == null ? "" : value);
            });
            return out.append('}').toString();
        }

        /** Escapes {@code <}, {@code >} and {@code &} too, so a row can sit inside an HTML comment. */
        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        static Map<String, String> read(String json) {
            Map<String, String> map = new LinkedHashMap<>();
            int[] pos = {0};
            skipSpace(json, pos);
            expect(json, pos, '{');
            skipSpace(json, pos);
            if (peek(json, pos) == '}') {
                return map;
            }
            while (true) {
                skipSpace(json, pos);
                String key = readString(json, pos);
                skipSpace(json, pos);
                expect(json, pos, ':');
                skipSpace(json, pos);
                map.put(key, readString(json, pos));
                skipSpace(json, pos);
                char c = peek(json, pos);
                pos[0]++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + pos[0]);
                }
            }
        }

        private static String readString(String json, int[] pos) {
            expect(json, pos, '"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek(json, pos);
                pos[0]++;
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = peek(json, pos);
                pos[0]++;
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos[0] + 4 > json.length()) {
                            throw new IllegalArgumentException("truncated escape");
                        }
                        out.append((char) Integer.parseInt(json.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private static char peek(String json, int[] pos) {
            if (pos[0] >= json.length()) {
                throw new IllegalArgumentException("unexpected end of row");
            }
            return json.charAt(pos[0]);
        }

        private static void expect(String json, int[] pos, char c) {
            if (peek(json, pos) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + pos[0]);
            }
            pos[0]++;
        }

        private static void skipSpace(String json, int[] pos) {
            while (pos[0] < json.length() && Character.isWhitespace(json.charAt(pos[0]))) {
                pos[0]++;
            }
        }
    }
}
