package dev.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.controlplane.testing.AppProcess;
import dev.controlplane.testing.TestFiles;

/**
 * The command line as a user meets it: the packaged jar and {@code bin/control-plane} as real processes, their
 * exit codes, what they print, and what they leave on disk.
 */
class CommandLineIT {
    private static final Path LAUNCHER = Path.of("bin", "control-plane").toAbsolutePath();

    private Path temp;

    @BeforeEach
    void makeTemp() throws IOException {
        temp = Files.createTempDirectory("cli-it");
    }

    @AfterEach
    void removeTemp() {
        TestFiles.deleteQuietly(temp);
    }

    /** A finished run: its exit code and its two streams. */
    private record Run(int code, String out, String err) {
    }

    private static List<String> jar(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AppProcess.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(Path cwd, List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("CONTROLPLANE_PROJECT_ROOT");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not end: " + command);
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void helpAndVersionFromTheJarAndTheLauncher() throws Exception {
        Run help = run(temp, jar("--help"), Map.of());
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Exit codes"), help.out());
        assertTrue(help.out().contains("--port N"), help.out());
        Run version = run(temp, List.of(LAUNCHER.toString(), "--version"), Map.of());
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().strip().matches("devops-control-plane \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.out());
        assertEquals(List.of(), entries(temp), "nothing written");
    }

    @Test
    void aBadDirectoryIsExitTwoAndOneLine() throws Exception {
        Run missing = run(temp, jar(temp.resolve("nope").toString()), Map.of());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        Run property = run(temp, jar("-Dcontrolplane.project-root=/no/such/dir"), Map.of());
        assertEquals(2, property.code(), property.err());

        Run environment = run(temp, jar(), Map.of("CONTROLPLANE_PROJECT_ROOT", "/no/such/dir"));
        assertEquals(2, environment.code(), environment.err());
        assertEquals(List.of(), entries(temp), "nothing written");
    }

    @Test
    void aDirectoryThatIsNotAProjectIsNeverDescribedByDefault() throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "a home directory, say");
        Run run = run(temp, jar(), Map.of());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("pass the project directory"), run.err());
        assertFalse(run.out().contains("http://"), "no banner: " + run.out());
        assertEquals(List.of("notes.txt"), entries(temp), "no .state/ written");
    }

    @Test
    void aPortInUseIsExitOneNamingThePortAndTheProjectIsUntouched() throws Exception {
        Files.writeString(temp.resolve("pom.xml"), "<project/>");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Run run = run(temp, jar("--port", String.valueOf(port)), Map.of());
            assertEquals(1, run.code(), run.out() + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("Port " + port), run.err());
            assertFalse(run.out().contains("open http"), "no banner before the port is bound: " + run.out());
        }
        assertEquals(List.of("pom.xml"), entries(temp));
    }

    /** Printed from HttpServerStart, i.e. after the bind; a port in use (above) shows none at all. */
    @Test
    void theBannerNamesTheProjectAndUrlOnce() throws Exception {
        Path project = Files.createDirectory(temp.resolve("shop"));
        Files.createDirectory(project.resolve(".git"));
        int port = AppProcess.freePort();
        Path log = temp.resolve("app.log");
        Process app = new ProcessBuilder(jar(project.toString(), "--port", String.valueOf(port))).directory(temp.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = "http://localhost:" + port + "/";
            awaitStatus(url, 200, app);
            String banner = "DevOps Control Plane for " + project.toAbsolutePath() + ": open " + url;
            String text = awaitLog(log, banner);
            assertEquals(1, text.lines().filter(line -> line.contains("open http")).count(), text);
            awaitLog(log, "Installed features"); // started: a user's Ctrl+C comes later than this
        } finally {
            // SIGTERM, as a service manager or `kill` stops it. (Not SIGINT: a build started in the background by
            // a non-interactive shell hands its children SIGINT ignored, and the JVM then never sees Ctrl+C.)
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                String threads = threadDump(app.pid());
                app.destroyForcibly();
                throw new AssertionError("still running 60 s after SIGTERM; threads:\n" + threads + "\nlog:\n"
                        + Files.readString(log));
            }
        }
        assertEquals(0, app.exitValue(), "a stop is a normal end: exit 0");
    }

    /** The JVM's own thread dump (jcmd), to say why a process did not stop. */
    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(20, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static void awaitStatus(String url, int expected, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(app.isAlive(), "the app exited with " + (app.isAlive() ? "" : app.exitValue()));
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (connection.getResponseCode() == expected) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(url + " never answered " + expected);
    }

    private static String awaitLog(Path log, String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(wanted)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + wanted + "' in:\n" + text);
    }
}
