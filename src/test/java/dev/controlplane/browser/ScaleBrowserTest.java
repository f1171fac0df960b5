package dev.controlplane.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.controlplane.testing.Browser;
import dev.controlplane.testing.LargeProjectResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard on a large generated project: every card fits a screen before anything is expanded, the
 * expanders show the whole list, the filter and #card-key links find a card, and what the user opened stays
 * open when the card re-renders after a recomputation.
 */
@QuarkusTest
@QuarkusTestResource(value = LargeProjectResource.class, restrictToAnnotatedClass = true)
class ScaleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;
    /** The tallest a card's body may be before expansion at 1400×1000. */
    private static final int MAX_BODY = 700;
    private static final List<String> TABS = List.of("devops", "integrations", "audit");
    private static Browser browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void start() {
        browser = new Browser(WIDTH, HEIGHT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String hash) {
        browser.driver().manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        browser.open(page.toString() + hash);
        browser.await(WAIT, d -> "connected".equals(browser.role(d.findElement(By.tagName("body")), "connection")
                .getAttribute("data-state")) ? true : null);
    }

    /** Until every auto card has its data and none computes. */
    private void awaitSettled() {
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script(
                "return Array.from(document.querySelectorAll('[data-card]')).every(el =>"
                        + " el.dataset.pref !== 'auto' || (el.getAttribute('aria-busy') === 'false'"
                        + " && window.ControlPlane.storeGet(el.dataset.card)));")) ? true : null);
    }

    private void tab(String id) {
        browser.driver().findElement(By.cssSelector("[role=tab][data-tab=" + id + "]")).click();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> heights(String selector) {
        return (Map<String, Number>) browser.script("const out = {};"
                + "document.querySelectorAll('[data-card]').forEach(c => { if (c.offsetParent !== null)"
                + " out[c.dataset.card] = Math.round((arguments[0] ? c.querySelector(arguments[0]) : c).getBoundingClientRect().height); });"
                + "return out;", selector);
    }

    @Test
    void everyCardFitsAScreenAtDesktopAndPhoneSizes() {
        open("");
        awaitSettled();
        List<String> tooTall = new java.util.ArrayList<>();
        for (String id : TABS) {
            tab(id);
            Map<String, Number> bodies = heights("[data-role=detail]");
            Log.infof("card bodies on %s at %dx%d: %s", id, WIDTH, HEIGHT, bodies);
            assertTrue(bodies.size() >= 3, "the tab shows its cards: " + bodies);
            bodies.forEach((key, h) -> {
                if (h.intValue() > MAX_BODY) {
                    tooTall.add(key + " body is " + h + " px tall");
                }
            });
            assertTrue(browser.driver().findElements(By.cssSelector("[data-role=detail] details[open]")).isEmpty(),
                    "nothing starts expanded");
            long pageHeight = ((Number) browser.script("return document.scrollingElement.scrollHeight;")).longValue();
            Log.infof("page height of %s: %d px", id, pageHeight);
            // The whole tab in one picture (docs/scale-*.png are copied from these).
            browser.driver().manage().window().setSize(new Dimension(WIDTH, (int) Math.min(6000, pageHeight + 140)));
            browser.screenshot("scale-" + id);
            browser.driver().manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        long inner = ((Number) browser.script("return window.innerHeight;")).longValue();
        for (String id : TABS) {
            tab(id);
            Map<String, Number> cards = heights(null);
            Log.infof("cards on %s at 390 px: %s", id, cards);
            cards.forEach((key, h) -> {
                if (h.doubleValue() > 1.5 * inner) {
                    tooTall.add(key + " is " + h + " px tall at 390 px");
                }
            });
            long overflow = ((Number) browser.script("return document.scrollingElement.scrollWidth - window.innerWidth;")).longValue();
            assertTrue(overflow <= 0, "horizontal overflow of " + overflow + " px on " + id);
        }
        browser.screenshot("scale-phone");
        assertEquals(List.of(), tooTall, "bodies over " + MAX_BODY + " px at " + WIDTH + "x" + HEIGHT + ", cards over 1.5 screens at 390 px");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void expandersShowTheWholeList() {
        open("#k8s");
        awaitSettled();
        WebElement k8s = browser.card("k8s");
        // Manifests grouped by directory: the first few, then "show all N directories".
        long groups = ((Number) browser.script("const m = window.ControlPlane.storeGet('k8s').manifests;"
                + "return new Set(m.map(x => x.path.slice(0, x.path.lastIndexOf('/')) + '|' + x.deployed_with)).size;")).longValue();
        assertTrue(groups > 6, "the project has more directories than the card shows: " + groups);
        WebElement more = k8s.findElement(By.cssSelector("details[data-expand='more:groups']"));
        WebElement summary = more.findElement(By.tagName("summary"));
        assertEquals("show all " + groups + " directories", summary.getText());
        assertEquals(6, visible(k8s, "details[data-expand^='exp:dir:']"));
        summary.sendKeys(Keys.ENTER); // keyboard reachable
        browser.await(WAIT, d -> more.getAttribute("open") != null ? true : null);
        assertEquals(groups, visible(k8s, "details[data-expand^='exp:dir:']"));
        // One directory: every manifest file in it, each with its resources.
        WebElement first = k8s.findElement(By.cssSelector("details[data-expand^='exp:dir:']"));
        first.findElement(By.tagName("summary")).click();
        long files = ((Number) browser.script("const m = window.ControlPlane.storeGet('k8s').manifests;"
                + "const dirs = m.map(x => x.path.slice(0, x.path.lastIndexOf('/'))).sort();"
                + "return m.filter(x => x.path.slice(0, x.path.lastIndexOf('/')) === dirs[0]).length;")).longValue();
        assertEquals(files, first.findElements(By.cssSelector("ul.items > li")).size());

        // Security: findings grouped by rule; each rule's files behind its expander.
        tab("devops");
        WebElement security = browser.card("security");
        @SuppressWarnings("unchecked")
        Map<String, Number> byRule = (Map<String, Number>) browser.script("const out = {};"
                + "window.ControlPlane.storeGet('security').findings.forEach(f => out[f.pattern] = (out[f.pattern] || 0) + 1);"
                + "return out;");
        assertTrue(byRule.size() >= 4, "several rules matched: " + byRule);
        assertEquals(byRule.size(), security.findElements(By.cssSelector("details[data-expand^='exp:rule:']")).size());
        String rule = byRule.keySet().iterator().next();
        WebElement ruleDetails = security.findElement(By.cssSelector("details[data-expand='exp:rule:" + rule + "']"));
        if (!ruleDetails.isDisplayed()) {
            security.findElement(By.cssSelector("details[data-expand='more:rules'] > summary")).click();
        }
        ruleDetails.findElement(By.tagName("summary")).click();
        assertEquals(byRule.get(rule).intValue(), ruleDetails.findElements(By.cssSelector("ul.items > li")).size());
        assertTrue(security.findElement(By.cssSelector("[data-role=attention]")).getText().contains("critical finding"),
                "critical findings are listed under 'needs attention'");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private long visible(WebElement scope, String selector) {
        return scope.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed).count();
    }

    @Test
    void theFilterNarrowsCardsAcrossTabsAndEscapeClearsIt() {
        open("");
        awaitSettled();
        WebElement body = browser.driver().findElement(By.tagName("body"));
        body.sendKeys("/");
        WebElement filter = browser.driver().findElement(By.cssSelector("[data-role=filter]"));
        assertEquals(filter, browser.driver().switchTo().activeElement(), "/ focuses the filter box");
        filter.sendKeys("scores");
        browser.await(WAIT, d -> browser.card("audit:scores").isDisplayed() ? true : null);
        assertEquals("true", browser.driver().findElement(By.cssSelector("[role=tab][data-tab=audit]")).getAttribute("aria-selected"),
                "the tab holding the matches opens");
        assertEquals(List.of("audit:scores", "audit:scores:enriched"), shown(), "a manual card matches by its title");
        assertEquals("0", browser.driver().findElement(By.cssSelector("[role=tab][data-tab=devops] .count")).getText());

        // Badge text matches too: the CI card's badge names its workflows.
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), "workflows");
        browser.await(WAIT, d -> shown().contains("ci") && !shown().contains("docker") ? true : null);
        assertEquals("true", browser.driver().findElement(By.cssSelector("[role=tab][data-tab=integrations]")).getAttribute("aria-selected"));

        filter.sendKeys(Keys.ESCAPE);
        assertEquals("", filter.getAttribute("value"));
        assertTrue(shown().size() > 1, "every card of the tab is back");
        assertTrue(browser.driver().findElements(By.cssSelector(".filtered-out")).isEmpty());
        assertTrue(!browser.card("dns").isDisplayed(), "a card hidden by preference stays hidden");
    }

    @SuppressWarnings("unchecked")
    private List<String> shown() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('[data-card]'))"
                + ".filter(c => c.offsetParent !== null).map(c => c.dataset.card);");
    }

    @Test
    void aCardLinkOpensItsTabAndScrollsToIt() {
        open("#audit:scores");
        browser.await(WAIT, d -> browser.card("audit:scores").isDisplayed() ? true : null);
        assertEquals("true", browser.driver().findElement(By.cssSelector("[role=tab][data-tab=audit]")).getAttribute("aria-selected"));
        awaitSettled();
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script("const r = document.querySelector('[data-card=\"audit:scores\"]')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;")) ? true : null);
        // The score trend is a sparkline drawn in SVG: the last 20 samples (19 kept from before, this one).
        String points = browser.card("audit:scores").findElement(By.cssSelector("[data-role=summary] svg.spark polyline.quality"))
                .getAttribute("points");
        assertEquals(20, points.trim().split("\\s+").length, points);
        // A link followed while the page is open works the same way.
        browser.script("location.hash = 'k8s';");
        browser.await(WAIT, d -> "true".equals(browser.driver().findElement(By.cssSelector("[role=tab][data-tab=devops]"))
                .getAttribute("aria-selected")) ? true : null);
        browser.await(WAIT, d -> Boolean.TRUE.equals(browser.script("const r = document.querySelector('[data-card=\"k8s\"]')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;")) ? true : null);
    }

    @Test
    void whatTheUserOpenedStaysOpenWhenTheCardIsRecomputed() {
        open("#k8s");
        awaitSettled();
        WebElement section = browser.card("k8s").findElement(By.cssSelector("details[data-expand='sec:kustomize'] > summary"));
        section.click();
        WebElement more = browser.card("k8s").findElement(By.cssSelector("details[data-expand='more:groups'] > summary"));
        more.click();
        Object before = browser.script("return window.ControlPlane.entry('k8s').cachedAt;");
        browser.script("document.querySelector('[data-card=\"k8s\"] details[data-expand=\"more:groups\"]').__old = true;");
        given().header("X-Control-Plane", "1").contentType("application/json").body("{\"card\":\"k8s\"}")
                .post("/api/devops/cache/bust").then().statusCode(200);
        browser.await(WAIT, d -> {
            Object now = browser.script("return window.ControlPlane.entry('k8s').cachedAt;");
            return now != null && !now.equals(before) && Boolean.TRUE.equals(browser.script(
                    "return !document.querySelector('[data-card=\"k8s\"] details[data-expand=\"more:groups\"]').__old;"))
                    && Boolean.TRUE.equals(browser.script("return window.ControlPlane.recent().some(f => f.type === 'cache:done' && f.key === 'k8s');"))
                    ? true : null;
        });
        WebElement card = browser.card("k8s");
        assertTrue(card.findElement(By.cssSelector("details[data-expand='sec:kustomize']")).getAttribute("open") != null,
                "the opened section is still open after the re-render");
        assertTrue(card.findElement(By.cssSelector("details[data-expand='more:groups']")).getAttribute("open") != null,
                "the opened list is still open after the re-render");
        assertTrue(card.findElements(By.cssSelector("details[data-expand='sec:tools'][open]")).isEmpty(), "the rest stays closed");
        assertEquals(List.of(), browser.consoleErrors());
    }
}
