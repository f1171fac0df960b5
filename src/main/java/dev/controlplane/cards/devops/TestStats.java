package dev.controlplane.cards.devops;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardJson;
import dev.controlplane.project.testing.TestInventory.TestFile;
import dev.controlplane.project.testing.TestInventory;

/** The totals of the {@code testing} card over every test file, whatever framework runs it: its {@code stats}. */
record TestStats(int testFiles, int testFunctions, int testClasses, int sourceFiles, int integrationTests) {
    static TestStats of(TestInventory inventory) {
        int functions = 0;
        int classes = 0;
        int integration = 0;
        for (TestFile file : inventory.testFiles()) {
            functions += file.functions();
            classes += file.classes();
            integration += file.integration() ? file.functions() : 0;
        }
        for (TestFile inline : inventory.inlineRustTests()) {
            functions += inline.functions();
        }
        return new TestStats(inventory.testFiles().size(), functions, classes, inventory.sourceFiles(), integration);
    }

    boolean hasTests() {
        return testFunctions > 0 || testFiles > 0;
    }

    /** Test files per source file, two decimals (0 without source files). */
    double testRatio() {
        return sourceFiles == 0 ? 0.0 : Math.round(100.0 * testFiles / sourceFiles) / 100.0;
    }

    ObjectNode json() {
        ObjectNode stats = CardJson.object();
        stats.put("test_files", testFiles);
        stats.put("test_functions", testFunctions);
        stats.put("test_classes", testClasses);
        stats.put("source_files", sourceFiles);
        stats.put("test_ratio", testRatio());
        stats.put("integration_tests", integrationTests);
        return stats;
    }
}
