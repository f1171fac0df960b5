package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.controlplane.cards.CardContext;
import dev.controlplane.project.testing.TestInventory;

/**
 * Build modules by kind, for the {@code testing} card to find run reports in ("" = the root, always included so
 * the spec's root report paths are read): Maven modules (a pom.xml, or a src/test/ with no Gradle script), Gradle
 * modules, and Python project directories (where pytest puts its cache).
 */
record TestModules(Set<String> maven, Set<String> gradle, Set<String> python) {
    static TestModules of(CardContext ctx, TestInventory inventory) {
        Set<String> maven = new TreeSet<>(Set.of(""));
        Set<String> gradle = new TreeSet<>(Set.of(""));
        Set<String> python = new TreeSet<>(Set.of(""));
        inventory.configs("pom.xml").forEach(p -> maven.add(dirOf(ctx, p)));
        inventory.configs("build.gradle").forEach(p -> gradle.add(dirOf(ctx, p)));
        inventory.configs("build.gradle.kts").forEach(p -> gradle.add(dirOf(ctx, p)));
        for (String root : inventory.testRoots()) {
            String module = root.equals("src/test") ? "" : root.substring(0, root.length() - "/src/test".length());
            if (!gradle.contains(module)) {
                maven.add(module);
            }
        }
        for (String kind : List.of("pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg")) {
            inventory.configs(kind).forEach(p -> python.add(dirOf(ctx, p)));
        }
        return new TestModules(maven, gradle, python);
    }

    private static String dirOf(CardContext ctx, Path file) {
        return TestInventory.parentDir(ctx.rel(file));
    }
}
