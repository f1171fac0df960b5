package dev.controlplane.project.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DotEnvParserTest {

    @Test
    void readsNamesThroughQuotesExportsCommentsAndMultiLineValues() {
        DotEnvParser.Parsed parsed = DotEnvParser.parse(String.join("\n",
                "# comment",
                "",
                "  PLAIN=value",
                "export EXPORTED=value",
                "SINGLE='a # not a comment'",
                "DOUBLE=\"escaped \\\" quote\"",
                "BACKTICK=`x`",
                "MULTI=\"first",
                "FAKE_KEY_INSIDE=second",
                "last\"",
                "SINGLE_MULTI='one",
                "two \" still inside",
                "'",
                "AFTER=1",
                "DOTTED.NAME=1",
                "WITH_SPACES = spaced"));
        assertEquals(List.of("PLAIN", "EXPORTED", "SINGLE", "DOUBLE", "BACKTICK", "MULTI", "SINGLE_MULTI"),
                parsed.keys().subList(0, 7));
        assertEquals(List.of("PLAIN", "EXPORTED", "SINGLE", "DOUBLE", "BACKTICK", "MULTI", "SINGLE_MULTI", "AFTER",
                "DOTTED.NAME", "WITH_SPACES"), parsed.keys());
        assertEquals(List.of(), parsed.problems());
    }
}
