package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.controlplane.testing.BrowserLocator;

/**
 * First paint with a warm cache: a fresh headless Chromium (new profile each run, so nothing is cached) opens
 * {@code /}; an observer installed before any page script runs ({@code Page.addScriptToEvaluateOnNewDocument},
 * through chromedriver's own CDP endpoint, no devtools module needed) notes when every card whose root is not
 * {@code hidden} (all tabs) has a badge other than {@code …} / {@code —}. Times are from navigation start
 * ({@code performance.timeOrigin}): the page's {@code cp:cards-rendered} mark, that badge moment, and the
 * browser's first-contentful-paint.
 */
final class FirstPaintBench {
    private static final String OBSERVER = """
            (function () {
              const b = window.__bench = { badges: null, cards: 0, pending: [] };
              function check() {
                if (b.badges != null) return;
                const cards = Array.from(document.querySelectorAll('[data-card]')).filter((el) => !el.hidden);
                if (!cards.length) return;
                const pending = cards.filter((el) => {
                  const badge = el.querySelector('[data-role="badge"]');
                  const text = badge ? badge.textContent.trim() : '';
                  return !text || text === '…' || text === '—';
                });
                b.pending = pending.map((el) => el.dataset.card);
                if (pending.length) return;
                b.badges = performance.now();
                b.cards = cards.length;
              }
              new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true,
                attributes: true, attributeFilter: ['hidden'] });
              document.addEventListener('DOMContentLoaded', check);
            })();
            """;

    private static final String READ = """
            const b = window.__bench || {};
            const mark = performance.getEntriesByName('cp:cards-rendered');
            const fcp = performance.getEntriesByName('first-contentful-paint');
            return { badges: b.badges, cards: b.cards, pending: (b.pending || []).join(','),
                     rendered: mark.length ? mark[0].startTime : null, fcp: fcp.length ? fcp[0].startTime : null };
            """;

    private final BenchContext ctx;

    FirstPaintBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    void run(String label, AppProcess app) throws IOException, InterruptedException {
        String section = "first paint, warm cache (" + label + ")";
        List<String> keys = new ControlClient(app.base).cardKeys();
        if (keys.isEmpty()) {
            ctx.table.missing(section, "cards rendered", "no cards registered in this build");
            return;
        }
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        BrowserLocator.Located browser = BrowserLocator.locate();
        List<Double> rendered = new ArrayList<>();
        List<Double> badges = new ArrayList<>();
        List<Double> fcp = new ArrayList<>();
        String problem = "";
        int cards = 0;
        for (int run = 1; run <= ctx.plan.paintRuns(); run++) {
            Path profile = Files.createTempDirectory("cp-bench-chromium");
            ChromeOptions options = new ChromeOptions();
            browser.binary().ifPresent(binary -> options.setBinary(binary.toFile()));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingAnyFreePort();
            browser.driver().ifPresent(driverFile -> service.usingDriverExecutable(driverFile.toFile()));
            ChromeDriver driver = new ChromeDriver(service.build(), options);
            try {
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
                driver.get(app.base + "/");
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
                            .executeScript("return window.__bench && window.__bench.badges != null"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    problem = "badges still pending after 30 s";
                }
                try {
                    // The badges are set in the DOM before the frame that shows them is painted.
                    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d)
                            .executeScript("return performance.getEntriesByName('first-contentful-paint').length > 0"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    // reported as a missing sample
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) driver.executeScript(READ);
                add(rendered, m.get("rendered"));
                add(badges, m.get("badges"));
                add(fcp, m.get("fcp"));
                cards = m.get("cards") instanceof Number n ? n.intValue() : cards;
                if (!problem.isEmpty()) {
                    problem += " (" + m.get("pending") + ")";
                }
            } finally {
                driver.quit();
                deleteTree(profile);
            }
        }
        ctx.table.add(section, "navigationStart → 'cp:cards-rendered' mark", "ms", rendered, null,
                "headless Chromium, fresh profile per run");
        ctx.table.add(section, "navigationStart → all visible badges set", "ms", badges, null,
                cards + " cards (all tabs, not hidden)" + (problem.isEmpty() ? "" : "; " + problem));
        ctx.table.add(section, "navigationStart → first-contentful-paint", "ms", fcp, null, "");
        ControlClient.Timed page = new ControlClient(app.base).timedGet("/", false, Duration.ofSeconds(30));
        ctx.table.add(section, "page size (GET /, snapshot inlined)", "KiB",
                Stats.single(page.body().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0), null,
                "served in " + ResultTable.format(page.millis()) + " ms");
    }

    private static void add(List<Double> to, Object value) {
        if (value instanceof Number n) {
            to.add(n.doubleValue());
        }
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp dir
        }
    }
}
