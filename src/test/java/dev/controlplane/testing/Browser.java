package dev.controlplane.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium-family browser driven by Selenium, found by {@link BrowserLocator} (explicit properties,
 * then {@code PATH}, then Selenium Manager). With a driver found locally Selenium Manager never downloads
 * anything; {@code .ci/run} installs Debian's {@code chromium} and {@code chromium-driver}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    public Browser(int width, int height) {
        BrowserLocator.Located located = BrowserLocator.locate();
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        located.binary().ifPresent(binary -> options.setBinary(binary.toFile()));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingAnyFreePort();
        located.driver().ifPresent(driverFile -> service.usingDriverExecutable(driverFile.toFile()));
        try {
            driver = new ChromeDriver(service.build(), options);
        } catch (RuntimeException e) {
            TestFiles.deleteQuietly(profile);
            throw new IllegalStateException(BrowserLocator.INSTALL_HINT + " (looked up through " + located.how()
                    + ": " + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement card(String key) {
        return driver.findElement(By.cssSelector("[data-card=\"" + key + "\"]"));
    }

    public WebElement role(WebElement scope, String role) {
        return scope.findElement(By.cssSelector("[data-role=\"" + role + "\"]"));
    }

    public String badge(String key) {
        return role(card(key), "badge").getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public <T> T await(Duration timeout, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Console errors the page produced since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
    }

    public Path screenshot(String name) {
        Path target = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TestFiles.deleteQuietly(profile);
        }
    }
}
