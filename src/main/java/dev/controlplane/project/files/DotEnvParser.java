package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the variable NAMES of a dotenv file. Values are skipped over, never kept: the parser only needs them to
 * know where a multi-line quoted value ends, so the next line is not mistaken for a key.
 *
 * <p>Understands {@code KEY=value}, {@code export KEY=value}, blank lines, {@code #} comments, single, double and
 * back quotes, and quoted values spanning lines. Problems are reported by line number only (the line could hold a
 * value).
 */
public final class DotEnvParser {
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private DotEnvParser() {
    }

    /** The keys in file order (first occurrence), and the problems found ("line 4: ..."). */
    public record Parsed(List<String> keys, List<String> problems) {
    }

    public static Parsed parse(String text) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            i++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = EXPORT.matcher(line).replaceFirst("");
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("line " + lineNumber + ": not KEY=value");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                problems.add("line " + lineNumber + ": invalid variable name");
                continue;
            }
            if (!keys.add(key)) {
                problems.add("line " + lineNumber + ": duplicate key " + key);
            }
            String value = line.substring(eq + 1).stripLeading();
            if (value.isEmpty() || "\"'`".indexOf(value.charAt(0)) < 0) {
                continue;
            }
            char quote = value.charAt(0);
            if (closes(value.substring(1), quote)) {
                continue;
            }
            // A quoted value that continues on the next lines: skip to its closing quote.
            boolean closed = false;
            while (i < lines.length && !closed) {
                closed = closes(lines[i], quote);
                i++;
            }
            if (!closed) {
                problems.add("line " + lineNumber + ": quoted value never closed");
            }
        }
        return new Parsed(List.copyOf(keys), List.copyOf(problems));
    }

    /** Whether {@code text} holds an unescaped {@code quote} (single quotes have no escapes in dotenv). */
    private static boolean closes(String text, char quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (c == quote) {
                return true;
            }
        }
        return false;
    }
}
