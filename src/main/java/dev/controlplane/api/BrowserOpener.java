package dev.controlplane.api;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.quarkus.logging.Log;

/** {@code --open}: hands the dashboard's URL to the desktop's browser, where a desktop exists. */
final class BrowserOpener {
    private BrowserOpener() {
    }

    static void open(String url) {
        List<String> command = command(url);
        if (command.isEmpty()) {
            Log.infof("No desktop to open a browser in: open %s yourself", url);
            return;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException e) {
            Log.infof("Could not open a browser (%s): open %s yourself", e.getMessage(), url);
        }
    }

    private static List<String> command(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        if (isWindows()) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        return desktop ? List.of("xdg-open", url) : List.of();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
