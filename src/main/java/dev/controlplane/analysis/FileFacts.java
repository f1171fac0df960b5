package dev.controlplane.analysis;

import java.util.List;

/**
 * What one source file holds, read once and shared by the structure and health analyses.
 *
 * @param file        the source file
 * @param lines       physical lines
 * @param functions   functions and methods (Java: constructors too)
 * @param types       declared type names (classes, interfaces, enums, records, objects)
 * @param imports     imported names as written ({@code com.acme.core.Util}, {@code ./util}, {@code requests})
 * @param packageName the declared package (Java, Kotlin, Go), else {@code ""}
 * @param todo        lines with TODO or FIXME
 * @param parsed      false when a Java file did not parse (it still counts its lines and imports)
 */
public record FileFacts(SourceFile file, int lines, List<Function> functions, List<Symbol> types, List<String> imports,
        String packageName, int todo, boolean parsed) {

    /**
     * Compact and shared: the facts of every file of a walk stay in memory while the structure and health cards
     * use them (and in {@link SourceScan}'s memo after). Names repeat across files ({@code java.util.List}, a
     * package, {@code toString}), so they are interned, and lists are copied to their exact size: on the 50k-file
     * tree the app ran out of its 128 MiB heap computing code health without this.
     */
    public FileFacts {
        functions = List.copyOf(functions);
        types = List.copyOf(types);
        imports = imports.stream().map(String::intern).toList();
        packageName = packageName.intern();
    }

    /**
     * One function or method.
     *
     * @param complexity cyclomatic complexity (Java: from the syntax tree; other languages: decision keywords + 1)
     * @param nesting    deepest nesting of blocks inside it (0 = straight-line code)
     */
    public record Function(String name, int line, int lines, int nesting, int params, int complexity,
            boolean constructor) {
        public Function {
            name = name.intern();
        }
    }

    /** A declared type name and its line. */
    public record Symbol(String name, int line) {
        public Symbol {
            name = name.intern();
        }
    }

    public int longestFunction() {
        return functions.stream().mapToInt(Function::lines).max().orElse(0);
    }

    public int maxNesting() {
        return functions.stream().mapToInt(Function::nesting).max().orElse(0);
    }

    public int maxParams() {
        return functions.stream().mapToInt(Function::params).max().orElse(0);
    }

    public int maxComplexity() {
        return functions.stream().mapToInt(Function::complexity).max().orElse(0);
    }

    static int countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i < text.length() - 1) {
                lines++;
            }
        }
        return lines;
    }

    /**
     * Lines holding TODO or FIXME: jumps from one marker to the next and skips the rest of its line, so the text
     * is scanned once and never split (a split per file was a visible share of the 50k-file analysis).
     */
    static int countTodo(String text) {
        int count = 0;
        int todo = text.indexOf("TODO");
        int fixme = text.indexOf("FIXME");
        int from = 0;
        while (true) {
            if (todo >= 0 && todo < from) {
                todo = text.indexOf("TODO", from);
            }
            if (fixme >= 0 && fixme < from) {
                fixme = text.indexOf("FIXME", from);
            }
            int hit = todo < 0 ? fixme : fixme < 0 ? todo : Math.min(todo, fixme);
            if (hit < 0) {
                return count;
            }
            count++;
            int end = text.indexOf('\n', hit);
            if (end < 0) {
                return count;
            }
            from = end + 1;
        }
    }
}
