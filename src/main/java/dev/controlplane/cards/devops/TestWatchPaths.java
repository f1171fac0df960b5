package dev.controlplane.cards.devops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.controlplane.cards.CardContext;
import dev.controlplane.project.testing.TestInventory.TestFile;
import dev.controlplane.project.testing.TestInventory;
import dev.controlplane.project.testing.TestRunReports;

/**
 * The watch paths the {@code testing} card discovers while computing, on top of its declared ones: nested and
 * multi-module layouts must go stale like flat ones. Capped, shallow paths first.
 */
final class TestWatchPaths {
    /** Discovered test directories watched at most (a bigger tree is still covered by its top directories). */
    static final int MAX_WATCHED_TEST_DIRS = 100;
    /** Discovered module report directories and configuration files watched at most. */
    static final int MAX_WATCHED_MODULE_PATHS = 100;

    private TestWatchPaths() {
    }

    /**
     * Adds the watch paths this computation discovered, so nested and multi-module layouts go stale like flat
     * ones: every module's src/test/ and every directory holding test files (skipping those a watched
     * ancestor already covers), root-level test files one by one, and each module's report directories and
     * configuration files.
     */
    static void add(CardContext ctx, TestInventory inventory, TestModules modules) {
        Set<String> watchedDirs = new HashSet<>();
        Set<String> staticFiles = new HashSet<>();
        for (String path : TestingCard.WATCH_PATHS) {
            if (path.endsWith("/")) {
                watchedDirs.add(path.substring(0, path.length() - 1));
            } else {
                staticFiles.add(path);
            }
        }
        Set<String> testDirs = new TreeSet<>(inventory.testRoots());
        List<String> rootTestFiles = new ArrayList<>();
        for (TestFile file : inventory.testFiles()) {
            if (file.dir().isEmpty()) {
                rootTestFiles.add(file.path());
            } else {
                testDirs.add(file.dir());
            }
        }
        inventory.inlineRustTests().forEach(file -> {
            if (!file.dir().isEmpty()) {
                testDirs.add(file.dir());
            }
        });
        int added = 0;
        for (String dir : byDepth(testDirs)) {
            if (added >= MAX_WATCHED_TEST_DIRS) {
                break;
            }
            if (!covered(dir, watchedDirs)) {
                ctx.watch(dir + "/");
                watchedDirs.add(dir);
                added++;
            }
        }
        for (String file : rootTestFiles) {
            if (added++ >= MAX_WATCHED_TEST_DIRS) {
                break;
            }
            ctx.watch(file);
        }

        Set<String> modulePaths = new TreeSet<>();
        modules.maven().stream().filter(m -> !m.isEmpty()).forEach(m -> {
            modulePaths.add(TestRunReports.join(m, "target/surefire-reports/"));
            modulePaths.add(TestRunReports.join(m, "target/failsafe-reports/"));
        });
        modules.gradle().stream().filter(m -> !m.isEmpty())
                .forEach(m -> modulePaths.add(TestRunReports.join(m, "build/test-results/")));
        modules.python().stream().filter(m -> !m.isEmpty())
                .forEach(m -> modulePaths.add(TestRunReports.join(m, ".pytest_cache/")));
        inventory.configPaths().stream().filter(p -> !staticFiles.contains(p)).forEach(modulePaths::add);
        int others = 0;
        for (String path : byDepth(modulePaths)) {
            if (others >= MAX_WATCHED_MODULE_PATHS) {
                break;
            }
            String dir = path.endsWith("/") ? path.substring(0, path.length() - 1) : TestInventory.parentDir(path);
            if (!covered(dir, watchedDirs)) {
                ctx.watch(path);
                others++;
            }
        }
    }

    /** Shallow paths first, so the cap keeps the directories that cover the most. */
    private static List<String> byDepth(Set<String> paths) {
        return paths.stream()
                .sorted(Comparator.comparingLong((String p) -> p.chars().filter(c -> c == '/').count())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** True when {@code dir} or one of its ancestors is watched ("" = the root, never watched as a whole). */
    private static boolean covered(String dir, Set<String> watchedDirs) {
        String current = dir;
        while (!current.isEmpty()) {
            if (watchedDirs.contains(current)) {
                return true;
            }
            current = TestInventory.parentDir(current);
        }
        return false;
    }
}
