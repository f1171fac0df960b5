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
}
