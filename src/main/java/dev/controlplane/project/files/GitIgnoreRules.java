package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A small, self-contained reading of one {@code .gitignore} file, used when git itself cannot answer (no git on
 * the PATH, or the project is not a repository).
 *
 * <p>Supported: comments, blank lines, negation ({@code !}), directory-only patterns (trailing {@code /}),
 * anchoring (a leading or inner {@code /}), and the globs {@code *}, {@code ?}, {@code [...]} and {@code **}; a
 * path is ignored when it or one of its parent directories is (git never re-includes a file below an ignored
 * directory). Not supported, on purpose: nested {@code .gitignore} files, {@code .git/info/exclude} and the global
 * excludes file; only the project's root {@code .gitignore} counts.
 */
public final class GitIgnoreRules {

    /**
     * One pattern. {@code literal} (a pattern with no glob character) and {@code suffix} (a {@code *} followed by
     * one) answer without a regex: most .gitignore lines are of these two kinds, and a matcher per rule per path
     * was the largest allocation of the security card on a 50,000-file tree.
     */
    private record Rule(Pattern regex, boolean negated, boolean directoryOnly, boolean anchored, String literal,
            String suffix) {
        boolean test(String subject) {
            if (literal != null) {
                return subject.equals(literal);
            }
            if (suffix != null) {
                // "[^/]*" before the suffix: no slash in what the star covers
                int starEnd = subject.length() - suffix.length();
                return starEnd >= 0 && subject.endsWith(suffix) && subject.lastIndexOf('/', starEnd - 1) < 0;
            }
            return regex.matcher(subject).matches();
        }
    }

    /** Directories ignored so far (the same parents come back for every file below them); bounded. */
    private static final int MAX_REMEMBERED = 100_000;

    private final List<Rule> rules;
    private final Map<String, Boolean> directories = new ConcurrentHashMap<>();

    private GitIgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static GitIgnoreRules empty() {
        return new GitIgnoreRules(List.of());
    }

    /** Parses the content of a {@code .gitignore}; {@code null} means no file (nothing is ignored). */
    public static GitIgnoreRules parse(String content) {
        if (content == null) {
            return empty();
        }
        List<Rule> rules = new ArrayList<>();
        for (String raw : content.split("\r?\n")) {
            Rule rule = parseLine(raw);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new GitIgnoreRules(List.copyOf(rules));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static Rule parseLine(String raw) {
        String line = stripTrailingSpaces(raw);
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (line.startsWith("!")) {
            negated = true;
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        boolean directoryOnly = line.endsWith("/");
        while (line.endsWith("/")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            return null;
        }
        // A slash at the start or in the middle ties the pattern to the .gitignore's directory.
        boolean anchored = line.contains("/");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        return new Rule(Pattern.compile(globToRegex(line)), negated, directoryOnly, anchored,
                plain(line) ? line : null,
                line.length() > 1 && line.charAt(0) == '*' && plain(line.substring(1)) ? line.substring(1) : null);
    }

    /** No glob or escape character: the pattern matches itself only. */
    private static boolean plain(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Trailing spaces are ignored unless escaped with a backslash. */
    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            if (end >= 2 && line.charAt(end - 2) == '\\') {
                break;
            }
            end--;
        }
        return line.substring(0, end);
    }

    public static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        regex.append("(?:.*/)?"); // "**/" = zero or more directories
                        i += 3;
                    } else {
                        regex.append(".*");
                        i += 2;
                    }
                } else {
                    regex.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    regex.append("\\[");
                    i++;
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    regex.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /**
     * Whether {@code path} (project-relative, forward slashes) is ignored. {@code directory} says whether the path
     * itself is a directory (directory-only patterns apply to it then).
     */
    public boolean ignores(String path, boolean directory) {
        String clean = path;
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        if (clean.isEmpty() || rules.isEmpty()) {
            return false;
        }
        // A path is ignored when one of its parent directories is: each parent is asked once per instance.
        int slash = clean.lastIndexOf('/');
        if (slash >= 0 && directoryIgnored(clean.substring(0, slash))) {
            return true;
        }
        return matches(clean, clean.substring(slash + 1), directory);
    }

    /** Whether the directory {@code dir} (no trailing slash) or one of its parents is ignored. */
    private boolean directoryIgnored(String dir) {
        Boolean known = directories.get(dir);
        if (known != null) {
            return known;
        }
        int slash = dir.lastIndexOf('/');
        boolean ignored = slash >= 0 && directoryIgnored(dir.substring(0, slash))
                || matches(dir, dir.substring(slash + 1), true);
        if (directories.size() < MAX_REMEMBERED) {
            directories.put(dir, ignored);
        }
        return ignored;
    }

    /** The last matching rule decides (a later {@code !pattern} re-includes). */
    private boolean matches(String path, String name, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly() && !directory) {
                continue;
            }
            String subject = rule.anchored() ? path : name;
            if (rule.test(subject)) {
                ignored = !rule.negated();
            }
        }
        return ignored;
    }
}
