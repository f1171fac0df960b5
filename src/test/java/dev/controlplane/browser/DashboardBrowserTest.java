package dev.controlplane.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.controlplane.testing.Browser;
import dev.controlplane.testing.SampleProjectResource;
import dev.controlplane.testing.TestFiles;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard in a real browser: live cards, outdated badges, refresh, errors, hostile names, small screens. */
@QuarkusTest
@QuarkusTestResource(SampleProjectResource.class)
class DashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Browser browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void start() {
        browser = new Browser(1280, 1800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void openDashboard() {
        browser.open(page.toString());
        browser.await(WAIT, d -> "connected".equals(browser.role(d.findElement(By.tagName("body")), "connection")
                .getAttribute("data-state")));
    }

    /** Waits until the card shows a real badge (not the loading placeholders). */
    private String awaitBadge(String key) {
        return browser.await(WAIT, d -> {
            String text = browser.badge(key);
            return text.isEmpty() || text.equals("…") || text.equals("—") ? null : text;
        });
    }

    /** Until no card computes: every auto card has its data and no spinner turns. */
    private void awaitSettled() {
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "return Array.from(document.querySelectorAll('[data-card]')).every(el =>"
                        + " el.dataset.pref !== 'auto' || (el.getAttribute('aria-busy') === 'false'"
                        + " && window.ControlPlane.storeGet(el.dataset.card)));")) ? true : null);
        try {
            Thread.sleep(300); // the last cache:done reaches the watcher, which then registers its directories
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new card comes with its renderer: the page's generic fallback is for unknown keys, not for a card. */
    @Test
    void everyRegisteredCardHasItsOwnRenderer() {
        openDashboard();
        // The keys the app lists (GET /api/cards is the registry: CardsApiTest).
        for (JsonNode card : given().get("/api/cards").then().statusCode(200).extract().as(JsonNode.class)) {
            String key = card.get("key").asText();
            assertEquals(Boolean.TRUE, browser.script(
                    "return typeof window.CardRenderers[arguments[0]] === 'function';", key), key + " has a renderer");
        }
    }

    @Test
    void autoCardsRenderRealValuesWithoutErrors() {
        openDashboard();
        assertEquals("2 tests", awaitBadge("testing"));
        assertEquals("4 docs", awaitBadge("docs"));
        assertEquals("1 env file", awaitBadge("env"));
        assertFalse(browser.card("dns").isDisplayed(), "dns is hidden by default");
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=integrations]")).click();
        assertEquals("2 Dockerfiles", awaitBadge("docker"));
        assertEquals("no repo", awaitBadge("git"));
        assertEquals("1 workflow", awaitBadge("ci"));
        // k8s is one card on two tabs: drawn in both panels from the one store entry.
        Object k8s = browser.await(WAIT, d -> browser.script("var b = document.querySelectorAll("
                + "'[data-panel=integrations] [data-card=k8s] [data-role=badge], [data-panel=devops] [data-card=k8s]"
                + " [data-role=badge]'); return b.length === 2 && b[0].textContent === b[1].textContent"
                + " && / resources?$/.test(b[0].textContent) ? b[0].textContent : null;"));
        assertTrue(k8s.toString().endsWith("resources") || k8s.toString().endsWith("resource"), k8s.toString());
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=audit]")).click();
        assertTrue(awaitBadge("audit:scores").startsWith("Q "));
        Object rendered = browser.script("var m = performance.getEntriesByName('cp:cards-rendered');"
                + "return m.length ? m[0].startTime : -1;");
        Log.infof("First render of the cards: %s ms after navigation start", rendered);
        assertTrue(((Number) rendered).doubleValue() >= 0, "the page marks its first render");
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=devops]")).click();
        browser.screenshot("dashboard-devops");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aSavedFileMarksTheCardOutdatedAndRefreshClearsIt() {
        openDashboard();
        awaitBadge("docs");
        WebElement docs = browser.card("docs");
        // Let every card the page asked for finish first: a card that summarises docs (audit:scores) would
        // otherwise recompute docs with the edit inside, and docs would rightly not be outdated.
        awaitSettled();
        TestFiles.write(SampleProjectResource.root().resolve("docs/guide.md"), "# Guide\n\nChanged in the browser test.\n");
        browser.await(WAIT, d -> docs.getAttribute("class").contains("stale"));
        WebElement outdated = browser.role(docs, "outdated");
        assertTrue(outdated.isDisplayed());
        assertEquals("outdated", outdated.getText());
        assertTrue(outdated.getAttribute("title").contains("docs/guide.md"), outdated.getAttribute("title"));
        browser.screenshot("dashboard-outdated");

        browser.role(docs, "refresh").click();
        browser.await(WAIT, d -> !docs.getAttribute("class").contains("stale"));
        browser.await(WAIT, d -> browser.role(docs, "age").getText().contains("just now") ? true : null);
        assertFalse(browser.role(docs, "outdated").isDisplayed());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aFailingComputationShowsTheErrorAboveTheLastGoodData() throws Exception {
        openDashboard();
        awaitBadge("env");
        WebElement env = browser.card("env");
        Path project = SampleProjectResource.root();
        Path away = project.resolveSibling(project.getFileName() + "-away");
        Files.move(project, away);
        try {
            browser.role(env, "refresh").click();
            WebElement error = browser.await(WAIT, d -> {
                WebElement box = browser.role(env, "error");
                return box.isDisplayed() ? box : null;
            });
            assertTrue(error.getText().contains("does not exist"), error.getText());
        } finally {
            Files.move(away, project);
        }
        browser.role(env, "refresh").click();
        browser.await(WAIT, d -> !browser.role(env, "error").isDisplayed());
        assertEquals("1 env file", awaitBadge("env"));
    }

    @Test
    void aHostileFileNameIsShownAsText() {
        openDashboard();
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=integrations]")).click();
        awaitBadge("docker");
        WebElement detail = browser.role(browser.card("docker"), "detail");
        browser.await(WAIT, d -> detail.getText().contains("services/<img src=x onerror=alert(1)>/Dockerfile"));
        assertTrue(browser.driver().findElements(By.cssSelector("img[src=x]")).isEmpty(), "no markup was injected");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void preferencesApplyAtOnceAndFollowInOtherTabs() {
        try (Browser other = new Browser(1280, 1000)) {
            openDashboard();
            other.open(page.toString());
            other.await(WAIT, d -> "connected".equals(other.role(d.findElement(By.tagName("body")), "connection")
                    .getAttribute("data-state")) ? true : null);
            awaitBadge("env");
            browser.driver().findElement(By.cssSelector("[data-role=prefs][data-tab=devops]")).click();
            WebElement dialog = browser.driver().findElement(By.cssSelector("[data-role=prefs-dialog]"));
            browser.await(WAIT, d -> dialog.isDisplayed() ? true : null);
            new org.openqa.selenium.support.ui.Select(dialog.findElement(By.cssSelector("select[name=env]")))
                    .selectByValue("hidden");
            new org.openqa.selenium.support.ui.Select(dialog.findElement(By.cssSelector("select[name=docs]")))
                    .selectByValue("manual");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            browser.await(WAIT, d -> !browser.card("env").isDisplayed() ? true : null);
            other.await(WAIT, d -> !other.card("env").isDisplayed() ? true : null);
            assertEquals("manual", other.card("docs").getAttribute("data-pref"));

            // "Refresh all" keeps a manual card's last result, marked outdated; the tab's own refresh recomputes it.
            given().header("X-Control-Plane", "1").contentType("application/json").body("{\"card\":\"all\"}")
                    .post("/api/devops/cache/bust").then().statusCode(200);
            other.await(WAIT, d -> other.card("docs").getAttribute("class").contains("stale") ? true : null);
            assertEquals("4 docs", other.badge("docs"), "the last result stays");
            given().header("X-Control-Plane", "1").contentType("application/json").body("{\"card\":\"devops\"}")
                    .post("/api/devops/cache/bust").then().statusCode(200);
            other.await(WAIT, d -> !other.card("docs").getAttribute("class").contains("stale")
                    && "4 docs".equals(other.badge("docs")) ? true : null);
            assertEquals(List.of(), other.consoleErrors());
        } finally {
            given().header("X-Control-Plane", "1").contentType("application/json")
                    .body("{\"env\":\"auto\",\"docs\":\"auto\"}").put("/api/devops/prefs").then().statusCode(200);
        }
    }

    @Test
    void refreshAllShowsProgressUntilEveryCardIsBack() {
        openDashboard();
        awaitBadge("testing");
        browser.driver().findElement(By.cssSelector("[data-role=refresh-all]")).click();
        WebElement warming = browser.driver().findElement(By.cssSelector("[data-role=warming]"));
        // A small project recomputes in well under a second: follow the frames, not the bar's visibility.
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "return window.ControlPlane.recent().some(f => f.type === 'sys:warm');")) ? true : null);
        String progress = (String) browser.script(
                "return document.querySelector('[data-role=warming-text]').textContent;");
        assertTrue(progress.matches("Computing cards: (\\d+)/\\1"), progress);
        browser.await(WAIT, d -> !warming.isDisplayed() ? true : null);
        assertEquals("2 tests", awaitBadge("testing"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void analyzeComputesTheDeepAnalysisAndAnAuditRefreshKeepsItOutdated() {
        openDashboard();
        awaitBadge("testing");
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=audit]")).click();
        WebElement analyze = browser.driver().findElement(By.cssSelector("button.analyze[data-tab='audit:l2']"));
        // The progress bar may show and hide within a second on a small project: record what it showed.
        browser.script("window.cpWarmingSeen = []; const bar = document.querySelector('[data-role=warming]');"
                + "new MutationObserver(() => window.cpWarmingSeen.push((bar.hidden ? 'hidden ' : 'shown ')"
                + " + bar.querySelector('[data-role=warming-text]').textContent))"
                + ".observe(bar, {attributes: true, subtree: true, childList: true, characterData: true});");
        analyze.sendKeys(org.openqa.selenium.Keys.ENTER); // keyboard reachable: a real button
        for (String key : List.of("audit:l2:structure", "audit:l2:quality", "audit:l2:repo", "audit:l2:risks",
                "audit:scores:enriched")) {
            awaitBadge(key);
        }
        // Analyze reports progress on sys:warming / sys:warm: shown while the five cards compute, then hidden.
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector('[data-role=warming]').hidden;")) ? true : null);
        String seen = String.valueOf(browser.script("return window.cpWarmingSeen.join('\\n');"));
        assertTrue(seen.lines().anyMatch(l -> l.matches("shown Computing cards: \\d+/([5-9]|\\d\\d+)")), seen);
        assertTrue(seen.lines().anyMatch(l -> l.matches("\\w+ Computing cards: (\\d+)/\\1")), seen);
        assertTrue(browser.badge("audit:l2:repo").contains("not a git repository"), browser.badge("audit:l2:repo"));
        assertTrue(browser.badge("audit:scores:enriched").startsWith("Q "));
        String risks = text(browser.card("audit:l2:risks"));
        assertTrue(risks.contains("grade A"), "the sample project is clean: " + risks);
        String quality = text(browser.card("audit:l2:quality"));
        assertTrue(quality.contains("Worst files"), quality);
        WebElement structure = browser.card("audit:l2:structure");
        assertTrue(text(structure).contains("Module dependencies"), text(structure));
        browser.screenshot("dashboard-audit-l2");

        browser.driver().findElement(By.cssSelector("[data-role=refresh-tab][data-tab=audit]")).click();
        browser.await(WAIT, d -> structure.getAttribute("class").contains("stale") ? true : null);
        assertTrue(browser.role(structure, "outdated").isDisplayed(), "kept, marked outdated");
        assertTrue(text(structure).contains("Module dependencies"), "the analysis is still shown");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** All the text of an element, including parts scrolled out of view inside the card. */
    private static String text(WebElement element) {
        return String.valueOf(browser.script("return arguments[0].textContent;", element));
    }

    @Test
    void onAPhoneCardsStackAndNothingOverflows() {
        try (Browser phone = new Browser(390, 844)) {
            phone.open(page.toString());
            phone.await(WAIT, d -> {
                String text = phone.badge("testing");
                return text.equals("2 tests") ? text : null;
            });
            long overflow = ((Number) phone.script(
                    "return document.scrollingElement.scrollWidth - window.innerWidth;")).longValue();
            assertTrue(overflow <= 0, "horizontal overflow of " + overflow + " px");
            WebElement first = phone.card("security");
            WebElement second = phone.card("testing");
            assertTrue(second.getLocation().getY() > first.getLocation().getY(), "cards stack vertically");
            assertEquals(first.getLocation().getX(), second.getLocation().getX());
            phone.screenshot("dashboard-mobile");
        }
    }
}
