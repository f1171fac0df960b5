package dev.controlplane.cards.integrations.gh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.controlplane.support.ToolRunner.Result;

/** How a failed gh call becomes a card state: by gh's documented exit code 4, else by its message. */
class GhFailuresTest {

    private static GhState state(int exit, String stderr) {
        return GhFailures.classify(new Result(true, false, exit, "", stderr), "github.com").state();
    }

    @Test
    void missingAndTimedOut() {
        assertEquals(GhState.NO_GH, GhFailures.classify(new Result(false, false, -1, "", ""), "github.com").state());
        assertEquals(GhState.OFFLINE, GhFailures.classify(new Result(true, true, -1, "", ""), "github.com").state());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4 | To get started with GitHub CLI, please run:  gh auth login | NOT_AUTHENTICATED",
            "1 | You are not logged into any GitHub hosts. To log in, run: gh auth login | NOT_AUTHENTICATED",
            "1 | HTTP 401: Bad credentials (https://api.github.com/graphql) | NOT_AUTHENTICATED",
            "1 | HTTP 403: API rate limit exceeded for 203.0.113.7. | RATE_LIMITED",
            "1 | GraphQL: API rate limit exceeded for user ID 1. | RATE_LIMITED",
            "1 | GraphQL: Could not resolve to a Repository with the name 'acme/gone'. (repository) | NO_GITHUB_REMOTE",
            "1 | error connecting to api.github.com | OFFLINE",
            "1 | dial tcp: lookup api.github.com: no such host | OFFLINE" })
    void byExitCodeThenMessage(int exit, String stderr, GhState expected) {
        assertEquals(expected, state(exit, stderr));
    }

    @Test
    void theLoginHintNamesAnEnterpriseHost() {
        assertEquals("gh auth login", GhFailures.loginCommand("github.com"));
        assertEquals("gh auth login --hostname acme.ghe.com",
                GhFailures.classify(new Result(true, false, 4, "", ""), "acme.ghe.com").hint());
    }

    @Test
    void onlyPlainHttpsLinksPass() {
        assertEquals("https://github.com/acme/widgets/pull/12", GhLinks.web("https://github.com/acme/widgets/pull/12"));
        assertEquals("", GhLinks.web("javascript:alert(1)"));
        assertEquals("", GhLinks.web("https://user:token@github.com/acme/widgets"));
    }
}
