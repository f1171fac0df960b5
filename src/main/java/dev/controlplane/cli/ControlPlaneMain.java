package dev.controlplane.cli;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command-line entry point ({@code java -jar quarkus-run.jar [DIR] [--port N] [--open]}, also behind
 * {@code bin/control-plane}). Everything that can be wrong with the command line or the project directory is
 * found here, before Quarkus starts, so a mistake costs one line and writes nothing.
 */
@QuarkusMain
public final class ControlPlaneMain {
    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_SERVE = 1;
    static final int EXIT_USAGE = 2;
    private static final CountDownLatch STATUS_SET = new CountDownLatch(1);

    /** What to do: exit with a code, or start the server with these settings (system properties). */
    record Launch(boolean start, int exitCode, Map<String, String> properties) {
        static Launch exit(int code) {
            return new Launch(false, code, Map.of());
        }
    }

    ControlPlaneMain() {
        // static entry point only; package-private as ArC prefers for the bean it sees
    }

    public static void main(String... args) {
        if (runFromSources()) {
            // quarkus:dev calls main again at every live reload, with the port still held by dev mode and the
            // JVM meant to live on: the checks and the exit handling are for a real start and stop only.
            Quarkus.run(args);
            return;
        }
        Launch launch = prepare(List.of(args), LaunchSettings.load(), Path.of(""), System.out, System.err);
        if (!launch.start()) {
            System.exit(launch.exitCode());
        }
        launch.properties().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(ControlPlaneMain::awaitExitStatus, "control-plane-exit-status"));
        Quarkus.run(null, ControlPlaneMain::exit, args);
    }

    /**
     * Whether Quarkus's build tooling runs the application from sources (quarkus:dev). Its launch mode is not
     * set yet when main runs, but its class loader is its own; the packaged jar and a native image use others.
     */
    static boolean runFromSources() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null && "io.quarkus.bootstrap.classloading.QuarkusClassLoader".equals(loader.getClass().getName());
    }

    /** Checks the command line, the project directory and the port, and says whether to start. */
    static Launch prepare(List<String> args, LaunchSettings settings, Path workingDir, PrintStream out,
            PrintStream err) {
        CommandLine command;
        Path project;
        try {
            command = CommandLine.parse(args);
            if (command.help()) {
                out.print(CommandLine.USAGE);
                return Launch.exit(EXIT_OK);
            }
            if (command.version()) {
                out.println("devops-control-plane " + LaunchSettings.version());
                return Launch.exit(EXIT_OK);
            }
            project = ProjectRoot.resolve(command.directory(), settings, workingDir);
        } catch (CommandLine.UsageException e) {
            err.println("control-plane: " + e.getMessage());
            return Launch.exit(EXIT_USAGE);
        }
        Optional<Integer> port = command.port().or(settings::port);
        Optional<String> host = settings.host();
        if (port.isPresent() && host.isPresent() && !PortCheck.isFree(host.get(), port.get())) {
            err.println("control-plane: " + PortCheck.inUseMessage(port));
            return Launch.exit(EXIT_CANNOT_SERVE);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ProjectRoot.PROPERTY, project.toString());
        command.port().ifPresent(given -> properties.put("quarkus.http.port", String.valueOf(given)));
        if (command.open()) {
            properties.put("controlplane.open", "true");
        }
        return new Launch(true, EXIT_OK, properties);
    }

    /**
     * Holds the JVM's shutdown (Ctrl+C) until {@link #exit} has set the exit status; bounded, so a stop can
     * never hang on it.
     */
    private static void awaitExitStatus() {
        try {
            STATUS_SET.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Called once the application has stopped. A failed start (e.g. the port was taken after the check) is one
     * line and exit 1. Ctrl+C is the normal way to end a server, so it exits 0 and not the JVM's 130: the
     * application is already stopped here, and {@code System.exit} would block while the JVM is shutting down,
     * so the status is set with {@code halt} while {@link #awaitExitStatus} holds the shutdown open.
     */
    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            System.err.println("control-plane: " + describe(failure));
            STATUS_SET.countDown();
            System.exit(EXIT_CANNOT_SERVE);
        }
        if (shuttingDown()) {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        STATUS_SET.countDown();
        System.exit(code);
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("in use")) {
                return PortCheck.inUseMessage(LaunchSettings.load().port());
            }
            root = cause;
        }
        return "could not start: " + root.getMessage();
    }
}
