package dev.controlplane.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
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

import dev.controlplane.testing.TestFiles;

/**
 * The one-pass walk of {@link JavaSourceStats} gives exactly what the straightforward definition gives
 * ({@code findAll} for callables and types, a tree walk per callable for complexity, the recursive nesting rule),
 * on a file built to hit every rule and on the Java files of the fixtures; modern syntax (records, sealed types,
 * text blocks, switch expressions with {@code yield}) parses, and a broken file is still reported as one.
 */
class JavaSourceStatsTest {
    private static final String TRICKY = """
            package demo.tricky;

            import java.util.List;
            import static java.util.Map.entry;
            import java.util.function.*;

            public sealed interface Shape permits Shape.Circle, Shape.Square {
                record Circle(double r) implements Shape {
                    Circle {
                        if (r < 0 || Double.isNaN(r)) {
                            throw new IllegalArgumentException();
                        }
                    }
                }

                record Square(double side) implements Shape {
                }

                static String describe(Object o, int a, int b) {
                    String text = \"""
                        a text block with if (x) { and } braces
                        \""";
                    if (o instanceof Circle c && c.r() > 1) {
                        return "big " + text;
                    } else if (o instanceof Square s) {
                        for (int i = 0; i < a; i++) {
                            while (b > i) {
                                b--;
                                synchronized (text) {
                                    do {
                                        b = b > 3 ? b - 1 : b;
                                    } while (b > 10 && a < 2);
                                }
                            }
                        }
                    } else {
                        try {
                            Runnable r = () -> {
                                if (a > 2) {
                                    System.out.println(a);
                                }
                            };
                            r.run();
                        } catch (IllegalStateException | IllegalArgumentException e) {
                            if (a > 0) {
                                return "caught";
                            }
                        } finally {
                            b = 0;
                        }
                    }
                    return switch (a) {
                        case 1, 2 -> "small";
                        case 3 -> {
                            Object anon = new Object() {
                                @Override
                                public String toString() {
                                    for (String s : List.of("x")) {
                                        if (s.isEmpty()) {
                                            return s;
                                        }
                                    }
                                    return "anon";
                                }
                            };
                            yield anon.toString();
                        }
                        default -> "big";
                    };
                }

                enum Kind {
                    ROUND, SQUARE;

                    Kind() {
                    }

                    int weight(int x) {
                        switch (x) {
                            case 0:
                                return 0;
                            default:
                                return x > 0 ? 1 : -1;
                        }
                    }
                }
            }
            """;

    private final List<Path> copies = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        copies.forEach(TestFiles::deleteQuietly);
    }

    @Test
    void aFileThatHitsEveryRuleMeasuresAsTheDefinitionSays() {
        FileFacts facts = read("Shape.java", TRICKY);
        assertTrue(facts.parsed(), "records, sealed types, text blocks, switch expressions and yield parse");
        assertEquals(expected(TRICKY), facts.functions());
        assertEquals(List.of("Shape", "Circle", "Square", "Kind"),
                facts.types().stream().map(FileFacts.Symbol::name).toList());
        assertEquals(List.of("java.util.List", "java.util.Map.entry", "java.util.function.*"), facts.imports());
        assertEquals("demo.tricky", facts.packageName());
        FileFacts.Function describe = facts.functions().stream().filter(f -> f.name().equals("describe")).findFirst()
                .orElseThrow();
        // else-if stays on its if's level: for > while > synchronized > do = 4 under the else-if, +1 for the if.
        assertEquals(5, describe.nesting());
        assertEquals(3, describe.params());
    }

    @Test
    void theFixturesJavaFilesMeasureAsTheDefinitionSays() throws IOException {
        int compared = 0;
        for (String fixture : List.of("l2-project", "testing", "gitdocker", "jobs-maven", "sample-project", "secdocs")) {
            Path copy = TestFiles.copyFixture(fixture);
            copies.add(copy);
            List<Path> javaFiles;
            try (Stream<Path> walk = Files.walk(copy)) {
                javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path file : javaFiles) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                FileFacts facts = read(file.getFileName().toString(), text);
                CompilationUnit unit = oracleParser().parse(text).getResult().orElse(null);
                if (!facts.parsed()) {
                    assertTrue(unit == null || !oracleParser().parse(text).isSuccessful(), file + " parses");
                    continue;
                }
                assertEquals(expected(text), facts.functions(), file.toString());
                assertEquals(unit.findAll(TypeDeclaration.class).stream().map(t -> t.getNameAsString()).toList(),
                        facts.types().stream().map(FileFacts.Symbol::name).toList(), file.toString());
                compared++;
            }
        }
        assertTrue(compared >= 20, "compared " + compared + " files");
    }

    @Test
    void aBrokenFileIsAParseErrorWithItsImportsAndLines() {
        FileFacts facts = read("Broken.java", "package a.b;\nimport java.util.List;\n// TODO fix\nclass X { void f( {\n");
        assertFalse(facts.parsed());
        assertEquals(List.of("java.util.List"), facts.imports());
        assertEquals("a.b", facts.packageName());
        assertEquals(4, facts.lines());
        assertEquals(1, facts.todo());
    }

    @Test
    void todoLinesAreCountedOncePerLine() {
        assertEquals(0, FileFacts.countTodo(""));
        assertEquals(0, FileFacts.countTodo("no markers\nhere"));
        assertEquals(1, FileFacts.countTodo("// TODO and FIXME on one line"));
        assertEquals(3, FileFacts.countTodo("FIXME\nx\n// TODO a TODO\nlast FIXME"));
        assertEquals(2, FileFacts.countTodo("TODO\n\nTODO\n"));
        assertEquals(0, FileFacts.countTodo("TOD\nO FIXM\nE"));
    }

    private static FileFacts read(String name, String text) {
        return JavaSourceStats.read(new SourceFile(Path.of(name), name, "java"), text);
    }

    private static JavaParser oracleParser() {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE).setAttributeComments(false));
    }

    /** The definition, written the obvious way: findAll, then a walk and a nesting recursion per callable. */
    private static List<FileFacts.Function> expected(String text) {
        CompilationUnit unit = oracleParser().parse(text).getResult().orElseThrow();
        List<FileFacts.Function> functions = new ArrayList<>();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            int begin = callable.getBegin().map(p -> p.line).orElse(0);
            int end = callable.getEnd().map(p -> p.line).orElse(begin);
            functions.add(new FileFacts.Function(callable.getNameAsString(), begin, end - begin + 1,
                    nesting(callable, 0), callable.getParameters().size(), complexity(callable),
                    callable instanceof ConstructorDeclaration));
        }
        return functions;
    }

    private static int complexity(Node callable) {
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

    private static int nesting(Node node, int depth) {
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
}
