package dev.controlplane.project.files;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.files.GitIgnoreRules;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ToolRunner;

/**
 * Answers "is this path git-ignored?" and "is it committed?" for the security and env cards.
 *
 * <p>When git is on the PATH and the project is (inside) a work tree, git answers with every ignore source it
 * knows (nested {@code .gitignore}s, {@code info/exclude}, the global excludes) through one
 * {@code git ls-files --others --ignored --exclude-standard --directory} run: a tracked file is never reported
 * as ignored, which is the right answer for "is this secret kept out of the repository?". Otherwise the root
 * {@code .gitignore} is read with {@link GitIgnoreRules} (method {@code gitignore}).
 */
public final class GitIgnoreOracle {
    public static final String METHOD_GIT = "git";
    public static final String METHOD_GITIGNORE = "gitignore";

    private final ProjectAccess context;
    private final String method;
    private final Set<String> ignoredByGit;
    private final GitIgnoreRules rules;
    private final boolean gitMissing;

    private GitIgnoreOracle(ProjectAccess context, String method, Set<String> ignoredByGit, GitIgnoreRules rules,
            boolean gitMissing) {
        this.context = context;
        this.method = method;
        this.ignoredByGit = ignoredByGit;
        this.rules = rules;
        this.gitMissing = gitMissing;
    }

    public static GitIgnoreOracle load(ProjectAccess context) {
        GitIgnoreRules rules = GitIgnoreRules.parse(Manifests.text(context.path(".gitignore")));
        boolean hasRepo = Files.exists(context.path(".git"), LinkOption.NOFOLLOW_LINKS);
        ToolRunner.Result result = context.run("git", "--no-optional-locks", "ls-files", "-z", "--others",
                "--ignored", "--exclude-standard", "--directory");
        if (result.ok()) {
            Set<String> ignored = new HashSet<>();
            for (String entry : result.stdout().split("\0")) {
                if (!entry.isEmpty()) {
                    ignored.add(entry);
                }
            }
            return new GitIgnoreOracle(context, METHOD_GIT, ignored, rules, false);
        }
        // Not a work tree (exit 128), or no git: the root .gitignore is what we can read ourselves.
        return new GitIgnoreOracle(context, METHOD_GITIGNORE, Set.of(), rules, hasRepo && !result.found());
    }

    /** {@code git} or {@code gitignore}: who answered. */
    public String method() {
        return method;
    }

    /** True when the project is a repository but git is not installed (reported in {@code missing_tools}). */
    public boolean gitMissing() {
        return gitMissing;
    }

    /** The root {@code .gitignore}'s own rules (for "does it cover target/?", independent of what exists). */
    public GitIgnoreRules rules() {
        return rules;
    }

    public boolean isIgnored(String path, boolean directory) {
        if (!METHOD_GIT.equals(method)) {
            return rules.ignores(path, directory);
        }
        String clean = directory && !path.endsWith("/") ? path + "/" : path;
        if (ignoredByGit.contains(clean)) {
            return true;
        }
        // --directory reports a wholly ignored directory once, as "dir/".
        int slash = clean.indexOf('/');
        while (slash >= 0 && slash < clean.length() - 1) {
            if (ignoredByGit.contains(clean.substring(0, slash + 1))) {
                return true;
            }
            slash = clean.indexOf('/', slash + 1);
        }
        return false;
    }

    /** Which of {@code paths} git tracks (committed or staged). Empty without git. */
    public Set<String> tracked(Collection<String> paths) {
        if (!METHOD_GIT.equals(method) || paths.isEmpty()) {
            return Set.of();
        }
        List<String> command = new ArrayList<>(List.of("git", "--no-optional-locks", "ls-files", "-z", "--"));
        command.addAll(paths);
        ToolRunner.Result result = context.run(command.toArray(String[]::new));
        Set<String> tracked = new HashSet<>();
        if (result.ok()) {
            for (String entry : result.stdout().split("\0")) {
                if (!entry.isEmpty()) {
                    tracked.add(entry);
                }
            }
        }
        return tracked;
    }
}
