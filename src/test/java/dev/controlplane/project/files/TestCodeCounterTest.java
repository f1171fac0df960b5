package dev.controlplane.project.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The counting rules on their own: what is live code and what only looks like a test. */
class TestCodeCounterTest {

    @Test
    void javaIgnoresCommentsStringsTextBlocksAndLookalikeAnnotations() {
        String source = """
                class T {
                    char quote = '"';
                    String block = \"""
                        @Test void inATextBlock() {}
                        \""";
                    @Test void one() {}
                    @TestInstance(PER_CLASS) @DisplayName("@Test") void notATest() {}
                    @org.junit.jupiter.api.RepeatedTest(2) void two() {}
                    @TestFactory Stream<DynamicTest> three() { return null; } // @Test
                    /** @Test */ @TestTemplate void four(String s) {}
                }
                """;
        assertEquals(new TestCodeCounter.Counts(4, 1), TestCodeCounter.junit(source, false));
    }

    @Test
    void kotlinRawStringsAndNestedCommentsAreNotCode() {
        String source = """
                class T {
                    val raw = \"""@Test fun inRaw() {}\"""
                    /* outer /* inner @Test */ still comment @Test */
                    @Test fun real() {}
                    @Nested inner class More { @ParameterizedTest fun p(i: Int) {} }
                }
                """;
        assertEquals(new TestCodeCounter.Counts(2, 2), TestCodeCounter.junit(source, true));
    }

    @Test
    void jsCountsTestStatementsOnly() {
        String source = """
                import { sum } from "./sum"
                describe("sum", () => {
                  const label = `it("in a template")`
                  it.each`
                    a | b
                    ${1} | ${2}
                  `("adds $a", ({ a, b }) => {})
                  test("checks", () => {
                    expect(test(1)).toBe(true)
                    expect(/x/
                      .test("x")).toBe(true)
                  })
                  it.concurrent.skip("later", async () => {})
                })
                function test(x) { return x > 0 }
                """;
        TestCodeCounter.JsCounts counts = TestCodeCounter.js(source);
        assertEquals(3, counts.functions());
        assertEquals(1, counts.suites());
        assertFalse(counts.importsVitest());
    }

    @Test
    void jsNoticesItsRunnerImports() {
        assertTrue(TestCodeCounter.js("import { it } from 'vitest';\nit('x', () => {});\n").importsVitest());
        assertTrue(TestCodeCounter.js("const { test } = require(\"@jest/globals\");\n").importsJest());
        assertFalse(TestCodeCounter.js("// import { it } from 'vitest';\n").importsVitest());
    }

    @Test
    void pythonCountsFunctionsClassesAndRunners() {
        String source = """
                '''Module docstring:
                def test_in_docstring(): pass
                '''
                import unittest

                async def test_async():
                    pass

                class Helper:
                    pass

                class StackTests(unittest.TestCase):
                    def test_push(self):
                        s = "def test_in_string(): pass"

                class TestPop:
                    def test_pop(self):  # def test_in_comment():
                        pass
                """;
        TestCodeCounter.PythonCounts counts = TestCodeCounter.python(source);
        assertEquals(3, counts.functions());
        assertEquals(2, counts.classes());
        assertTrue(counts.unittestClasses());
        assertFalse(counts.importsPytest());
    }

    @Test
    void goAndRust() {
        assertEquals(1, TestCodeCounter.go("""
                func TestÜber(t *testing.T) {}
                func TestMain(m *testing.M) {}
                func Testlower(t *testing.T) {}
                /* func TestBlock(t *testing.T) {} */
                var r = '`'
                """));
        assertEquals(2, TestCodeCounter.rust("""
                #[test] fn a() {}
                #[async_std::test] async fn b() {}
                const S: &str = "#[test]";
                fn c<'a>(x: &'a str) -> &'a str { x }
                """));
    }
}
