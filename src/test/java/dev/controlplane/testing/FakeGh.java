package dev.controlplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fake GitHub CLI of {@code fixtures/gh-fake} in a temp directory: {@code bin/gh} replays the scenario the
 * test picks ({@link #scenario}) and logs every call ({@link #calls}). Put {@link #bin()} on
 * {@code controlplane.tools.path} so it is found before any real gh.
 */
public final class FakeGh implements AutoCloseable {
    /** A token-shaped string the fake prints in {@code gh auth status}: it must never reach a response. */
    public static final String TOKEN = "gho_FAKETOKENabcdef0123456789SECRET";

    private final Path home;

    private FakeGh(Path home) {
        this.home = home;
    }

    public static FakeGh install(String scenario) {
        FakeGh gh = new FakeGh(TestFiles.copyFixture("gh-fake"));
        if (!gh.bin().resolve("gh").toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make the fake gh executable");
        }
        gh.scenario(scenario);
        return gh;
    }

    public Path bin() {
        return home.resolve("bin");
    }

    /** passing, failing, running, norun, auth, offline, ratelimit (files under {@code scenarios/}). */
    public void scenario(String name) {
        try {
            Files.writeString(home.resolve("scenario"), name + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call so far, one line of arguments each. */
    public List<String> calls() {
        try {
            Path log = home.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls that reach GitHub's API (everything but --version and auth status). */
    public long apiCalls() {
        return calls().stream().filter(c -> !c.startsWith("--version") && !c.startsWith("auth ")).count();
    }

    /**
     * A project whose origin is {@code github.com/acme/widgets} with {@code branch} checked out, written
     * without git (the cards read {@code .git/HEAD} and {@code .git/config} themselves).
     */
    public static Path project(Path dir, String branch) {
        TestFiles.write(dir.resolve(".git/HEAD"), "ref: refs/heads/" + branch + "\n");
        TestFiles.write(dir.resolve(".git/config"), "[core]\n\trepositoryformatversion = 0\n"
                + "[remote \"origin\"]\n\turl = https://github.com/acme/widgets.git\n"
                + "\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        TestFiles.write(dir.resolve(".git/refs/heads/" + branch), "0123456789abcdef0123456789abcdef01234567\n");
        TestFiles.write(dir.resolve(".github/workflows/ci.yml"),
                "name: CI\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n");
        return dir;
    }

    @Override
    public void close() {
        TestFiles.deleteQuietly(home);
    }
}
