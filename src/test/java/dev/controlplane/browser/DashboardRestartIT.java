package dev.controlplane.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.controlplane.testing.AppProcess;
import dev.controlplane.testing.Browser;
import dev.controlplane.testing.TestFiles;

/**
 * A server restart under an open page: the page reconnects by itself, sees a new instance, drops what it
 * held and shows the new server's data (here: a card whose value changed while the server was down).
 * Runs on the packaged jar (failsafe), since a test cannot restart its own Quarkus.
 */
class DashboardRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void thePageResyncsAfterARestart() {
        Path project = TestFiles.copyFixture("sample-project");
        int port = AppProcess.freePort();
        try (Browser browser = new Browser(1280, 1200)) {
            AppProcess first = AppProcess.start(new AppProcess.Options(project).port(port), Duration.ofSeconds(60));
            String before;
            try {
                browser.open(first.base());
                browser.await(WAIT, d -> "2 tests".equals(browser.badge("testing")) ? true : null);
                before = (String) browser.script("return window.ControlPlane.instanceId();");
            } finally {
                first.kill9();
            }
            browser.await(WAIT, d -> !"connected".equals(connection(browser)) ? true : null);

            // While the server is down, a test is added: the new server must show it.
            TestFiles.write(project.resolve("src/test/java/com/acme/MoreTest.java"),
                    "package com.acme;\nimport org.junit.jupiter.api.Test;\nclass MoreTest {\n  @Test void more() {}\n}\n");
            try (AppProcess second = AppProcess.start(new AppProcess.Options(project).port(port), Duration.ofSeconds(60))) {
                browser.await(WAIT, d -> "connected".equals(connection(browser)) ? true : null);
                String after = (String) browser.await(WAIT, d -> {
                    Object id = browser.script("return window.ControlPlane.instanceId();");
                    return before.equals(id) ? null : id;
                });
                assertNotEquals(before, after);
                browser.await(WAIT, d -> "3 tests".equals(browser.badge("testing")) ? true : null);
                assertEquals("3 tests", browser.badge("testing"));
                assertEquals(List.of(), browser.consoleErrors().stream()
                        // Network errors of the kill are the point of the test: the stream cut mid-chunk, its
                        // refused reconnects, and whatever Chromium fetched late (it loads the favicon after
                        // the page). Anything else, a script error above all, fails.
                        .filter(m -> !m.contains("/api/events") && !m.contains("net::ERR_CONNECTION_REFUSED"))
                        .toList());
            }
        } finally {
            TestFiles.deleteQuietly(project);
        }
    }

    private static String connection(Browser browser) {
        return browser.driver().findElement(By.cssSelector("[data-role=connection]")).getAttribute("data-state");
    }
}
