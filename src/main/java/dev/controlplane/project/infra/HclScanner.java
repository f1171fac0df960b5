package dev.controlplane.project.infra;

import java.util.List;
import java.util.Map;

/**
 * A small, careful scanner of HCL (Terraform) files: it finds the blocks ({@code resource "type" "name" {...}})
 * and the attributes whose value is a plain string or an object of plain strings. We have no HCL parser among
 * our dependencies and regular expressions are fooled by braces in strings, heredocs and comments, so this
 * tokenises first ({@link HclLexer}) and then matches braces on tokens ({@link HclParser}).
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

    private HclScanner() {
    }

    public static Result scan(String text) {
        HclLexer lexer = new HclLexer(text);
        List<HclLexer.Token> tokens = lexer.tokens();
        HclParser parser = new HclParser(tokens, lexer.problems);
        List<Block> blocks = parser.body(false);
        // One broken spot can cascade (every enclosing block unclosed): report each kind once, a few at most.
        return new Result(blocks, lexer.problems.stream().distinct().limit(MAX_PROBLEMS).toList());
    }
}
