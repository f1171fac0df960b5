package dev.controlplane.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application under test as a separate JVM started from the packaged jar ({@code java -jar
 * quarkus-run.jar}), configured with system properties, its output in a log file. Knows its pid, so the
 * harness reads RSS and CPU ticks from {@code /proc}. Every started process is stopped on harness exit.
 */
final class AppProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        })));
    }

    /** How to start one instance. */
    static final class Spec {
        final Path jar;
        final Path project;
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<String> jvmOptions = new ArrayList<>();
        String name = "app";
        /** The {@code java} binary; default: the one running the harness. */
        String java;
        /** A launcher script to start instead of {@code java -jar} (configuration then goes as environment variables). */
        Path launcher;

        Spec(Path jar, Path project) {
            this.jar = jar;
            this.project = project;
            // For investigations, e.g. -Dbench.app.jvm="-XX:StartFlightRecording=filename=/tmp/app.jfr"
            String extra = System.getProperty("bench.app.jvm", "").trim();
            if (!extra.isEmpty()) {
                jvmOptions.addAll(List.of(extra.split("\\s+")));
            }
        }

        Spec set(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        Spec name(String name) {
            this.name = name;
            return this;
        }
    }

    final int port;
    final String base;
    final Path log;
    private final Process process;
    private final long startNanos;

    private AppProcess(Process process, int port, Path log, long startNanos) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** Starts the jar (does not wait for readiness: see {@link #awaitPage}). */
    static AppProcess start(Spec spec, Path logDir) throws IOException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(spec.name + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.launcher != null) {
            // As a user runs it (control-plane [DIR] [--port N], which execs java: the pid stays the app's); other
            // keys as environment variables, which Quarkus reads too (a.b-c -> A_B_C).
            command.add(spec.launcher.toAbsolutePath().toString());
            command.add(spec.project.toAbsolutePath().toString());
            command.add("--port");
            command.add(Integer.toString(port));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("quarkus.http.host", "127.0.0.1");
            config.put("controlplane.project-root", spec.project.toAbsolutePath().toString());
            config.putAll(spec.properties);
            config.forEach((k, v) -> env.put(k.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), v));
        } else {
            command.add(spec.java != null ? spec.java : javaBinary());
            command.addAll(spec.jvmOptions);
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dcontrolplane.project-root=" + spec.project.toAbsolutePath());
            spec.properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(spec.jar.toAbsolutePath().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        LIVE.add(process);
        return new AppProcess(process, port, log, started);
    }

    /** The same JVM binary that runs the harness, so the Java version reported is the one measured. */
    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Polls {@code GET /} until it answers 200.
     *
     * @return milliseconds from process start to that first 200
     */
    double awaitPage(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(10)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the app exited with " + process.exitValue() + " before serving /; see " + log);
            }
            try {
                HttpResponse<Void> response = PROBE.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e6;
                }
            } catch (IOException notYet) {
                // connection refused until the port is bound
            }
            Thread.sleep(5);
        }
        throw new IOException("the app did not serve / within " + timeout.toSeconds() + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in bytes ({@code VmRSS}). */
    long rssBytes() throws IOException {
        requireAlive();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + pid());
    }

    /** utime + stime of the whole process, in clock ticks. */
    long cpuTicks() throws IOException {
        requireAlive();
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU ticks per thread name of the app (digits folded, so "executor-thread-3" and "-7" add up), from
     * {@code /proc/<pid>/task/*}: where the time of an idle window goes.
     */
    Map<String, Long> threadTicks() throws IOException {
        requireAlive();
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** Other developers' builds share this machine: say so clearly when the app went away under us. */
    void requireAlive() throws IOException {
        if (!process.isAlive()) {
            throw new IOException("the app (pid " + pid() + ") exited unexpectedly with status " + process.exitValue()
                    + " (143 = SIGTERM, 137 = SIGKILL from outside the harness); see " + log);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Graceful stop (SIGTERM, as Ctrl-C would), forced after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LIVE.remove(process);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException | InterruptedException e) {
            return 100;
        }
    }
}
