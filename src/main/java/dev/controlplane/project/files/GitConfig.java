package dev.controlplane.project.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.support.Manifests;

/**
 * Reads the remotes of a repository's {@code .git/config} without running git (the card must work, and stay
 * cheap, where git is not installed). Follows git's INI dialect: {@code [remote "origin"]} and the old
 * {@code [remote.origin]} headers, case-insensitive section and key names, {@code #}/{@code ;} comments,
 * quoted values with escapes, and lines continued with a backslash. Not followed: {@code [include]} files and
 * {@code url.<base>.insteadOf} rewrites.
 */
public final class GitConfig {
    private static final long MAX_BYTES = 512 * 1024;

    private GitConfig() {
    }

    /**
     * The config file of the repository at the project root: {@code .git/config}, or for a linked worktree or
     * submodule ({@code .git} is a file saying {@code gitdir: ...}) the config of the repository it belongs to.
     */
    public static Optional<Path> locate(ProjectAccess ctx) {
        Path dotGit = ctx.path(".git");
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(dotGit.resolve("config"));
        }
        String pointer = Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS) ? Manifests.text(dotGit) : null;
        if (pointer == null || !pointer.startsWith("gitdir:")) {
            return Optional.empty();
        }
        Path gitDir = ctx.root().resolve(pointer.substring("gitdir:".length()).trim()).normalize();
        String common = Manifests.text(gitDir.resolve("commondir"));
        Path configDir = common == null ? gitDir : gitDir.resolve(common.trim()).normalize();
        return Optional.of(configDir.resolve("config"));
    }

    /** Remote name to its (first) URL, in file order. A missing, huge or unreadable file has no remotes. */
    public static Map<String, String> remotes(Path config) {
        try {
            if (!Files.isRegularFile(config) || Files.size(config) > MAX_BYTES) {
                return Map.of();
            }
        } catch (IOException e) {
            return Map.of();
        }
        String text = Manifests.text(config);
        return text == null ? Map.of() : remotes(text);
    }

    public static Map<String, String> remotes(String text) {
        Map<String, String> remotes = new LinkedHashMap<>();
        String section = "";
        String subsection = "";
        // A backslash at the end of a line continues the value on the next one.
        for (String line : text.replace("\r\n", "\n").replaceAll("(?<!\\\\)((?:\\\\\\\\)*)\\\\\n", "$1").split("\n")) {
            String rest = line.strip();
            if (rest.startsWith("[")) {
                int close = closingBracket(rest);
                if (close < 0) {
                    continue;
                }
                String[] header = header(rest.substring(1, close));
                section = header[0];
                subsection = header[1];
                rest = rest.substring(close + 1).strip(); // a variable may follow on the same line
            }
            if (rest.isEmpty() || rest.startsWith("#") || rest.startsWith(";")) {
                continue;
            }
            int eq = rest.indexOf('=');
            String key = (eq < 0 ? rest : rest.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if ("remote".equals(section) && "url".equals(key) && eq >= 0 && !subsection.isEmpty()) {
                remotes.putIfAbsent(subsection, value(rest.substring(eq + 1)));
            }
        }
        return remotes;
    }

    /** The index of the ']' closing a section header, skipping a quoted subsection. */
    private static int closingBracket(String line) {
        boolean quoted = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** {section, subsection}: {@code remote "origin"} (subsection case-sensitive) or {@code remote.origin}. */
    private static String[] header(String inside) {
        String text = inside.strip();
        int quote = text.indexOf('"');
        if (quote >= 0) {
            String section = text.substring(0, quote).strip().toLowerCase(Locale.ROOT);
            StringBuilder sub = new StringBuilder();
            for (int i = quote + 1; i < text.length() && text.charAt(i) != '"'; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    c = text.charAt(++i);
                }
                sub.append(c);
            }
            return new String[] {section, sub.toString()};
        }
        int dot = text.indexOf('.');
        if (dot >= 0) {
            // The deprecated [section.subsection] form lower-cases the subsection too.
            return new String[] {text.substring(0, dot).toLowerCase(Locale.ROOT),
                    text.substring(dot + 1).toLowerCase(Locale.ROOT)};
        }
        return new String[] {text.toLowerCase(Locale.ROOT), ""};
    }

    /** A value: quotes removed, escapes resolved, an unquoted {@code #} or {@code ;} starts a comment. */
    public static String value(String raw) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int significant = 0; // length up to the last character that is not unquoted trailing whitespace
        String text = raw.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    default -> next;
                });
                significant = out.length();
            } else if (c == '"') {
                quoted = !quoted;
                significant = out.length();
            } else if ((c == '#' || c == ';') && !quoted) {
                break;
            } else {
                out.append(c);
                if (quoted || !Character.isWhitespace(c)) {
                    significant = out.length();
                }
            }
        }
        return out.substring(0, significant);
    }
}
