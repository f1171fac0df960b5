package dev.controlplane.project.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The test directories a framework reports: only those with no ancestor in the set. */
class TestFrameworksTopMostTest {

    @Test
    void keepsDirectoriesWithoutAnAncestorInTheSet() {
        assertEquals(List.of("a", "a-b/tests", "b/src/test", "c"),
                TestFrameworks.topMost(Set.of("a/x", "a", "a/x/y", "a-b/tests", "a-b/tests/deep", "b/src/test",
                        "b/src/test/java", "c", "c/d")));
    }

    @Test
    void aSiblingWithACommonPrefixIsNotCovered() {
        assertEquals(List.of("svc", "svc2/tests"), TestFrameworks.topMost(Set.of("svc", "svc2/tests")));
    }

    @Test
    void theRootCoversEverything() {
        assertEquals(List.of("."), TestFrameworks.topMost(Set.of("", "a", "b/c")));
    }
}
