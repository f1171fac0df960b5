package dev.controlplane.project.files;

/**
 * Blanks comments (and, on request, string contents) in source code, keeping every newline, so that pattern
 * counting sees only live code: a commented-out {@code // @Test} or a {@code "@Test"} inside a string is not a
 * test. It is a small lexer, not a parser: it knows each language's comment and string delimiters, which is all
 * that matters here. A construct it misreads (a JS regex literal holding a quote) costs at most the rest of that
 * line, because ordinary strings never run past a newline.
 */
public final class SourceCommentStripper {

    /** The comment and string rules of a family of languages. */
    public enum Syntax {
        JAVA, KOTLIN, GROOVY, JS, GO, RUST, PYTHON
    }

    private SourceCommentStripper() {
    }

    /** Comments and the contents of string literals blanked (for counting code constructs). */
    public static String codeOnly(String source, Syntax syntax) {
        return strip(source, syntax, true);
    }

    /** Comments blanked, strings kept (for reading identifiers in build scripts: {@code id 'checkstyle'}). */
    public static String withoutComments(String source, Syntax syntax) {
        return strip(source, syntax, false);
    }

    private static String strip(String source, Syntax syntax, boolean blankStrings) {
        Lexer lexer = new Lexer(source, blankStrings);
        if (syntax == Syntax.PYTHON) {
            lexer.python();
        } else {
            lexer.cLike(syntax);
        }
        return new String(lexer.out);
    }

    private static final class Lexer {
        private final String s;
        private final char[] out;
        private final int n;
        private final boolean blankStrings;

        Lexer(String source, boolean blankStrings) {
            this.s = source;
            this.out = source.toCharArray();
            this.n = source.length();
            this.blankStrings = blankStrings;
        }

        void cLike(Syntax syntax) {
            // Rust and Kotlin block comments nest; Java, JS, Go and Groovy ones end at the first "*/".
            boolean nestedComments = syntax == Syntax.RUST || syntax == Syntax.KOTLIN;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                char next = i + 1 < n ? s.charAt(i + 1) : '\0';
                if (c == '/' && next == '/') {
                    i = lineComment(i);
                } else if (c == '/' && next == '*') {
                    i = blockComment(i, nestedComments);
                } else if ((c == '"' || c == '\'') && isTripleQuoteStart(syntax, c, i)) {
                    // Java text blocks, Kotlin raw strings (no escapes), Groovy triple-quoted strings
                    i = delimited(i + 3, String.valueOf(c).repeat(3), syntax != Syntax.KOTLIN);
                } else if (c == '"' || (c == '\'' && (syntax == Syntax.JS || syntax == Syntax.GROOVY))) {
                    i = quoted(i + 1, c, true, true);
                } else if (c == '`' && (syntax == Syntax.JS || syntax == Syntax.GO)) {
                    // JS template literals and Go raw strings may span lines
                    i = quoted(i + 1, '`', syntax == Syntax.JS, false);
                } else if (c == '\'') {
                    i = charLiteral(i);
                } else {
                    i++;
                }
            }
        }

        void python() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '#') {
                    i = lineComment(i);
                } else if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    i = s.startsWith(triple, i) ? delimited(i + 3, triple, true) : quoted(i + 1, c, true, true);
                } else {
                    i++;
                }
            }
        }

        private boolean isTripleQuoteStart(Syntax syntax, char quote, int i) {
            boolean allowed = switch (syntax) {
                case JAVA, KOTLIN -> quote == '"';
                case GROOVY -> true;
                default -> false;
            };
            return allowed && s.startsWith(String.valueOf(quote).repeat(3), i);
        }

        private int lineComment(int from) {
            int end = s.indexOf('\n', from);
            end = end < 0 ? n : end;
            blank(from, end);
            return end;
        }

        private int blockComment(int from, boolean nested) {
            int depth = 0;
            int i = from;
            while (i < n) {
                if (s.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                    if (!nested) {
                        int close = s.indexOf("*/", i);
                        i = close < 0 ? n : close + 2;
                        depth = 0;
                        break;
                    }
                } else if (s.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        break;
                    }
                } else {
                    i++;
                }
            }
            blank(from, i);
            return i;
        }

        /** A string closed by {@code delimiter} (may span lines); returns the index after it. */
        private int delimited(int contentStart, String delimiter, boolean escapes) {
            int i = contentStart;
            while (i < n) {
                if (escapes && s.charAt(i) == '\\') {
                    i += 2;
                } else if (s.startsWith(delimiter, i)) {
                    blankString(contentStart, i);
                    return i + delimiter.length();
                } else {
                    i++;
                }
            }
            blankString(contentStart, n);
            return n;
        }

        /** A string closed by {@code quote}; an unterminated one ends at the newline when {@code oneLine}. */
        private int quoted(int contentStart, char quote, boolean escapes, boolean oneLine) {
            int i = contentStart;
            while (i < n) {
                char c = s.charAt(i);
                if (escapes && c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    blankString(contentStart, i);
                    return i + 1;
                } else if (oneLine && c == '\n') {
                    blankString(contentStart, i);
                    return i;
                } else {
                    i++;
                }
            }
            blankString(contentStart, n);
            return n;
        }

        /**
         * {@code 'x'} or {@code '\n'} is a character literal; anything else after a quote (a Rust lifetime
         * {@code 'a}) is code.
         */
        private int charLiteral(int quoteAt) {
            int i = quoteAt + 1;
            if (i < n && s.charAt(i) == '\\') {
                int close = s.indexOf('\'', i + 2);
                int newline = s.indexOf('\n', i);
                boolean sameLine = close > 0 && (newline < 0 || close < newline);
                // the longest escape is a Rust unicode one, backslash u{10FFFF}
                if (sameLine && close - quoteAt <= 12) {
                    blankString(quoteAt + 1, close);
                    return close + 1;
                }
                return quoteAt + 1;
            }
            if (i + 1 < n && s.charAt(i + 1) == '\'' && s.charAt(i) != '\n') {
                blankString(i, i + 1);
                return i + 2;
            }
            return quoteAt + 1;
        }

        private void blankString(int from, int to) {
            if (blankStrings) {
                blank(from, to);
            }
        }

        private void blank(int from, int to) {
            for (int k = Math.max(0, from); k < Math.min(to, n); k++) {
                if (out[k] != '\n') {
                    out[k] = ' ';
                }
            }
        }
    }
}
