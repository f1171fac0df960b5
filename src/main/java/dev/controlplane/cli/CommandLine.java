package dev.controlplane.cli;

import java.util.List;
import java.util.Optional;

/**
 * What the user asked for on the command line: {@code [DIR] [--port N] [--open] [--help] [--version]}.
 * Parsing never touches the disk or the network, so a usage error is reported before anything else happens.
 */
public record CommandLine(Optional<String> directory, Optional<Integer> port, boolean open, boolean help,
        boolean version) {

    /** The options and exit codes, printed by {@code --help}. One text, shared by the launcher and the jar. */
    public static final String USAGE = """
            Usage: control-plane [DIR] [--port N] [--open] [--help] [--version]

            Runs the DevOps Control Plane dashboard for the project in DIR and serves it on http://localhost:PORT/.

              DIR          the project directory (default: the current directory, when it looks like a project:
                           it has .git/, a build manifest such as pom.xml or package.json, or project.yml)
              --port N     the HTTP port (default 8000, or quarkus.http.port / QUARKUS_HTTP_PORT)
              --open       open the dashboard in the default browser once it listens (when a desktop exists)
              --help       print this help and exit
              --version    print the version and exit

            DIR can also be given as -Dcontrolplane.project-root=DIR or CONTROLPLANE_PROJECT_ROOT=DIR.

            Exit codes:
              0  stopped normally (Ctrl+C or SIGTERM), or --help / --version
              1  could not serve (for example the port is in use)
              2  bad usage or a bad DIR (missing, unreadable, not a directory, or not a project)
            """;

    /** A command line that cannot be understood: exit code 2 with this message. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(List<String> args) throws UsageException {
        String directory = null;
        Integer port = null;
        boolean open = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                case "--open" -> open = true;
                case "--port" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--port needs a number, e.g. --port 8001");
                    }
                    port = parsePort(args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--port=")) {
                        port = parsePort(arg.substring("--port=".length()));
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + " (see --help)");
                    } else if (directory != null) {
                        throw new UsageException("one project directory only, got " + directory + " and " + arg);
                    } else {
                        directory = arg;
                    }
                }
            }
        }
        return new CommandLine(Optional.ofNullable(directory), Optional.ofNullable(port), open, help, version);
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new UsageException("--port needs a number from 0 to 65535, got '" + value + "'");
    }
}
