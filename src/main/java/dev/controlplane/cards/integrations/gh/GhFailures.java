package dev.controlplane.cards.integrations.gh;

import java.util.Locale;

import dev.controlplane.support.ToolRunner;

/**
 * Sorts a failed {@code gh} call into a card state by what gh documents: exit code 4 means "authentication
 * required"; other failures are told apart by their message. Only the classification leaves this class, never
 * gh's own output (it may name the account).
 */
public final class GhFailures {
    public static final String INSTALL_HINT = "install the GitHub CLI: https://cli.github.com/";
    static final int EXIT_AUTH = 4;

    private GhFailures() {
    }

    /** The state of a finished call that did not succeed, with its hint. */
    public static <T> GhAnswer<T> classify(ToolRunner.Result result, String host) {
        if (!result.found()) {
            return GhAnswer.failed(GhState.NO_GH, INSTALL_HINT);
        }
        if (result.timedOut()) {
            return GhAnswer.failed(GhState.OFFLINE, "no answer from " + host + " in time; checked again automatically");
        }
        String message = (result.stderr() + "\n" + result.stdout()).toLowerCase(Locale.ROOT);
        if (result.exitCode() == EXIT_AUTH || message.contains("not logged into")
                || message.contains("gh auth login") || message.contains("authentication required")
                || message.contains("bad credentials") || message.contains("http 401")) {
            return GhAnswer.failed(GhState.NOT_AUTHENTICATED, loginCommand(host));
        }
        if (message.contains("rate limit") || message.contains("http 429")) {
            return GhAnswer.failed(GhState.RATE_LIMITED, "gh api rate_limit");
        }
        if (message.contains("could not resolve to a repository") || message.contains("none of the git remotes")
                || message.contains("no git remotes") || message.contains("http 404")) {
            return GhAnswer.failed(GhState.NO_GITHUB_REMOTE, "git remote add origin https://" + host + "/OWNER/REPO.git");
        }
        // Anything else (DNS, refused connection, TLS, 5xx) means GitHub cannot be reached right now.
        return GhAnswer.failed(GhState.OFFLINE, "check the network connection; checked again automatically");
    }

    /** {@code gh auth login}, with the host for GitHub Enterprise. */
    public static String loginCommand(String host) {
        return "github.com".equals(host) ? "gh auth login" : "gh auth login --hostname " + host;
    }
}
