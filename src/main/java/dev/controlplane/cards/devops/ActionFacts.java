package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.integrations.DockerCard;
import dev.controlplane.project.testing.TestInventory;
import dev.controlplane.project.testing.TestFrameworks;
import dev.controlplane.project.quality.QualityProject;
import dev.controlplane.project.quality.QualityTool;

/**
 * What the cards detected that a user can act on: the test frameworks and build modules (testing card), the
 * configured quality tools (quality card), and what can be validated offline (compose file, Terraform roots,
 * Helm charts). Read with the cards' own detection, so the jobs catalogue never disagrees with what the
 * cards show. Facts only: which command runs them is the catalogue's business.
 */
public final class ActionFacts {

    /** A quality tool the project configures, as the quality card sees it. */
    public record QualityCheck(String id, String name, String category, String stack, String configFile,
            boolean cliAvailable, String installHint) {
    }

    /**
     * @param frameworks    detected test framework ids ({@code pytest}, {@code jest}, {@code junit}, ...)
     * @param frameworkDirs per framework, the directory holding its tests ("." = the root)
     * @param maven         the root builds with Maven (a pom.xml at the root)
     * @param gradle        the root builds with Gradle (a build script at the root)
     * @param mavenModules  module directories with their own pom.xml, below the root
     * @param gradleModules module directories with their own build script, below the root
     */
    public record Facts(List<String> frameworks, java.util.Map<String, String> frameworkDirs, boolean maven,
            boolean gradle, List<String> mavenModules, List<String> gradleModules, List<QualityCheck> quality,
            String composeFile, List<String> terraformRoots, List<String> helmCharts) {
    }

    private ActionFacts() {
    }

    public static Facts read(CardContext ctx) {
        TestInventory inventory = TestInventory.scan(ctx);
        TestFrameworks.Result detected = TestFrameworks.detect(ctx, inventory);
        List<String> frameworks = new ArrayList<>();
        java.util.Map<String, String> dirs = new java.util.LinkedHashMap<>();
        for (TestFrameworks.Framework framework : detected.frameworks()) {
            frameworks.add(framework.name());
            String dir = framework.testDir();
            dirs.put(framework.name(), dir.isEmpty() ? "." : dir);
        }
        Set<String> mavenModules = modules(ctx, inventory.configs("pom.xml"));
        Set<String> gradleModules = modules(ctx, inventory.configs("build.gradle"));
        gradleModules.addAll(modules(ctx, inventory.configs("build.gradle.kts")));
        boolean maven = ctx.isFile("pom.xml");
        boolean gradle = ctx.isFile("build.gradle") || ctx.isFile("build.gradle.kts");

        QualityProject project = QualityProject.read(ctx);
        List<QualityCheck> quality = new ArrayList<>();
        for (QualityCard.Status status : new QualityCard().statuses(ctx, project)) {
            QualityTool tool = status.tool();
            if (status.relevant() && status.configured()) {
                quality.add(new QualityCheck(tool.id(), tool.name(), tool.category(), tool.stack(),
                        status.configFile().orElse(""), status.cliAvailable(), status.missingHint()));
            }
        }
        String compose = DockerCard.COMPOSE_FILES.stream().filter(ctx::isFile).findFirst().orElse(null);
        return new Facts(frameworks, dirs, maven, gradle, List.copyOf(mavenModules), List.copyOf(gradleModules),
                quality, compose, TerraformCard.roots(ctx), K8sCard.chartDirs(ctx));
    }

    /** The directories of these build files below the root (the root's own build file is the whole build). */
    private static Set<String> modules(CardContext ctx, List<Path> buildFiles) {
        Set<String> modules = new TreeSet<>();
        for (Path file : buildFiles) {
            String dir = TestInventory.parentDir(ctx.rel(file));
            if (!dir.isEmpty() && !dir.equals(".")) {
                modules.add(dir);
            }
        }
        return modules;
    }
}
