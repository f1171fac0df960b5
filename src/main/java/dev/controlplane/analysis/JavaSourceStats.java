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
 * sealed types, pattern matching and text blocks parse. Comments are not attributed (faster, and TODOs are
 * counted on the text). A file that does not parse is reported as such, with its lines and its imports read by
 * a regular expression, never as a failure of the card.
 */
public final class JavaSourceStats {
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** JavaParser instances are not thread-safe: one per thread, reused across files. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                    .setAttributeComments(false)));

    private JavaSourceStats() {
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
        List<FileFacts.Function> functions = new ArrayList<>();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            int begin = callable.getBegin().map(p -> p.line).orElse(0);
            int end = callable.getEnd().map(p -> p.line).orElse(begin);
            functions.add(new FileFacts.Function(callable.getNameAsString(), begin, end - begin + 1,
                    nesting(callable, 0), callable.getParameters().size(), complexity(callable),
                    callable instanceof ConstructorDeclaration));
        }
        List<FileFacts.Symbol> types = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            types.add(new FileFacts.Symbol(type.getNameAsString(), type.getBegin().map(p -> p.line).orElse(0)));
        }
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        return new FileFacts(file, lines, functions, types, imports, pkg, todo, true);
    }

    /** McCabe: 1 + branches (if, loops, catch, case labels, ?:, && and ||). */
    static int complexity(Node callable) {
        int[] count = {1};
        callable.walk(node -> {
            if (node instanceof IfStmt || node instanceof ForStmt || node instanceof ForEachStmt
                    || node instanceof WhileStmt || node instanceof DoStmt || node instanceof CatchClause
                    || node instanceof ConditionalExpr) {
                count[0]++;
            } else if (node instanceof SwitchEntry entry && !entry.getLabels().isEmpty()) {
                count[0]++;
            } else if (node instanceof BinaryExpr binary && (binary.getOperator() == BinaryExpr.Operator.AND
                    || binary.getOperator() == BinaryExpr.Operator.OR)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * The deepest block nesting under {@code node}: each if, loop, switch, try, synchronized block and lambda
     * opens a level; an {@code else if} stays on its {@code if}'s level.
     */
    static int nesting(Node node, int depth) {
        int max = depth;
        if (node instanceof IfStmt ifStmt) {
            max = Math.max(max, nesting(ifStmt.getThenStmt(), depth + 1));
            if (ifStmt.getElseStmt().isPresent()) {
                Node other = ifStmt.getElseStmt().get();
                max = Math.max(max, nesting(other, other instanceof IfStmt ? depth : depth + 1));
            }
            return Math.max(max, depth + 1);
        }
        boolean opens = node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt
                || node instanceof DoStmt || node instanceof SwitchStmt || node instanceof SwitchExpr
                || node instanceof TryStmt || node instanceof SynchronizedStmt || node instanceof LambdaExpr;
        int inner = opens ? depth + 1 : depth;
        max = Math.max(max, inner);
        for (Node child : node.getChildNodes()) {
            if (!(child instanceof CatchClause) || opens) {
                max = Math.max(max, nesting(child, inner));
            }
        }
        return max;
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
