package dev.controlplane.project.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in one file's text, line by line, with the {@link SecretRule} catalogue. Never keeps a secret:
 * a finding holds only a masked preview.
 *
 * <p>Decisions worth knowing:
 * <ul>
 * <li>{@code nosec} anywhere on a line (any case) suppresses every match on it; each is counted as suppressed.
 * <li>Free-text secrets (passwords in assignments and DB URLs) that are obvious placeholders are not findings:
 * interpolations ({@code ${X}}, {@code {{ x }}}, {@code %(x)s}, {@code $X}, {@code <x>}), one repeated character
 * ({@code xxxx}, {@code ****}), the words in {@link #PLACEHOLDER_WORDS} and values containing one of
 * {@link #PLACEHOLDER_PARTS} ({@code changeme}, {@code example}, {@code your_}...). Fixed-format tokens (AWS,
 * GitHub, Stripe...) are always findings: their format is the evidence.
 * <li>Overlapping matches on one line are reported once, by the most specific rule.
 * </ul>
 */
public final class SecretScanner {
    /** Source files are read for scanning up to this size; bigger ones are skipped (and counted). */
    public static final int MAX_BYTES = 512 * 1024;
    /** A NUL byte in this many leading bytes marks a binary file. */
    private static final int SNIFF_BYTES = 8000;
    private static final char ELLIPSIS = '\u2026';

    public static final Set<String> PLACEHOLDER_WORDS = Set.of("password", "passwd", "secret", "changeme", "changeit",
            "none", "null", "nil", "undefined", "true", "false", "todo", "fixme", "empty", "redacted", "placeholder",
            "dummy", "sample", "example", "default");
    public static final List<String> PLACEHOLDER_PARTS = List.of("changeme", "change_me", "change-me", "changeit",
            "example", "placeholder", "redacted", "dummy", "your_", "your-", "yourpassword", "${", "{{", "%(");
    private static final Pattern ONE_CHARACTER_REPEATED = Pattern.compile("(.)\\1*");
    private static final Pattern CODE_REFERENCE = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");

    /** Extensions of programming languages: there an unquoted right-hand side is an expression. */
    private static final Set<String> SOURCE_CODE = Set.of("java", "kt", "kts", "scala", "groovy", "js", "mjs", "cjs",
            "jsx", "ts", "tsx", "py", "go", "rb", "php", "cs", "rs", "swift", "c", "h", "cc", "cpp", "hpp", "m",
            "dart", "lua", "vue", "svelte");

    /** Extensions that are binary whatever their first bytes say (saves reading them). */
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "ico", "webp", "bmp", "pdf", "zip",
            "gz", "tgz", "bz2", "xz", "7z", "jar", "war", "ear", "class", "so", "dll", "dylib", "exe", "bin", "o",
            "a", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wasm", "pyc", "p12", "pfx",
            "jks", "keystore", "der", "sqlite", "db");

    private SecretScanner() {
    }

    public record Finding(String file, int line, String pattern, String severity, String matchPreview) {
    }

    /** What one file gave: its findings and how many matches {@code nosec} suppressed. */
    public record FileScan(List<Finding> findings, int suppressed) {
    }

    /** Why a file was or was not read as text. */
    public enum Skip {
        NONE, BINARY, TOO_LARGE, UNREADABLE
    }

    /** A file's text, or why there is none. */
    public record Text(String content, Skip skip) {
    }

    /** Reads a file for scanning: never more than {@link #MAX_BYTES}, never a binary file. */
    public static Text read(Path file, long size) {
        if (size > MAX_BYTES) {
            return new Text(null, Skip.TOO_LARGE);
        }
        if (BINARY.contains(extension(file.getFileName().toString()))) {
            return new Text(null, Skip.BINARY);
        }
        byte[] bytes;
        int length;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // One buffer of the listed size plus a byte (readNBytes(MAX_BYTES + 1) filled 8 KiB chunks and
            // copied them into a third array); a file that grew since it was listed is read on to the cap, and
            // one past the cap is still skipped as too large.
            bytes = new byte[(int) Math.max(0, size) + 1];
            length = in.readNBytes(bytes, 0, bytes.length);
            if (length == bytes.length) {
                byte[] rest = in.readNBytes(MAX_BYTES + 1 - length);
                if (rest.length > 0) {
                    bytes = java.util.Arrays.copyOf(bytes, length + rest.length);
                    System.arraycopy(rest, 0, bytes, length, rest.length);
                    length += rest.length;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Text(null, Skip.UNREADABLE);
        }
        if (length > MAX_BYTES) {
            return new Text(null, Skip.TOO_LARGE);
        }
        int sniff = Math.min(length, SNIFF_BYTES);
        for (int i = 0; i < sniff; i++) {
            if (bytes[i] == 0) {
                return new Text(null, Skip.BINARY);
            }
        }
        return new Text(new String(bytes, 0, length, StandardCharsets.UTF_8), Skip.NONE);
    }

    /** Scans one file's text; {@code file} is the project-relative path reported with findings. */
    public static FileScan scan(String file, String text) {
        String lower = asciiLowerCase(text);
        List<SecretRule> candidates = SecretRule.ALL.stream().filter(rule -> rule.mayMatch(lower)).toList();
        if (candidates.isEmpty()) {
            return new FileScan(List.of(), 0);
        }
        boolean sourceCode = SOURCE_CODE.contains(extension(file));
        List<Finding> findings = new ArrayList<>();
        int suppressed = 0;
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String lowerLine = lower.substring(start, end);
            List<SecretRule> rules = candidates.stream().filter(rule -> rule.mayMatch(lowerLine)).toList();
            if (!rules.isEmpty()) {
                String line = text.substring(start, end);
                List<Finding> onLine = scanLine(file, lineNumber, line, rules, sourceCode);
                if (!onLine.isEmpty()) {
                    if (lowerLine.contains("nosec")) {
                        suppressed += onLine.size();
                    } else {
                        findings.addAll(onLine);
                    }
                }
            }
            start = end + 1;
        }
        return new FileScan(findings, suppressed);
    }

    /** Lower-cases A-Z only, so the result has the same length and indexes as the input. */
    public static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static List<Finding> scanLine(String file, int lineNumber, String line, List<SecretRule> rules,
            boolean sourceCode) {
        List<Finding> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (SecretRule rule : rules) {
            Matcher m = rule.regex().matcher(line);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                if (sourceCode && rule.bareValueGroup() > 0 && m.group(rule.bareValueGroup()) != null) {
                    continue;
                }
                String secret = secretPart(m, rule.secretGroup());
                if (secret == null || (rule.placeholderCheck() && isPlaceholder(secret))) {
                    continue;
                }
                taken.add(new int[] {m.start(), m.end()});
                found.add(new Finding(file, lineNumber, rule.id(), rule.severity(), preview(secret)));
            }
        }
        return found;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static String secretPart(Matcher m, int group) {
        if (group >= 0) {
            return m.group(group);
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return m.group();
    }

    /**
     * The first and last few characters of a secret with the middle masked: at most 4 each side, and never more
     * than a quarter of the secret each side (a short password shows one character at each end, or nothing).
     */
    public static String preview(String secret) {
        int keep = Math.min(4, secret.length() / 4);
        if (keep == 0) {
            return String.valueOf(ELLIPSIS);
        }
        return secret.substring(0, keep) + ELLIPSIS + secret.substring(secret.length() - keep);
    }

    public static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.contains(v) || v.startsWith("$") || (v.startsWith("<") && v.endsWith(">"))
                || ONE_CHARACTER_REPEATED.matcher(v).matches()) {
            return true;
        }
        for (String part : PLACEHOLDER_PARTS) {
            if (v.contains(part)) {
                return true;
            }
        }
        // settings.password, process.env.DB_PASS: a reference to where the secret lives, not the secret.
        return CODE_REFERENCE.matcher(value).matches();
    }

    public static String extension(String name) {
        int slash = name.lastIndexOf('/');
        String base = slash < 0 ? name : name.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
