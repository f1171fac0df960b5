package dev.controlplane.analysis;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative links in Markdown files that point to files that do not exist. URLs ({@code scheme:}), anchors
 * ({@code #x}), absolute site paths ({@code /x}) and links inside code fences are not checked; a target outside
 * the project counts as broken (it cannot be there for a reader of the repository).
 */
public final class MarkdownLinks {
    private static final Pattern LINK = Pattern.compile(
            "!?\\[[^\\]]*\\]\\(\\s*(?:<([^>]+)>|([^)\\s]+))(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final int MAX_BYTES = 1_000_000;

    public record Broken(String file, int line, String target) {
    }

    private MarkdownLinks() {
    }

    /** @param files Markdown files (project-relative paths) found by the card's walk */
    public static List<Broken> check(Path root, List<String> files) {
        List<Broken> broken = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        for (String rel : files) {
            Path file = base.resolve(rel);
            List<String> lines;
            try {
                if (Files.size(file) > MAX_BYTES) {
                    continue;
                }
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            boolean fence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                    fence = !fence;
                    continue;
                }
                if (fence) {
                    continue;
                }
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    check(base, file, rel, i + 1, link.group(1) != null ? link.group(1) : link.group(2), broken);
                }
                Matcher reference = REFERENCE.matcher(line);
                if (reference.matches()) {
                    check(base, file, rel, i + 1, reference.group(1), broken);
                }
            }
        }
        return broken;
    }

    private static void check(Path root, Path file, String rel, int line, String target, List<Broken> broken) {
        if (target.isEmpty() || target.startsWith("#") || target.startsWith("/") || target.startsWith("//")
                || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return;
        }
        String path = target;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty()) {
            return;
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path resolved = file.getParent().resolve(path).normalize();
            if (!resolved.startsWith(root) || !Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                broken.add(new Broken(rel, line, target));
            }
        } catch (RuntimeException e) {
            broken.add(new Broken(rel, line, target));
        }
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
