package dev.controlplane.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.controlplane.testing.Browser;
import dev.controlplane.testing.JobsProjectResource;
import dev.controlplane.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Jobs in a real browser: the Run button, the live log, the state chip, and jobs started by another tab. */
@QuarkusTest
@QuarkusTestResource(value = JobsProjectResource.class, restrictToAnnotatedClass = true)
class JobsBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static Browser browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void start() {
        browser = new Browser(1280, 1400);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private String text(String role) {
        return browser.driver().findElement(By.cssSelector("[data-role='" + role + "']")).getText();
    }

    @Test
    void theRunButtonStartsTheTestsAndThePanelShowsTheLiveLogAndTheResult() {
        TestFiles.write(JobsProjectResource.root().resolve("mode.txt"), "lines 50 20\n");
        browser.open(page.toString());
        WebElement run = browser.await(WAIT, d -> d.findElements(By.cssSelector("[data-card='testing'] [data-role='run']"))
                .stream().findFirst().orElse(null));
        assertEquals("python3 -m pytest --junitxml=.state/reports/pytest.xml", run.getAttribute("title"));
        run.click();

        browser.await(WAIT, d -> text("job-state").equals("succeeded") ? true : null);
        String log = text("job-log");
        assertTrue(log.contains("line 50") && log.contains("2 passed"), log);
        assertTrue(text("job-meta").contains("exit code 0"), text("job-meta"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aJobStartedElsewhereShowsLiveInThisTab() {
        TestFiles.write(JobsProjectResource.root().resolve("mode.txt"), "lines 30 30\n");
        browser.open(page.toString());
        browser.await(WAIT, d -> "connected".equals(d.findElement(By.cssSelector("[data-role='connection']"))
                .getAttribute("data-state")) ? true : null);

        String id = dev.controlplane.api.JobsTestAccess.start("testing:run");

        browser.await(WAIT, d -> text("job-state").equals("succeeded") && text("job-meta").startsWith(id) ? true : null);
        assertTrue(text("job-log").contains("line 30"));
        assertTrue(browser.driver().findElement(By.cssSelector("[data-role='job-list'] [data-job='" + id + "']"))
                .isDisplayed());
    }
}
