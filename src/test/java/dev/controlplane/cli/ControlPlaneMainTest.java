package dev.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions taken before the server starts: exit codes, messages, and that nothing is written. */
class ControlPlaneMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @TempDir
    Path temp;

    private ControlPlaneMain.Launch prepare(Path cwd, String... args) {
        Properties defaults = new Properties();
        defaults.setProperty("quarkus.http.host", "127.0.0.1");
        defaults.setProperty("quarkus.http.port", "0");
        LaunchSettings settings = new LaunchSettings(properties::get, environment::get, defaults);
        return ControlPlaneMain.prepare(List.of(args), settings, cwd, new PrintStream(out, true),
                new PrintStream(err, true));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndVersionExitZeroWithoutLookingAtTheDirectory() {
        ControlPlaneMain.Launch help = prepare(temp.resolve("missing"), "--help");
        assertEquals(ControlPlaneMain.Launch.exit(0), help);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Exit codes"));
        out.reset();
        assertEquals(ControlPlaneMain.Launch.exit(0), prepare(temp, "--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("devops-control-plane \\S+\\R"), out.toString());
    }

    @Test
    void aMissingDirectoryIsExitTwoInOneLineAndNothingIsWritten() throws Exception {
        ControlPlaneMain.Launch launch = prepare(temp, temp.resolve("nope").toString());
        assertEquals(2, launch.exitCode());
        assertFalse(launch.start());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("does not exist"), err());
        try (var left = Files.list(temp)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aFileIsNotAProjectDirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "x");
        assertEquals(2, prepare(temp, file.toString()).exitCode());
        assertTrue(err().contains("is not a directory"), err());
    }

    @Test
    void theWorkingDirectoryIsTakenOnlyWhenItLooksLikeAProject() throws Exception {
        assertEquals(2, prepare(temp).exitCode());
        assertTrue(err().contains("does not look like a project"), err());
        assertTrue(err().contains("pass the project directory"), err());

        Files.createDirectory(temp.resolve(".git"));
        ControlPlaneMain.Launch launch = prepare(temp);
        assertTrue(launch.start());
        assertEquals(temp.toAbsolutePath().normalize().toString(), launch.properties().get("controlplane.project-root"));
    }

    @Test
    void aBuildManifestOrProjectYmlMakesAProject() throws Exception {
        for (String marker : List.of("pom.xml", "package.json", "project.yml", "App.csproj")) {
            Path dir = Files.createDirectory(temp.resolve("p-" + marker));
            Files.writeString(dir.resolve(marker), "");
            assertTrue(prepare(dir).start(), marker);
        }
    }

    @Test
    void anExplicitDirectoryMayComeFromThePropertyOrTheEnvironment() throws Exception {
        Path project = Files.createDirectory(temp.resolve("app"));
        environment.put("CONTROLPLANE_PROJECT_ROOT", project.toString());
        assertEquals(project.toString(), prepare(temp).properties().get("controlplane.project-root"));
        properties.put("controlplane.project-root", temp.resolve("gone").toString());
        assertEquals(2, prepare(temp).exitCode(), "the system property wins over the environment");
        assertEquals(project.toString(), prepare(temp, project.toString()).properties().get("controlplane.project-root"),
                "the argument wins over both");
    }

    @Test
    void aPortInUseIsExitOneNamingThePortAndNothingIsWritten() throws Exception {
        Path project = Files.createDirectory(temp.resolve("app"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            ControlPlaneMain.Launch launch = prepare(project, "--port", String.valueOf(port));
            assertEquals(ControlPlaneMain.Launch.exit(1), launch);
            assertEquals(1, err().lines().count(), err());
            assertTrue(err().contains("Port " + port + " is already in use"), err());
            assertTrue(err().contains("--port"), err());
        }
        try (var left = Files.list(project)) {
            assertEquals(List.of(project.resolve("pom.xml")), left.toList());
        }
    }

    @Test
    void noPortIsInventedWhenNoneIsDeclaredOrItIsNotANumber() throws Exception {
        // The defaults live in application.properties alone: without it there is no port to check.
        LaunchSettings bare = new LaunchSettings(properties::get, environment::get, new Properties());
        assertEquals(java.util.Optional.empty(), bare.port());
        assertEquals(java.util.Optional.empty(), bare.host());
        environment.put("QUARKUS_HTTP_PORT", "eighty");
        assertEquals(java.util.Optional.empty(), bare.port()); // Quarkus names the bad value itself
        environment.put("QUARKUS_HTTP_PORT", " 8123 ");
        assertEquals(java.util.Optional.of(8123), bare.port());
        Path project = Files.createDirectory(temp.resolve("app"));
        Files.createDirectory(project.resolve(".git"));
        environment.put("QUARKUS_HTTP_PORT", "eighty");
        assertTrue(prepare(project).start(), err());
    }

    @Test
    void theChosenPortReachesTheServer() throws Exception {
        Path project = Files.createDirectory(temp.resolve("app"));
        Files.createDirectory(project.resolve(".git"));
        assertEquals("0", prepare(project, "--port", "0").properties().get("quarkus.http.port"));
        assertFalse(prepare(project).properties().containsKey("quarkus.http.port"));
    }
}
