package dev.controlplane.project.infra;

import static dev.controlplane.project.infra.HclScanner.MAX_NESTING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.controlplane.project.infra.HclLexer.Kind;
import dev.controlplane.project.infra.HclLexer.Token;
import dev.controlplane.project.infra.HclScanner.Attribute;
import dev.controlplane.project.infra.HclScanner.Block;

/**
 * The second half of {@link HclScanner}: matches braces on {@link HclLexer} tokens. A body is a sequence of
 * attributes ({@code name = expression}) and blocks ({@code type labels... { body }}); expressions are skipped, only
 * plain strings and objects of plain strings are kept.
 */
final class HclParser {
    private final List<Token> tokens;
    private final List<String> problems;
    private int p;
    private int nesting;
    private boolean tooDeepReported;

    HclParser(List<Token> tokens, List<String> problems) {
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
