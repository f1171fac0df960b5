package dev.controlplane.project.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.project.infra.DockerfileAnalysis.Instruction;

/**
 * The syntax half of {@link DockerfileAnalysis}: splits a Dockerfile into instructions the way the builder reads
 * it (the {@code escape} parser directive, line continuations with comments inside them, heredoc bodies skipped),
 * without interpreting any of them.
 */
public final class DockerfileInstructions {
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*$");

    private DockerfileInstructions() {
    }

    /** Splits the Dockerfile into instructions, honouring the escape directive, continuations and heredocs. */
    public static List<Instruction> split(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        char escape = escapeDirective(lines);
        List<Instruction> result = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String piece = line;
            while (true) {
                String stripped = piece.stripTrailing();
                boolean continues = !stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape;
                logical.append(continues ? stripped.substring(0, stripped.length() - 1) : stripped);
                i++;
                if (!continues) {
                    break;
                }
                // Comment and empty lines inside a continuation are dropped, not ends of the instruction.
                while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
                    i++;
                }
                if (i >= lines.length) {
                    break;
                }
                piece = lines[i];
            }
            String instruction = logical.toString().strip();
            int space = firstWhitespace(instruction);
            String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : instruction.substring(space + 1).strip();
            result.add(new Instruction(start, keyword, args));
            i = skipHeredocs(lines, i, keyword, args);
        }
        return result;
    }

    /** Skips heredoc bodies ({@code RUN <<EOF ... EOF}): their lines are data, not instructions. */
    private static int skipHeredocs(String[] lines, int next, String keyword, String args) {
        if (!keyword.equals("RUN") && !keyword.equals("COPY") && !keyword.equals("ADD")) {
            return next;
        }
        int i = next;
        Matcher m = HEREDOC.matcher(args);
        while (m.find()) {
            boolean stripTabs = !m.group(1).isEmpty();
            String terminator = m.group(3);
            while (i < lines.length) {
                String body = stripTabs ? lines[i].replaceFirst("^\\t+", "") : lines[i];
                i++;
                if (body.equals(terminator) || body.stripTrailing().equals(terminator)) {
                    break;
                }
            }
        }
        return i;
    }

    /** Parser directives come first, before any instruction, comment or blank line ends them. */
    private static char escapeDirective(String[] lines) {
        for (String line : lines) {
            Matcher m = DIRECTIVE.matcher(line.strip());
            if (!m.matches()) {
                break;
            }
            if (m.group(1).equalsIgnoreCase("escape") && m.group(2).length() == 1) {
                return m.group(2).charAt(0);
            }
        }
        return '\\';
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
