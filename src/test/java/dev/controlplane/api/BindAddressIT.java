package dev.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.controlplane.testing.AppProcess;
import dev.controlplane.testing.TestFiles;

/**
 * The packaged jar listens on 127.0.0.1 unless told otherwise, and says so when told otherwise. Read from the
 * kernel's own table of listening sockets ({@code /proc/net/tcp}), so it does not depend on the machine having
 * another network interface to try.
 */
class BindAddressIT {

    @Test
    void theJarListensOnLoopbackOnlyByDefault() throws IOException {
        Path project = TestFiles.copyFixture("sample-project");
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project).port(port), Duration.ofSeconds(60))) {
            assertEquals(List.of("0100007F"), listeners(port), "only 127.0.0.1 listens");
        } finally {
            TestFiles.deleteQuietly(project);
        }
    }

    @Test
    void anotherBindAddressIsExplicitAndWarned() throws IOException {
        Path project = TestFiles.copyFixture("sample-project");
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(new AppProcess.Options(project).port(port)
                .property("quarkus.http.host", "0.0.0.0"), Duration.ofSeconds(60))) {
            assertEquals(List.of("00000000"), listeners(port));
            String log = app.logText();
            assertTrue(log.contains("other machines can reach this dashboard"), log);
        } finally {
            TestFiles.deleteQuietly(project);
        }
    }

    /**
     * Local addresses (IPv4 hex, as the kernel writes them) of the sockets listening on {@code port}. The JVM
     * opens dual-stack sockets, so 127.0.0.1 appears in tcp6 as the v4-mapped ::ffff:127.0.0.1 and 0.0.0.0 as ::.
     */
    private static List<String> listeners(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(":" + hexPort) && "0A".equals(fields[3])) {
                    String address = fields[1].substring(0, fields[1].indexOf(':'));
                    if (address.length() == 32) {
                        address = address.equals("0".repeat(32)) ? "00000000"
                                : address.startsWith("0000000000000000FFFF0000") ? address.substring(24) : address;
                    }
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
