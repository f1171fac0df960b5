package dev.controlplane.project.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, careful scanner of HCL (Terraform) files: it finds the blocks ({@code resource "type" "name" {...}})
 * and the attributes whose value is a plain string or an object of plain strings. We have no HCL parser among
 * our dependencies and regular expressions are fooled by braces in strings, heredocs and comments, so this
 * tokenises first and then matches braces on tokens.
 *
 * <p>Handled: {@code #}, {@code //} and {@code /* *}{@code /} comments; quoted strings with escapes and
 * {@code ${...}}/{@code %{...}} templates that nest strings and braces; {@code $${} / {@code %%{} escapes;
 * heredocs ({@code <<EOF}, {@code <<-EOF}, closing marker possibly indented); one-line blocks; labels as strings
 * or identifiers; object values ({@code aws = { source = "hashicorp/aws" }}).
 *
 * <p>Limits (by design, this is not an evaluator): expressions are skipped, not evaluated, so {@code count} and
 * {@code for_each} do not multiply resources, and a string with an interpolation has no literal value; JSON
 * syntax ({@code .tf.json}) is not read; a malformed file is scanned on a best-effort basis and the problems
 * (unterminated string, comment or heredoc, unbalanced braces) are reported, never thrown. Nesting deeper than
 * {@link #MAX_NESTING} and templates spanning more than {@link #MAX_TEMPLATE_LINES} lines are given up on (with a
 * problem) so that no file can overflow the stack or make the scan quadratic.
 */
public final class HclScanner {

    /** A block: its type ({@code resource}), labels ({@code ["aws_s3_bucket", "logs"]}) and body. */
    public record Block(String type, List<String> labels, Map<String, Attribute> attributes, List<Block> blocks) {
        public String label(int index) {
            return index < labels.size() ? labels.get(index) : "";
        }

        /** The literal string value of an attribute, or "" when absent or not a plain string. */
        public String string(String attribute) {
            Attribute a = attributes.get(attribute);
            return a == null || a.string() == null ? "" : a.string();
        }
    }

    /**
     * An attribute: {@code string} is its literal value when the expression is one quoted string without
     * interpolation (else null); {@code object} holds the plain-string fields of an object value (else empty).
     */
    public record Attribute(String name, String string, Map<String, String> object) {
    }

    /** The top-level blocks of a file and what looked wrong in it. */
    public record Result(List<Block> blocks, List<String> problems) {
    }

    /**
     * Nesting (blocks, object values, templates inside strings inside templates) deeper than this is skipped, not
     * followed: real configurations stay far below it, and a hostile file must not overflow the stack.
     */
    public static final int MAX_NESTING = 32;
    /**
     * Lines one quoted string's templates may span. A template may hold newlines, so an unclosed one would scan
     * to the end of the file from every later line (quadratic); real templates span a few lines.
     */
    public static final int MAX_TEMPLATE_LINES = 100;
    private static final int MAX_PROBLEMS = 10;

    private enum Kind { IDENT, STRING, HEREDOC, LBRACE, RBRACE, OPEN, CLOSE, EQUALS, COLON, COMMA, NEWLINE, OTHER, EOF }

    private record Token(Kind kind, String text, boolean templated, int line) {
    }

    private HclScanner() {
    }

    public static Result scan(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = lexer.tokens();
        Parser parser = new Parser(tokens, lexer.problems);
        List<Block> blocks = parser.body(false);
        // One broken spot can cascade (every enclosing block unclosed): report each kind once, a few at most.
        return new Result(blocks, lexer.problems.stream().distinct().limit(MAX_PROBLEMS).toList());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lexer: turns text into tokens; everything that may contain braces (strings, heredocs, comments) is consumed
    // here, so the parser only ever sees structural braces.

    private static final class Lexer {
        private final String s;
        private final int n;
        private int i;
        private int line = 1;
        private int templateNewlinesLeft;
        private final List<Token> out = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Lexer(String text) {
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

    // ---------------------------------------------------------------------------------------------------------
    // Parser: bodies are sequences of attributes (name = expression) and blocks (type labels... { body }).

    private static final class Parser {
        private final List<Token> tokens;
        private final List<String> problems;
        private int p;
        private int nesting;
        private boolean tooDeepReported;

        Parser(List<Token> tokens, List<String> problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        private Token peek() {
            return tokens.get(p);
        }

        private Token next() {
            Token t = tokens.get(p);
            if (t.kind() != Kind.EOF) {
                p++;
            }
            return t;
        }

        /** Reads items until EOF (top level) or the closing brace of the enclosing block (nested). */
        List<Block> body(boolean nested) {
            return body(nested, new LinkedHashMap<>());
        }

        private List<Block> body(boolean nested, Map<String, Attribute> attributes) {
            List<Block> blocks = new ArrayList<>();
            while (true) {
                Token t = peek();
                switch (t.kind()) {
                    case EOF -> {
                        if (nested) {
                            problems.add("unbalanced braces: a block is not closed at the end of the file");
                        }
                        return blocks;
                    }
                    case RBRACE -> {
                        next();
                        if (nested) {
                            return blocks;
                        }
                        problems.add("line " + t.line() + ": unbalanced braces: unexpected }");
                    }
                    case IDENT -> item(blocks, attributes);
                    default -> next(); // stray newline, comma or junk: skip
                }
            }
        }

        private void item(List<Block> blocks, Map<String, Attribute> attributes) {
            Token name = next();
            if (peek().kind() == Kind.EQUALS) {
                next();
                Attribute value = expression(name.text());
                attributes.putIfAbsent(name.text(), value);
                return;
            }
            List<String> labels = new ArrayList<>();
            while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
                labels.add(next().text());
            }
            if (peek().kind() == Kind.LBRACE) {
                next();
                if (nesting >= MAX_NESTING) {
                    skipNested();
                    return;
                }
                Map<String, Attribute> inner = new LinkedHashMap<>();
                nesting++;
                List<Block> children = body(true, inner);
                nesting--;
                blocks.add(new Block(name.text(), List.copyOf(labels), inner, children));
                return;
            }
            // Neither an attribute nor a block: skip the rest of this line.
            expression(name.text());
        }

        /**
         * Reads an expression up to a newline, comma or closing brace at its own nesting level (the closing brace
         * of the enclosing block is left for it). Only literal strings and objects of literal strings are kept.
         */
        private Attribute expression(String name) {
            Token first = peek();
            Map<String, String> object = new LinkedHashMap<>();
            boolean isObject = first.kind() == Kind.LBRACE && nesting < MAX_NESTING;
            if (isObject) {
                next();
                nesting++;
                object(object);
                nesting--;
            }
            int rest = 0; // tokens after the object literal, or of the whole expression
            int depth = 0;
            while (true) {
                Token t = peek();
                Kind k = t.kind();
                if (k == Kind.EOF) {
                    break;
                }
                if (depth == 0 && (k == Kind.NEWLINE || k == Kind.COMMA || k == Kind.RBRACE)) {
                    break;
                }
                if (k == Kind.LBRACE || k == Kind.OPEN) {
                    depth++;
                } else if ((k == Kind.RBRACE || k == Kind.CLOSE) && depth > 0) {
                    depth--;
                }
                next();
                rest++;
            }
            boolean plainString = !isObject && rest == 1 && first.kind() == Kind.STRING && !first.templated();
            return new Attribute(name, plainString ? first.text() : null, isObject && rest == 0 ? object : Map.of());
        }

        /** Skips what follows an opening brace up to its closing one, without recursion. */
        private void skipNested() {
            if (!tooDeepReported) {
                problems.add("line " + peek().line() + ": blocks nested deeper than " + MAX_NESTING
                        + " levels are not scanned");
                tooDeepReported = true;
            }
            int depth = 1;
            while (depth > 0 && peek().kind() != Kind.EOF) {
                Kind k = next().kind();
                if (k == Kind.LBRACE) {
                    depth++;
                } else if (k == Kind.RBRACE) {
                    depth--;
                }
            }
        }

        /** An object value after its '{': {@code key = value} or {@code key: value} items up to the '}'. */
        private void object(Map<String, String> fields) {
            while (true) {
                Token t = peek();
                switch (t.kind()) {
                    case EOF -> {
                        problems.add("unbalanced braces: an object is not closed at the end of the file");
                        return;
                    }
                    case RBRACE -> {
                        next();
                        return;
                    }
                    case IDENT, STRING -> {
                        next();
                        if (peek().kind() == Kind.EQUALS || peek().kind() == Kind.COLON) {
                            next();
                            Attribute value = expression(t.text());
                            if (value.string() != null) {
                                fields.putIfAbsent(t.text(), value.string());
                            }
                        } else {
                            expression(t.text()); // e.g. a for-expression: not an object literal
                        }
                    }
                    default -> next();
                }
            }
        }
    }
}
