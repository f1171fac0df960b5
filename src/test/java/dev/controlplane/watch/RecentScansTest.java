package dev.controlplane.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Scans are lent only while no event came in since the round that took them began, with healthy watches. */
class RecentScansTest {

    @Test
    void lendsWhatARoundRememberedUntilTheNextEvent() {
        RecentScans<String> recent = new RecentScans<>();
        long mark = recent.mark();
        recent.remember(mark, Map.of("src/", "scan-1"));
        assertEquals("scan-1", recent.lend("src/", true));
        assertNull(recent.lend("docs/", true), "never scanned");
        recent.changed();
        assertNull(recent.lend("src/", true), "an event came in after the scan");
    }

    @Test
    void anEventDuringTheRoundMeansItsScansAreNeverLent() {
        RecentScans<String> recent = new RecentScans<>();
        long mark = recent.mark();
        recent.changed(); // while the round was scanning
        recent.remember(mark, Map.of("src/", "scan-1"));
        assertNull(recent.lend("src/", true));
    }

    @Test
    void nothingIsLentWithoutHealthyWatches() {
        RecentScans<String> recent = new RecentScans<>();
        recent.remember(recent.mark(), Map.of("src/", "scan-1"));
        assertNull(recent.lend("src/", false));
        recent.forget();
        assertNull(recent.lend("src/", true));
        assertEquals(0, recent.size());
    }

    @Test
    void roundsOfOneGenerationAddUpAndANewGenerationStartsAfresh() {
        RecentScans<String> recent = new RecentScans<>();
        recent.remember(recent.mark(), Map.of("src/", "scan-1"));
        recent.remember(recent.mark(), Map.of("docs/", "scan-2"));
        assertEquals("scan-1", recent.lend("src/", true));
        assertEquals("scan-2", recent.lend("docs/", true));
        recent.changed();
        recent.remember(recent.mark(), Map.of("docs/", "scan-3"));
        assertNull(recent.lend("src/", true));
        assertEquals("scan-3", recent.lend("docs/", true));
        assertEquals(1, recent.size());
    }
}
