package dev.controlplane.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external tool (git, docker, kubectl, ...) the safe way: no shell, stdin closed, output read
 * asynchronously (a chatty tool never blocks on a full pipe), a timeout after which the process and all its
 * descendants are killed (a hung child would otherwise keep the pipe open), and output capped. A tool that is
 * not on the PATH is a normal result, never an exception.
 */
public final class ToolRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_OUTPUT = 4 * 1024 * 1024;
    private static volatile List<Path> firstDirectories = List.of();

    private ToolRunner() {
    }

    /** The outcome of one run. {@code exitCode} is -1 when the tool was missing or timed out. */
    public record Result(boolean found, boolean timedOut, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return found && !timedOut && exitCode == 0;
        }

        /** First line of stdout, trimmed (e.g. a version string). */
        public String firstLine() {
            String text = stdout.isBlank() ? stderr : stdout;
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).trim();
        }

        static Result missing() {
            return new Result(false, false, -1, "", "");
        }
    }

    /**
     * Sets the directories searched before the PATH ({@code controlplane.tools.path}). Static because tools run
     * from plain utility code; set once at start-up, replaced (not merged) by the next start.
     */
    public static void searchFirst(List<Path> directories) {
        firstDirectories = List.copyOf(directories);
    }

    /** The directories searched before the PATH. */
    public static List<Path> searchedFirst() {
        return firstDirectories;
    }

    /** The executable's path if {@code name} is in a configured tool directory or on the PATH (no shell, no aliases). */
    public static Optional<Path> which(String name) {
        if (name.contains("/")) {
            return Optional.empty();
        }
        List<String> dirs = new ArrayList<>();
        firstDirectories.forEach(dir -> dirs.add(dir.toString()));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result run(Path workDir, Duration timeout, String... command) {
        return run(workDir, timeout, Map.of(), List.of(command));
    }

    public static Result run(Path workDir, Duration timeout, Map<String, String> env, List<String> command) {
        Optional<Path> executable = which(command.get(0));
        if (executable.isEmpty()) {
            return Result.missing();
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, executable.get().toString());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (workDir != null && Files.isDirectory(workDir)) {
            builder.directory(workDir.toFile());
        }
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(false, false, -1, "", String.valueOf(e.getMessage()));
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return new Result(true, true, -1, settle(out), settle(err));
            }
            return new Result(true, false, process.exitValue(), out.get(5, TimeUnit.SECONDS),
                    err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Result(true, true, -1, "", "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            // A descendant still holds the pipe open after the tool exited.
            kill(process);
            return new Result(true, false, process.exitValue(), settle(out), settle(err));
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** What a killed tool had printed: its pipes close once it is gone. */
    private static String settle(CompletableFuture<String> future) {
        try {
            return future.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = stream.read(chunk)) >= 0) {
                    if (buffer.size() < MAX_OUTPUT) {
                        buffer.write(chunk, 0, Math.min(n, MAX_OUTPUT - buffer.size()));
                    }
                }
                result.complete(buffer.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.complete("");
            }
        }, "tool-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
