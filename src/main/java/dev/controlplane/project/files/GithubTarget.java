package dev.controlplane.project.files;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.files.RemoteUrl;
import dev.controlplane.support.Manifests;

/**
 * The GitHub repository the project's origin remote points at ({@code host}, {@code owner/name}), and the
 * checked-out branch, both read from {@code .git} without running git. Credentials in the remote URL never get
 * past {@link RemoteUrl}.
 */
public record GithubTarget(String host, String slug) {
    private static final String REF_PREFIX = "ref: refs/heads/";

    /** Empty when there is no remote on a GitHub host. */
    public static Optional<GithubTarget> of(ProjectAccess ctx) {
        Map<String, String> remotes = GitConfig.locate(ctx).map(GitConfig::remotes).orElse(Map.of());
        String name = remotes.containsKey("origin") ? "origin" : remotes.keySet().stream().findFirst().orElse("");
        RemoteUrl remote = RemoteUrl.parse(remotes.get(name));
        if (!remote.isGithub() || !remote.slug().contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new GithubTarget(remote.ghHost(), remote.slug()));
    }

    /** The checked-out branch, "" for a detached HEAD or when it cannot be read. */
    public static String currentBranch(ProjectAccess ctx) {
        Path dotGit = ctx.path(".git");
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            String pointer = Manifests.text(dotGit);
            if (pointer == null || !pointer.startsWith("gitdir:")) {
                return "";
            }
            gitDir = ctx.root().resolve(pointer.substring("gitdir:".length()).trim()).normalize();
        }
        String head = Manifests.text(gitDir.resolve("HEAD"));
        if (head == null) {
            return "";
        }
        String line = head.strip();
        return line.startsWith(REF_PREFIX) ? line.substring(REF_PREFIX.length()) : "";
    }
}
