package dev.controlplane.project.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.project.files.SourceCommentStripper.Syntax;

/**
 * Counts tests in one source file by pattern, after {@link SourceCommentStripper} has blanked comments and
 * string contents, so only live code counts. Static counting cannot see generated or dynamic tests; it counts
 * what a reader of the file would call a test.
 */
public final class TestCodeCounter {
    /** JUnit 4/5 and kotlin.test method annotations, simple or fully qualified ({@code @org.junit.jupiter.api.Test}). */
    private static final Pattern JUNIT_METHOD = Pattern.compile(
            "@(?:[A-Za-z_]\\w*\\s*\\.\\s*)*(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern JUNIT_NESTED = Pattern.compile("@(?:[A-Za-z_]\\w*\\s*\\.\\s*)*Nested\\b");

    private static final Pattern PY_TEST_FUNCTION = Pattern.compile(
            "^[ \\t]*(?:async[ \\t]+)?def[ \\t]+test\\w*[ \\t]*\\(", Pattern.MULTILINE);
    private static final Pattern PY_CLASS = Pattern.compile(
            "^[ \\t]*class[ \\t]+(\\w+)[ \\t]*(?:\\(([^)]*)\\))?[ \\t]*:", Pattern.MULTILINE);
    private static final Pattern PY_IMPORTS_PYTEST = Pattern.compile(
            "^[ \\t]*(?:import[ \\t]+pytest\\b|from[ \\t]+pytest\\b)", Pattern.MULTILINE);

    /** Jest/Vitest/Mocha test calls: it(...), test.each`table`, it.only(...), xit(...). */
    private static final Pattern JS_TEST_CALL = Pattern.compile(
            "(?<![\\w$])(?:it|test|xit|fit|xtest)(?:\\s*\\.\\s*(?:only|skip|todo|concurrent|failing|sequential|each))*\\s*[(`]");
    private static final Pattern JS_DESCRIBE_CALL = Pattern.compile(
            "(?<![\\w$])(?:describe|xdescribe|fdescribe|suite)(?:\\s*\\.\\s*(?:only|skip|todo|concurrent|sequential|each))*\\s*[(`]");
    private static final Pattern JS_IMPORTS_VITEST = Pattern.compile("(?:from\\s*|require\\s*\\(\\s*)['\"]vitest['\"]");
    private static final Pattern JS_IMPORTS_JEST = Pattern.compile("(?:from\\s*|require\\s*\\(\\s*)['\"]@jest/globals['\"]");

    /** go test runs func TestXxx(t *testing.T) where Xxx does not start with a lower-case letter. */
    private static final Pattern GO_TEST_FUNCTION = Pattern.compile("^[ \\t]*func[ \\t]+(Test(?!\\p{Ll})[\\p{L}\\p{N}_]*)[ \\t]*\\(",
            Pattern.MULTILINE);

    /** #[test], #[tokio::test], #[tokio::test(flavor = "multi_thread")]. */
    private static final Pattern RUST_TEST_ATTRIBUTE = Pattern.compile(
            "#\\s*\\[\\s*(?:\\w+\\s*::\\s*)*test\\s*(?:\\]|\\()");

    private TestCodeCounter() {
    }

    /** What a test file holds. */
    public record Counts(int functions, int classes) {
    }

    /** A Python test module: functions, classes, and which runner its code is written for. */
    public record PythonCounts(int functions, int classes, boolean unittestClasses, boolean importsPytest) {
    }

    /** A JS/TS test file, and whether it imports its runner explicitly. */
    public record JsCounts(int functions, int suites, boolean importsVitest, boolean importsJest) {
    }

    public static Counts junit(String source, boolean kotlin) {
        String code = SourceCommentStripper.codeOnly(source, kotlin ? Syntax.KOTLIN : Syntax.JAVA);
        int methods = count(JUNIT_METHOD, code);
        // a class counts once it holds tests; each @Nested inner class is a class of its own
        int classes = methods > 0 ? 1 + count(JUNIT_NESTED, code) : 0;
        return new Counts(methods, classes);
    }

    public static PythonCounts python(String source) {
        String code = SourceCommentStripper.codeOnly(source, Syntax.PYTHON);
        int functions = count(PY_TEST_FUNCTION, code);
        int classes = 0;
        boolean unittest = false;
        Matcher m = PY_CLASS.matcher(code);
        while (m.find()) {
            boolean testCase = m.group(2) != null && m.group(2).contains("TestCase");
            unittest |= testCase;
            if (testCase || m.group(1).startsWith("Test")) {
                classes++;
            }
        }
        return new PythonCounts(functions, classes, unittest, PY_IMPORTS_PYTEST.matcher(code).find());
    }

    public static JsCounts js(String source) {
        String code = SourceCommentStripper.codeOnly(source, Syntax.JS);
        // import specifiers are strings, which codeOnly blanks: look for them in the comment-free text instead
        String imports = SourceCommentStripper.withoutComments(source, Syntax.JS);
        return new JsCounts(countCalls(JS_TEST_CALL, code), countCalls(JS_DESCRIBE_CALL, code),
                JS_IMPORTS_VITEST.matcher(imports).find(), JS_IMPORTS_JEST.matcher(imports).find());
    }

    public static int go(String source) {
        String code = SourceCommentStripper.codeOnly(source, Syntax.GO);
        int tests = 0;
        Matcher m = GO_TEST_FUNCTION.matcher(code);
        while (m.find()) {
            // TestMain(m *testing.M) sets the package's tests up; it is not a test itself
            if (!m.group(1).equals("TestMain")) {
                tests++;
            }
        }
        return tests;
    }

    public static int rust(String source) {
        return count(RUST_TEST_ATTRIBUTE, SourceCommentStripper.codeOnly(source, Syntax.RUST));
    }

    private static int count(Pattern pattern, String code) {
        int n = 0;
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Counts calls made as statements, the way test suites are written: at the start of the file, or after a
     * block brace, a semicolon, a closing bracket, a string or an arrow, or on a new line after a value (a
     * statement ended without a semicolon). That leaves out method calls ({@code regex.test(s)}, even across a
     * line break before the dot), calls inside expressions ({@code expect(test(1))}) and declarations
     * ({@code function test(...)}).
     */
    private static int countCalls(Pattern pattern, String code) {
        int n = 0;
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            if (startsStatement(code, m.start())) {
                n++;
            }
        }
        return n;
    }

    private static boolean startsStatement(String code, int start) {
        int i = start - 1;
        boolean newLine = false;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            newLine |= code.charAt(i) == '\n';
            i--;
        }
        if (i < 0) {
            return true;
        }
        char before = code.charAt(i);
        if ("{};)]>\"'`".indexOf(before) >= 0) {
            return true;
        }
        boolean endsValue = Character.isLetterOrDigit(before) || before == '_' || before == '$' || before == '/';
        return newLine && endsValue && !endsWithWord(code, i, "function");
    }

    private static boolean endsWithWord(String code, int last, String word) {
        int from = last - word.length() + 1;
        return from >= 0 && code.startsWith(word, from)
                && (from == 0 || !Character.isLetterOrDigit(code.charAt(from - 1)));
    }
}
