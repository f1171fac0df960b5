package dev.controlplane.project.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.support.ProjectWalker;

/**
 * The last recorded test results, read from what the build tools leave behind (nothing is run): Maven's
 * {@code target/surefire-reports} and {@code target/failsafe-reports}, Gradle's {@code build/test-results},
 * both JUnit XML, in every module; and pytest's {@code .pytest_cache/v/cache/{lastfailed,nodeids}}.
 * Results of all sources are summed; {@code at} is the newest report's modification time.
 */
public final class TestRunReports {
    /** Report files read at most (a huge multi-module build must not cost minutes of XML parsing). */
    private static final int MAX_REPORT_FILES = 5_000;
    private static final List<String> SOURCE_ORDER = List.of("surefire", "failsafe", "gradle", "pytest", "jest");
    /** Where the dashboard's own test runs write their reports (pytest JUnit XML, Jest JSON). */
    public static final String STATE_REPORTS = ".state/reports";
    /** A cache written this much later than the report belongs to a later run made outside the dashboard. */
    private static final double SAME_RUN_SECONDS = 5;

    /** Results from one report directory. {@code at} is epoch seconds. */
    public record Tally(String source, String path, int files, int passed, int failed, int skipped, double at) {
    }

    /** The summed last run; {@code at} is null when nothing was recorded. */
    public record LastRun(boolean available, String source, int passed, int failed, int skipped, Double at,
            List<Tally> sources) {
    }

    private final ProjectAccess ctx;
    private final List<String> warnings;
    private final List<Tally> tallies = new ArrayList<>();
    private int filesRead;

    private TestRunReports(ProjectAccess ctx, List<String> warnings) {
        this.ctx = ctx;
        this.warnings = warnings;
    }

    /**
     * Reads the reports of the given module directories ("" = the root).
     *
     * @param mavenModules directories with a pom.xml (or a src/test/ and no Gradle script)
     * @param gradleModules directories with a build.gradle(.kts)
     * @param pythonDirs directories that may hold a .pytest_cache
     */
    public static LastRun read(ProjectAccess ctx, Collection<String> mavenModules, Collection<String> gradleModules,
            Collection<String> pythonDirs, List<String> warnings) {
        TestRunReports reports = new TestRunReports(ctx, warnings);
        for (String module : mavenModules) {
            reports.junitXml("surefire", join(module, "target/surefire-reports"), 1);
            reports.junitXml("failsafe", join(module, "target/failsafe-reports"), 1);
        }
        for (String module : gradleModules) {
            // build/test-results/<task>/TEST-*.xml, at any depth like any walk
            reports.junitXml("gradle", join(module, "build/test-results"), ctx.depth());
        }
        for (String dir : pythonDirs) {
            reports.pytest(join(dir, ".pytest_cache/v/cache"));
        }
        reports.stateReports();
        return reports.summed();
    }

    public static String join(String dir, String child) {
        return dir.isEmpty() ? child : dir + "/" + child;
    }

    private void junitXml(String source, String relDir, int depth) {
        Path dir = ctx.path(relDir);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || filesRead >= MAX_REPORT_FILES
                || !ctx.reallyContains(dir)) {
            return;
        }
        List<Path> files = ctx.project().files(dir, depth, MAX_REPORT_FILES - filesRead,
                f -> f.getFileName().toString().endsWith(".xml"));
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int used = 0;
        double at = 0;
        for (Path file : files) {
            filesRead++;
            ParsedFile<Document> parsed = Manifests.xml(file, ctx.root());
            if (!parsed.isOk()) {
                warnings.add(parsed.warning());
                continue;
            }
            int[] counts = suiteCounts(parsed.value().getDocumentElement());
            if (counts == null) {
                continue; // not a JUnit report (failsafe-summary.xml repeats the suites' numbers)
            }
            passed += counts[0];
            failed += counts[1];
            skipped += counts[2];
            used++;
            at = Math.max(at, mtime(file));
        }
        if (used > 0) {
            tallies.add(new Tally(source, relDir, used, passed, failed, skipped, at));
        }
    }

    /** {passed, failed, skipped} of a {@code <testsuite>} or {@code <testsuites>} root, or null. */
    private static int[] suiteCounts(Element root) {
        if (root.getTagName().equals("testsuite")) {
            return suite(root);
        }
        if (!root.getTagName().equals("testsuites")) {
            return null;
        }
        int[] sum = new int[3];
        boolean anySuite = false;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element suite && suite.getTagName().equals("testsuite")) {
                int[] counts = suite(suite);
                for (int i = 0; i < 3; i++) {
                    sum[i] += counts[i];
                }
                anySuite = true;
            }
        }
        return anySuite ? sum : suite(root);
    }

    /** A suite's numbers from its attributes, or from its test cases when the attributes are missing. */
    private static int[] suite(Element suite) {
        if (suite.hasAttribute("tests")) {
            int tests = number(suite, "tests");
            int failed = number(suite, "failures") + number(suite, "errors");
            int skipped = suite.hasAttribute("skipped") ? number(suite, "skipped") : number(suite, "disabled");
            return new int[] { Math.max(0, tests - failed - skipped), failed, skipped };
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (hasChild(testCase, "failure") || hasChild(testCase, "error")) {
                failed++;
            } else if (hasChild(testCase, "skipped")) {
                skipped++;
            } else {
                passed++;
            }
        }
        return new int[] { passed, failed, skipped };
    }

    private static boolean hasChild(Element element, String tag) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static int number(Element element, String attribute) {
        String value = element.getAttribute(attribute).trim();
        try {
            return value.isEmpty() ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * pytest keeps the ids of the tests it collected ({@code nodeids}) and of those that failed
     * ({@code lastfailed}); it records no skips, so {@code skipped} is 0 for this source.
     */
    private void pytest(String relCache) {
        Path lastfailed = ctx.path(relCache + "/lastfailed");
        Path nodeids = ctx.path(relCache + "/nodeids");
        boolean hasFailed = Files.isRegularFile(lastfailed, LinkOption.NOFOLLOW_LINKS);
        boolean hasIds = Files.isRegularFile(nodeids, LinkOption.NOFOLLOW_LINKS);
        if ((!hasFailed && !hasIds) || !ctx.reallyContains(ctx.path(relCache))) {
            return;
        }
        Set<String> collected = new HashSet<>();
        if (hasIds) {
            ParsedFile<JsonNode> ids = Manifests.json(nodeids, ctx.root());
            if (ids.isOk() && ids.value().isArray()) {
                ids.value().forEach(id -> collected.add(id.asText()));
            } else if (ids.warning() != null) {
                warnings.add(ids.warning());
            }
        }
        Set<String> failures = new LinkedHashSet<>();
        if (hasFailed) {
            ParsedFile<JsonNode> failedIds = Manifests.json(lastfailed, ctx.root());
            if (failedIds.isOk() && failedIds.value().isObject()) {
                failedIds.value().fieldNames().forEachRemaining(failures::add);
            } else if (failedIds.warning() != null) {
                warnings.add(failedIds.warning());
            }
        }
        // lastfailed keeps failures of tests a narrower run did not collect; count those still known
        if (!collected.isEmpty()) {
            failures.retainAll(collected);
        }
        int failed = failures.size();
        int passed = Math.max(0, collected.size() - failed);
        double at = Math.max(hasFailed ? mtime(lastfailed) : 0, hasIds ? mtime(nodeids) : 0);
        String cacheDir = relCache.substring(0, relCache.length() - "/v/cache".length());
        tallies.add(new Tally("pytest", cacheDir, (hasFailed ? 1 : 0) + (hasIds ? 1 : 0), passed, failed, 0, at));
    }

    /**
     * The reports of runs started from the dashboard. pytest's JUnit XML and its {@code .pytest_cache} describe
     * the same run: the newer of the two counts (the report knows skips, the cache is newer after a later run
     * from a terminal).
     */
    private void stateReports() {
        String pytestXml = STATE_REPORTS + "/pytest.xml";
        Path xml = ctx.path(pytestXml);
        if (Files.isRegularFile(xml, LinkOption.NOFOLLOW_LINKS) && ctx.reallyContains(xml)) {
            ParsedFile<Document> parsed = Manifests.xml(xml, ctx.root());
            int[] counts = parsed.isOk() ? suiteCounts(parsed.value().getDocumentElement()) : null;
            if (!parsed.isOk()) {
                warnings.add(parsed.warning());
            }
            if (counts != null) {
                double at = mtime(xml);
                Tally cache = tallies.stream().filter(t -> t.source().equals("pytest") && t.path().equals(".pytest_cache"))
                        .findFirst().orElse(null);
                if (cache == null || cache.at() <= at + SAME_RUN_SECONDS) {
                    tallies.remove(cache);
                    tallies.add(new Tally("pytest", pytestXml, 1, counts[0], counts[1], counts[2], at));
                }
            }
        }
        String jestJson = STATE_REPORTS + "/jest.json";
        Path json = ctx.path(jestJson);
        if (Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS) && ctx.reallyContains(json)) {
            ParsedFile<JsonNode> parsed = Manifests.json(json, ctx.root());
            if (parsed.isOk() && parsed.value().has("numTotalTests")) {
                JsonNode r = parsed.value();
                tallies.add(new Tally("jest", jestJson, 1, r.path("numPassedTests").asInt(),
                        r.path("numFailedTests").asInt(),
                        r.path("numPendingTests").asInt() + r.path("numTodoTests").asInt(), mtime(json)));
            } else if (parsed.warning() != null) {
                warnings.add(parsed.warning());
            }
        }
    }

    private LastRun summed() {
        if (tallies.isEmpty()) {
            return new LastRun(false, "", 0, 0, 0, null, List.of());
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        double at = 0;
        Set<String> sources = new LinkedHashSet<>();
        for (String source : SOURCE_ORDER) {
            for (Tally tally : tallies) {
                if (tally.source().equals(source)) {
                    sources.add(source);
                }
            }
        }
        for (Tally tally : tallies) {
            passed += tally.passed();
            failed += tally.failed();
            skipped += tally.skipped();
            at = Math.max(at, tally.at());
        }
        return new LastRun(true, String.join("+", sources), passed, failed, skipped, at, tallies);
    }

    private static double mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000.0;
        } catch (IOException e) {
            return 0;
        }
    }
}
