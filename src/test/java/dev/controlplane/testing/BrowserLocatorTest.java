package dev.controlplane.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which the browser tests look for a browser: properties, then PATH, then Selenium Manager. */
class BrowserLocatorTest {
    @TempDir
    Path temp;

    private Path executable(String dir, String name) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(dir));
        Path file = Files.writeString(folder.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private String path(String... dirs) {
        StringBuilder joined = new StringBuilder();
        for (String dir : dirs) {
            joined.append(joined.length() == 0 ? "" : File.pathSeparator).append(temp.resolve(dir));
        }
        return joined.toString();
    }

    @Test
    void explicitPropertiesComeFirst() throws Exception {
        executable("bin", "chromium");
        executable("bin", "chromedriver");
        Path driver = executable("custom", "my-driver");
        Path chrome = executable("custom", "my-chrome");
        BrowserLocator.Located located = BrowserLocator.locate(Map.of(BrowserLocator.DRIVER_PROPERTY, driver.toString(),
                BrowserLocator.BINARY_PROPERTY, chrome.toString())::get, path("bin"));
        assertEquals(Optional.of(chrome), located.binary());
        assertEquals(Optional.of(driver), located.driver());
        assertEquals("system properties", located.how());
    }

    @Test
    void thenABrowserAndADriverOnPath() throws Exception {
        Path chrome = executable("opt", "google-chrome");
        Path chromium = executable("usr", "chromium");
        Path driver = executable("usr", "chromedriver");
        BrowserLocator.Located located = BrowserLocator.locate(name -> null, path("opt", "usr"));
        assertEquals(Optional.of(chromium), located.binary(), "chromium is preferred to google-chrome");
        assertEquals(Optional.of(driver), located.driver());
        assertEquals("PATH", located.how());
        assertTrue(Files.exists(chrome));
    }

    @Test
    void aNonExecutableFileIsNotABrowser() throws Exception {
        Files.createDirectories(temp.resolve("bin"));
        Files.writeString(temp.resolve("bin/chromium"), "not executable");
        assertEquals(Optional.empty(), BrowserLocator.firstOnPath(path("bin"), BrowserLocator.BROWSERS));
    }

    @Test
    void withoutADriverSeleniumManagerIsLeftToResolveIt() throws Exception {
        Path chrome = executable("bin", "chrome");
        BrowserLocator.Located located = BrowserLocator.locate(name -> null, path("bin"));
        assertEquals(Optional.of(chrome), located.binary());
        assertEquals(Optional.empty(), located.driver());
        assertEquals("Selenium Manager", located.how());
        assertTrue(BrowserLocator.INSTALL_HINT.contains("apt-get install chromium chromium-driver"));
    }
}
