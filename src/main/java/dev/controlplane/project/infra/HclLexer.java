package dev.controlplane.project.infra;

import static dev.controlplane.project.infra.HclScanner.MAX_NESTING;
import static dev.controlplane.project.infra.HclScanner.MAX_TEMPLATE_LINES;

import java.util.ArrayList;
import java.util.List;

/**
 * The first half of {@link HclScanner}: turns HCL text into tokens. Everything that may contain braces (strings,
 * heredocs, comments) is consumed here, so {@link HclParser} only ever sees structural braces. Problems (unterminated
 * string, comment or heredoc; templates nested too deep or too long) are collected, never thrown.
 */
final class HclLexer {
    /** What a token is: the parser only looks at kinds, never re-reads text for structure. */
    enum Kind { IDENT, STRING, HEREDOC, LBRACE, RBRACE, OPEN, CLOSE, EQUALS, COLON, COMMA, NEWLINE, OTHER, EOF }

    record Token(Kind kind, String text, boolean templated, int line) {
    }

    private final String s;
    private final int n;
    private int i;
    private int line = 1;
    private int templateNewlinesLeft;
    private final List<Token> out = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    HclLexer(String text) {
        this.s = text;
        this.n = text.length();
    }

    List<Token> tokens() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                add(Kind.NEWLINE, "\n");
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                i++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                skipToEndOfLine();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '"') {
                quoted();
            } else if (c == '<' && peek(1) == '<' && heredocStart()) {
                heredoc();
            } else if (isIdentStart(c)) {
                identifier();
            } else {
                punctuation(c);
            }
        }
        add(Kind.EOF, "");
        return out;
    }

    private char peek(int ahead) {
        return i + ahead < n ? s.charAt(i + ahead) : '\0';
    }

    private void add(Kind kind, String text) {
        out.add(new Token(kind, text, false, line));
    }

    private void skipToEndOfLine() {
        while (i < n && s.charAt(i) != '\n') {
            i++;
        }
    }

    private void blockComment() {
        int startLine = line;
        int end = s.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        boolean multiline = false;
        for (int k = i; k < stop; k++) {
            if (s.charAt(k) == '\n') {
                line++;
                multiline = true;
            }
        }
        if (end < 0) {
            problems.add("line " + startLine + ": unterminated /* comment");
        }
        i = stop;
        // A comment spanning lines ends the attribute before it, as the newline inside it would.
        if (multiline) {
            add(Kind.NEWLINE, "\n");
        }
    }

    private void quoted() {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        boolean[] templated = {false};
        templateNewlinesLeft = MAX_TEMPLATE_LINES;
        int end = scanQuoted(i, value, templated, 0);
        if (end < 0) {
            problems.add("line " + startLine + ": unterminated string");
            // Recover at the end of the line: a quoted string cannot span lines.
            skipToEndOfLine();
        } else {
            line += count(i, end, '\n'); // templates may span lines
            i = end;
        }
        out.add(new Token(Kind.STRING, value.toString(), templated[0], startLine));
    }

    /**
     * Scans a quoted string starting at {@code start} (the opening quote). Returns the index after the closing
     * quote, or -1 if the string does not close on its line. Newlines are allowed only inside templates.
     * {@code nesting} counts the templates around this string.
     */
    private int scanQuoted(int start, StringBuilder value, boolean[] templated, int nesting) {
        int j = start + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) {
                value.append(unescape(s.charAt(j + 1)));
                j += 2;
            } else if (c == '"') {
                return j + 1;
            } else if (c == '\n') {
                return -1;
            } else if ((c == '$' || c == '%') && j + 2 < n && s.charAt(j + 1) == c && s.charAt(j + 2) == '{') {
                value.append(c).append('{');
                j += 3;
            } else if ((c == '$' || c == '%') && j + 1 < n && s.charAt(j + 1) == '{') {
                templated[0] = true;
                int after = skipTemplate(j + 2, nesting + 1);
                if (after < 0) {
                    return -1;
                }
                value.append(s, j, after);
                j = after;
            } else {
                value.append(c);
                j++;
            }
        }
        return -1;
    }

    /** Skips a template body to after its closing brace: nested braces and strings included. */
    private int skipTemplate(int start, int nesting) {
        if (nesting > MAX_NESTING) {
            problems.add("line " + line + ": templates nested deeper than " + MAX_NESTING + " levels");
            return -1;
        }
        int depth = 1;
        int j = start;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '"') {
                int after = scanQuoted(j, new StringBuilder(), new boolean[1], nesting);
                if (after < 0) {
                    return -1;
                }
                j = after;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j + 1;
            } else if (c == '\n' && --templateNewlinesLeft < 0) {
                return -1;
            }
            j++;
        }
        return -1;
    }

    private int count(int from, int to, char c) {
        int k = 0;
        for (int j = from; j < to; j++) {
            if (s.charAt(j) == c) {
                k++;
            }
        }
        return k;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    private boolean heredocStart() {
        int j = i + 2;
        if (j < n && s.charAt(j) == '-') {
            j++;
        }
        return j < n && isIdentStart(s.charAt(j));
    }

    private void heredoc() {
        int startLine = line;
        int j = i + 2;
        if (s.charAt(j) == '-') {
            j++;
        }
        int markerStart = j;
        while (j < n && isIdentPart(s.charAt(j))) {
            j++;
        }
        String marker = s.substring(markerStart, j);
        int lineEnd = s.indexOf('\n', j);
        if (lineEnd < 0) {
            problems.add("line " + startLine + ": unterminated heredoc <<" + marker);
            i = n;
            return;
        }
        // Content lines until one that, trimmed, is the marker (HCL allows the marker to be indented).
        int pos = lineEnd + 1;
        line++;
        while (pos < n) {
            int eol = s.indexOf('\n', pos);
            int end = eol < 0 ? n : eol;
            if (s.substring(pos, end).trim().equals(marker)) {
                i = end;
                out.add(new Token(Kind.HEREDOC, "", false, startLine));
                return;
            }
            if (eol < 0) {
                break;
            }
            line++;
            pos = eol + 1;
        }
        problems.add("line " + startLine + ": unterminated heredoc <<" + marker);
        i = n;
    }

    private void identifier() {
        int start = i;
        while (i < n && isIdentPart(s.charAt(i))) {
            i++;
        }
        add(Kind.IDENT, s.substring(start, i));
    }

    private void punctuation(char c) {
        char next = peek(1);
        Kind kind = switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '[', '(' -> Kind.OPEN;
            case ']', ')' -> Kind.CLOSE;
            case ',' -> Kind.COMMA;
            case ':' -> Kind.COLON;
            // '==' and '=>' are operators, not assignments.
            case '=' -> next == '=' || next == '>' ? Kind.OTHER : Kind.EQUALS;
            default -> Kind.OTHER;
        };
        boolean twoChars = (c == '=' && (next == '=' || next == '>'))
                || ((c == '!' || c == '<' || c == '>') && next == '=')
                || ((c == '&' || c == '|') && next == c);
        add(kind, s.substring(i, i + (twoChars ? 2 : 1)));
        i += twoChars ? 2 : 1;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
