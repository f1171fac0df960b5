package dev.controlplane.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Finds out before start-up whether the port is taken, so the user gets one line naming the port instead of
 * a failed start with a stack trace, and nothing is written to the project by a server that cannot listen.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** Whether {@code host:port} can be bound now (port 0, "any free port", always can). */
    static boolean isFree(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line naming the port and what to do; without a known port it still says what to do. */
    static String inUseMessage(Optional<Integer> port) {
        if (port.isEmpty()) {
            return "The HTTP port is already in use: stop what uses it, or pick another port with --port N";
        }
        int taken = port.get();
        return "Port " + taken + " is already in use: stop what uses it, or pick another port with --port N "
                + "(e.g. --port " + (taken == 65535 ? 8001 : taken + 1) + ")";
    }
}
