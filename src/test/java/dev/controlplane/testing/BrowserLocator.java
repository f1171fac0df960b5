package dev.controlplane.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the Chromium-family browser and its driver the way developers' machines have them, in this order:
 * <ol>
 * <li>explicit system properties: {@value #DRIVER_PROPERTY} (chromedriver) and {@value #BINARY_PROPERTY}
 * (the browser binary), as named in the README;</li>
 * <li>{@code chromium}, {@code chromium-browser}, {@code google-chrome} or {@code chrome} on {@code PATH}, with a
 * {@code chromedriver} on {@code PATH} (Debian's {@code chromium} + {@code chromium-driver}: the CI route,
 * which has no network);</li>
 * <li>otherwise Selenium Manager, which needs a network to fetch what is missing.</li>
 * </ol>
 */
public final class BrowserLocator {
    public static final String DRIVER_PROPERTY = "webdriver.chrome.driver";
    public static final String BINARY_PROPERTY = "controlplane.test.browser";
    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    static final String DRIVER = "chromedriver";

    /** What to install when nothing is found: the message of the failure. */
    public static final String INSTALL_HINT = "No Chromium or Chrome with a chromedriver was found, and Selenium "
            + "Manager could not fetch one. Install them (Debian/Ubuntu: sudo apt-get install chromium "
            + "chromium-driver; macOS: brew install --cask chromium chromedriver), or point the tests at yours with "
            + "-D" + DRIVER_PROPERTY + "=/path/to/chromedriver -D" + BINARY_PROPERTY + "=/path/to/chrome";

    /** A browser binary and its driver; either may be empty, and Selenium Manager then resolves it. */
    public record Located(Optional<Path> binary, Optional<Path> driver, String how) {
    }

    private BrowserLocator() {
    }

    public static Located locate() {
        return locate(System::getProperty, System.getenv("PATH"));
    }

    static Located locate(Function<String, String> properties, String path) {
        Optional<Path> explicitDriver = Optional.ofNullable(properties.apply(DRIVER_PROPERTY)).map(Path::of);
        Optional<Path> explicitBinary = Optional.ofNullable(properties.apply(BINARY_PROPERTY)).map(Path::of);
        if (explicitDriver.isPresent() || explicitBinary.isPresent()) {
            Optional<Path> binary = explicitBinary.or(() -> firstOnPath(path, BROWSERS));
            Optional<Path> driver = explicitDriver.or(() -> firstOnPath(path, List.of(DRIVER)));
            return new Located(binary, driver, "system properties");
        }
        Optional<Path> binary = firstOnPath(path, BROWSERS);
        Optional<Path> driver = firstOnPath(path, List.of(DRIVER));
        if (binary.isPresent() && driver.isPresent()) {
            return new Located(binary, driver, "PATH");
        }
        return new Located(binary, driver, "Selenium Manager");
    }

    static Optional<Path> firstOnPath(String path, List<String> names) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
