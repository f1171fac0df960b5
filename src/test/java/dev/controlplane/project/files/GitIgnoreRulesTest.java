package dev.controlplane.project.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fallback .gitignore matcher used when git cannot answer. */
class GitIgnoreRulesTest {
    private static final GitIgnoreRules RULES = GitIgnoreRules.parse(String.join("\n",
            "# build output",
            "target/",
            "/build",
            "*.log",
            "!keep.log",
            ".env",
            ".env.*",
            "!.env.example",
            "docs/**/*.tmp",
            "secret?.txt",
            "cert[0-9].pem",
            "   ",
            "logs/ "));

    @ParameterizedTest
    @CsvSource({
        "target, true, true",
        "target, false, false",
        "module/target/classes/A.class, false, true",
        "build, true, true",
        "module/build, true, false",
        "app.log, false, true",
        "sub/dir/app.log, false, true",
        "keep.log, false, false",
        ".env, false, true",
        "sub/.env, false, true",
        ".env.local, false, true",
        ".env.example, false, false",
        "docs/a/b/x.tmp, false, true",
        "docs/x.tmp, false, true",
        "other/x.tmp, false, false",
        "secret1.txt, false, true",
        "secret12.txt, false, false",
        "cert7.pem, false, true",
        "certx.pem, false, false",
        "logs/today.txt, false, true",
        "src/Main.java, false, false",
    })
    void matchesLikeGit(String path, boolean directory, boolean ignored) {
        assertEquals(ignored, RULES.ignores(path, directory), path);
    }

    @ParameterizedTest
    @CsvSource({"node_modules/, node_modules", "'**/node_modules', node_modules", "/node_modules/, node_modules"})
    void directoryEntriesCoverTheDirectory(String rule, String dir) {
        assertEquals(true, GitIgnoreRules.parse(rule).ignores(dir, true));
    }

    /** Patterns answered without a regex (a literal, a star and a literal) mean exactly what their regex means. */
    @ParameterizedTest
    @CsvSource({
        "'*/x.txt', a/x.txt, true",
        "'*/x.txt', a/b/x.txt, false",
        "'*/x.txt', x.txt, false",
        "'*.log', .log, true",
        "'*.log', a.log.txt, false",
        "'*', anything, true",
        "'a/b', a/b, true",
        "'a/b', c/a/b, false",
        "'a/b', a/b/c.txt, true",
    })
    void plainPatternsMatchAsTheirRegex(String rule, String path, boolean ignored) {
        assertEquals(ignored, GitIgnoreRules.parse(rule).ignores(path, false), rule + " " + path);
    }

    /** Parents are remembered per instance: asking many paths in any order answers as a fresh instance would. */
    @org.junit.jupiter.api.Test
    void rememberedParentsAnswerAsAFreshInstance() {
        String text = "build/\n!keep/build/\n*.tmp\nout\n!out/keep";
        GitIgnoreRules shared = GitIgnoreRules.parse(text);
        for (String path : java.util.List.of("a/build/x.java", "a/b/c.java", "keep/build/x", "a/b.tmp/c",
                "a/b.tmp", "out/keep", "out/x", "x/out/y", "build", "/lead/build/x", "a//build/x")) {
            for (boolean directory : new boolean[] {false, true}) {
                assertEquals(GitIgnoreRules.parse(text).ignores(path, directory), shared.ignores(path, directory),
                        path + " " + directory);
            }
        }
    }
}
