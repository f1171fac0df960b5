package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.project.files.SecretScanner;

/** The headings of a README, by its markup: Markdown (ATX and setext), reStructuredText or AsciiDoc. */
public final class ReadmeHeadings {
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-{3,})\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern RST_ADORNMENT = Pattern.compile("^([=\\-~^*#+`:'\"_.])\\1{2,}\\s*$");
    private static final Pattern ADOC = Pattern.compile("^={1,6}\\s+(\\S.*)$");

    private ReadmeHeadings() {
    }

    /** All heading texts in order (the caller caps the list). */
    public static List<String> of(String fileName, String text) {
        String ext = SecretScanner.extension(fileName);
        List<String> lines = text.lines().toList();
        return switch (ext) {
            case "rst" -> rst(lines);
            case "adoc", "asciidoc" -> adoc(lines);
            case "md", "markdown", "" -> markdown(lines);
            default -> List.of();
        };
    }

    private static List<String> markdown(List<String> lines) {
        List<String> headings = new ArrayList<>();
        boolean inFence = false;
        int start = frontMatterEnd(lines);
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                String heading = atx.group(1) == null ? "" : atx.group(1).strip();
                if (!heading.isEmpty()) {
                    headings.add(heading);
                }
                continue;
            }
            boolean paragraphLine = !line.isBlank() && (i + 1 < lines.size())
                    && SETEXT_UNDERLINE.matcher(lines.get(i + 1)).matches()
                    && (i == start || lines.get(i - 1).isBlank());
            if (paragraphLine) {
                headings.add(line.strip());
                i++;
            }
        }
        return headings;
    }

    /** YAML front matter ({@code ---} ... {@code ---}) is not a heading. */
    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> rst(List<String> lines) {
        List<String> headings = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String title = lines.get(i).strip();
            String under = lines.get(i + 1).strip();
            if (!title.isEmpty() && !RST_ADORNMENT.matcher(title).matches()
                    && RST_ADORNMENT.matcher(under).matches() && under.length() >= title.length()) {
                headings.add(title);
                i++;
            }
        }
        return headings;
    }

    private static List<String> adoc(List<String> lines) {
        List<String> headings = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ADOC.matcher(line);
            if (m.matches()) {
                headings.add(m.group(1).strip());
            }
        }
        return headings;
    }
}
