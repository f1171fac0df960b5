package dev.controlplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a real process, for the faults a
 * {@code @QuarkusTest} cannot stage: another PATH, {@code kill -9}, hundreds of connections. JDK only (the load
 * harness runs it outside Maven).
 */
public final class AppProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** How to start one. */
    public static final class Options {
        private final Path project;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvm = new ArrayList<>();
        private Path log;
        private int port;

        public Options(Path project) {
            this.project = project;
        }

        public Options property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Options env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Options jvm(String... options) {
            jvm.addAll(List.of(options));
            return this;
        }

        public Options log(Path file) {
            this.log = file;
            return this;
        }

        public Options port(int fixed) {
            this.port = fixed;
            return this;
        }
    }

    /** Starts the jar and waits until it answers (or fails with the log's tail). */
    public static AppProcess start(Options options, Duration ready) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package the app first (./mvnw package)");
        }
        int port = options.port > 0 ? options.port : freePort();
        try {
            Path log = options.log != null ? options.log : Files.createTempFile("controlplane-app", ".log");
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options.jvm);
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dcontrolplane.project-root=" + options.project.toAbsolutePath());
            options.properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add("-jar");
            command.add(JAR.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(options.environment);
            AppProcess app = new AppProcess(builder.start(), port, log);
            app.awaitReady(ready);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + logTail(30));
            }
            if (status("/api/events/stats") == 200) {
                return;
            }
            sleep(25);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app did not answer within " + timeout.toSeconds() + " s:\n" + logTail(30));
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base() + path.substring(1)).toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(10_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://localhost:" + port + "/";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, no cleanup — a crash. */
    public void kill9() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM, then SIGKILL if it does not stop within 15 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(15)) {
            process.destroyForcibly();
            waitFor(15);
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
