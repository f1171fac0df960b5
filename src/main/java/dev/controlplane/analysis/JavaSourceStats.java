package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

/**
 * Reads one Java file with JavaParser at the newest language level it knows ({@code BLEEDING_EDGE}), so records,
 * sealed types, pattern matching, text blocks and {@code yield} parse ({@code RAW} does not parse {@code yield}:
 * JavaSourceStatsTest checks this). Comments are not attributed (faster, and TODOs are
 * counted on the text). A file that does not parse is reported as such, with its lines and its imports read by
 * a regular expression, never as a failure of the card.
 */
public final class JavaSourceStats {
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** JavaParser instances are not thread-safe: one per thread, reused across files. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(JavaSourceStats::parser);

    private JavaSourceStats() {
    }

    /**
     * A parser that only builds the syntax tree. The configuration's processors are all removed: with comments
     * unattributed, no symbol resolver, no lexical preservation and no unicode-escape preprocessing the others do
     * nothing for us, and the language level's post-processors and validators (they reject code a Java version
     * does not allow, which a metric has no use for) took 55 % of the parse on the 50k-file tree (C1 only).
     * A syntax error still fails the parse; the grammar still follows the language level ({@code yield}).
     */
    static JavaParser parser() {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE).setAttributeComments(false)
                .setDetectOriginalLineSeparator(false);
        config.getProcessors().clear();
        return new JavaParser(config);
    }

    public static FileFacts read(SourceFile file, String text) {
        int lines = FileFacts.countLines(text);
        int todo = FileFacts.countTodo(text);
        CompilationUnit unit = null;
        try {
            ParseResult<CompilationUnit> result = PARSER.get().parse(text);
            if (result.isSuccessful()) {
                unit = result.getResult().orElse(null);
            }
        } catch (RuntimeException | StackOverflowError e) {
            unit = null; // a pathological file is a parse error, not a failed card
        }
        if (unit == null) {
            return new FileFacts(file, lines, List.of(), List.of(), regexImports(text), regexPackage(text), todo, false);
        }
        try {
            return facts(file, unit, lines, todo);
        } catch (StackOverflowError e) {
            return new FileFacts(file, lines, List.of(), List.of(), regexImports(text), regexPackage(text), todo, false);
        }
    }

    private static FileFacts facts(SourceFile file, CompilationUnit unit, int lines, int todo) {
        List<String> imports = new ArrayList<>();
        for (ImportDeclaration declaration : unit.getImports()) {
            imports.add(declaration.getNameAsString() + (declaration.isAsterisk() ? ".*" : ""));
        }
        Walk walk = new Walk();
        walk.visit(unit);
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        return new FileFacts(file, lines, walk.functions, walk.types, imports, pkg, todo, true);
    }

    /**
     * One recursive pass over the tree that finds every callable and type in pre-order (as {@code findAll} would)
     * and measures each callable on the way: its complexity is 1 + the branches counted while its subtree is
     * visited, its nesting the value {@link #nesting} gives. Profiling the 50k-file tree showed the per-callable
     * {@code walk}/{@code findAll} iterators (a synchronised {@code Stack} each) costing a third of the parse.
     */
    private static final class Walk {
        final List<FileFacts.Function> functions = new ArrayList<>();
        final List<FileFacts.Symbol> types = new ArrayList<>();
        private int branches;

        /** Visits {@code node}'s subtree and returns its nesting relative to it ({@code nesting(node, 0)}). */
        int visit(Node node) {
            int index = -1;
            int branchesBefore = branches;
            if (node instanceof CallableDeclaration<?>) {
                index = functions.size();
                functions.add(null); // pre-order place, filled once the subtree is measured
            } else if (node instanceof TypeDeclaration<?> type) {
                types.add(new FileFacts.Symbol(type.getNameAsString(), type.getBegin().map(p -> p.line).orElse(0)));
            }
            branches += branch(node);
            int nesting;
            if (node instanceof IfStmt ifStmt) {
                Node then = ifStmt.getThenStmt();
                Node other = ifStmt.getElseStmt().orElse(null);
                nesting = 1;
                for (Node child : node.getChildNodes()) {
                    int inner = visit(child);
                    if (child == then) {
                        nesting = Math.max(nesting, inner + 1);
                    } else if (child == other) {
                        nesting = Math.max(nesting, inner + (other instanceof IfStmt ? 0 : 1));
                    }
                }
            } else {
                boolean opens = opens(node);
                int max = 0;
                for (Node child : node.getChildNodes()) {
                    int inner = visit(child);
                    if (!(child instanceof CatchClause) || opens) {
                        max = Math.max(max, inner);
                    }
                }
                nesting = opens ? max + 1 : max;
            }
            if (index >= 0) {
                CallableDeclaration<?> callable = (CallableDeclaration<?>) node;
                int begin = callable.getBegin().map(p -> p.line).orElse(0);
                int end = callable.getEnd().map(p -> p.line).orElse(begin);
                functions.set(index, new FileFacts.Function(callable.getNameAsString(), begin, end - begin + 1,
                        nesting, callable.getParameters().size(), 1 + branches - branchesBefore,
                        callable instanceof ConstructorDeclaration));
            }
            return nesting;
        }
    }

    /** 1 when {@code node} is a branch McCabe counts (if, loops, catch, case labels, ?:, && and ||), else 0. */
    private static int branch(Node node) {
        if (node instanceof IfStmt || node instanceof ForStmt || node instanceof ForEachStmt
                || node instanceof WhileStmt || node instanceof DoStmt || node instanceof CatchClause
                || node instanceof ConditionalExpr) {
            return 1;
        } else if (node instanceof SwitchEntry entry && !entry.getLabels().isEmpty()) {
            return 1;
        } else if (node instanceof BinaryExpr binary && (binary.getOperator() == BinaryExpr.Operator.AND
                || binary.getOperator() == BinaryExpr.Operator.OR)) {
            return 1;
        }
        return 0;
    }

    private static boolean opens(Node node) {
        return node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt
                || node instanceof DoStmt || node instanceof SwitchStmt || node instanceof SwitchExpr
                || node instanceof TryStmt || node instanceof SynchronizedStmt || node instanceof LambdaExpr;
    }

    static List<String> regexImports(String text) {
        List<String> imports = new ArrayList<>();
        Matcher matcher = IMPORT.matcher(text);
        while (matcher.find()) {
            imports.add(matcher.group(1));
        }
        return imports;
    }

    static String regexPackage(String text) {
        Matcher matcher = PACKAGE.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
