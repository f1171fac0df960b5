package dev.controlplane.project.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names that make a file test code, and the depth used to order found files. */
class SourceTreeNamesTest {

    @ParameterizedTest
    @CsvSource({
        "app.test.js, true", "app.spec.tsx, true", "app.test.mjs, true", "app.test.cjsx, true", "app.test.py, false", "app.js, false",
        "FooTest.java, true", "FooTests.kt, true", "FooIT.java, true", "FooTest.scala, false", "Test.java, true",
        "test_x.py, true", "x_test.go, true", "x_spec.rb, true", "Main.java, false",
    })
    void testNames(String name, boolean test) {
        assertEquals(test, SourceTree.isTest(new String[] {"src", name}, name), name);
    }

    @ParameterizedTest
    @CsvSource({"/r, /r/a", "/r, /r/a/b/c", "/r, /other/x", "/r, /r"})
    void depthIsTheRelativeNameCount(String root, String file) {
        assertEquals(Path.of(root).relativize(Path.of(file)).getNameCount(), SourceTree.depth(Path.of(root), Path.of(file)));
    }
}
