package dev.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void nothingGivenMeansDefaults() throws Exception {
        CommandLine line = CommandLine.parse(List.of());
        assertEquals(new CommandLine(Optional.empty(), Optional.empty(), false, false, false), line);
    }

    @Test
    void readsEveryOption() throws Exception {
        CommandLine line = CommandLine.parse(List.of("../app", "--port", "8123", "--open"));
        assertEquals(Optional.of("../app"), line.directory());
        assertEquals(Optional.of(8123), line.port());
        assertTrue(line.open());
        assertEquals(Optional.of(9000), CommandLine.parse(List.of("--port=9000")).port());
        assertTrue(CommandLine.parse(List.of("--help")).help());
        assertTrue(CommandLine.parse(List.of("-h")).help());
        assertTrue(CommandLine.parse(List.of("--version")).version());
    }

    @Test
    void badUsageIsOneClearMessage() {
        assertEquals("unknown option --verbose (see --help)",
                assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--verbose"))).getMessage());
        assertEquals("--port needs a number, e.g. --port 8001",
                assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--port"))).getMessage());
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--port", "http")))
                .getMessage().contains("'http'"));
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--port", "70000")));
        assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("--port", "-1")));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(List.of("a", "b")))
                .getMessage().contains("one project directory"));
    }

    @Test
    void usageListsEveryOptionAndExitCode() {
        for (String option : List.of("DIR", "--port N", "--open", "--help", "--version")) {
            assertTrue(CommandLine.USAGE.contains(option), option);
        }
        for (String code : List.of("  0  ", "  1  ", "  2  ")) {
            assertTrue(CommandLine.USAGE.contains(code), code);
        }
        assertFalse(CommandLine.USAGE.isBlank());
    }
}
