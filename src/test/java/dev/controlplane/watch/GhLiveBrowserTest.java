package dev.controlplane.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.controlplane.testing.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The live cards in a real browser against the fake gh: strip colours, safe links, escaped titles, no errors. */
@QuarkusTest
@QuarkusTestResource(value = GhProjectResource.class, restrictToAnnotatedClass = true)
class GhLiveBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL page;

    @Test
    void integrationsTabShowsTheLiveCards() {
        GhProjectResource.gh.scenario("failing");
        try (Browser browser = new Browser(1400, 2000)) {
            browser.open(page.toString() + "#integrations");
            assertEquals("failing", browser.await(WAIT, d -> "failing".equals(browser.badge("gh-runs")) ? "failing" : null));
            assertEquals("2 open PRs", browser.await(WAIT, d -> browser.badge("gh-pulls").endsWith("PRs") ? browser.badge("gh-pulls") : null));
            // ci follows gh-runs by itself once the runs are cached.
            browser.await(WAIT, d -> "failing".equals(browser.badge("ci")) ? true : null);

            WebElement runs = browser.role(browser.card("gh-runs"), "detail");
            List<WebElement> strip = runs.findElements(By.cssSelector("ul.wf-strip > li"));
            assertEquals(List.of("wf failed", "wf ok"), strip.stream().map(li -> li.getAttribute("class")).toList());
            List<WebElement> links = browser.driver().findElements(By.cssSelector("[data-card^=gh-] a, [data-card=ci] a"));
            assertFalse(links.isEmpty());
            for (WebElement link : links) {
                assertTrue(link.getAttribute("href").startsWith("https://github.com/acme/widgets/"), link.getAttribute("href"));
                assertEquals("_blank", link.getAttribute("target"));
                assertEquals("noopener noreferrer", link.getAttribute("rel"));
            }
            WebElement pulls = browser.role(browser.card("gh-pulls"), "detail");
            browser.await(WAIT, d -> pulls.getText().contains("#15 WIP: <script>alert(1)</script> in titles") ? true : null);
            assertTrue(browser.driver().findElements(By.cssSelector("[data-card=gh-pulls] script")).isEmpty(),
                    "a title is text, never markup");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
