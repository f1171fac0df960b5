package dev.controlplane.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.devops.ActionFacts;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;
import dev.controlplane.support.ProjectDirectory;

/**
 * What the dashboard can run in this project, built on the server from what the cards detect (never from a
 * request). Built on first use and again after one of the cards it is built from changed (the bus says so)
 * or after a minute (a tool installed meanwhile).
 */
@ApplicationScoped
public class ActionCatalogue {
    private static final Set<String> SOURCES = Set.of("testing", "quality", "docker", "terraform", "k8s");
    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private final ProjectDirectory project;
    private volatile Map<String, Action> actions;
    private volatile long builtAt;

    public ActionCatalogue(ProjectDirectory project) {
        this.project = project;
    }

    public List<Action> all() {
        return List.copyOf(current().values());
    }

    public Optional<Action> find(String id) {
        return Optional.ofNullable(current().get(id));
    }

    /** A change of a source card (files changed, recomputed, busted) makes the catalogue rebuild on next use. */
    void onEvent(@Observes BusEvent event) {
        String type = event.type();
        if ((type.equals(EventTypes.STATE_STALE) || type.equals(EventTypes.CACHE_DONE)) && SOURCES.contains(event.key())
                || type.equals(EventTypes.CACHE_BUST)) {
            actions = null;
        }
    }

    private Map<String, Action> current() {
        Map<String, Action> built = actions;
        if (built != null && System.nanoTime() - builtAt < MAX_AGE_NANOS) {
            return built;
        }
        synchronized (this) {
            if (actions == null || System.nanoTime() - builtAt >= MAX_AGE_NANOS) {
                actions = build();
                builtAt = System.nanoTime();
            }
            return actions;
        }
    }

    private Map<String, Action> build() {
        if (!project.exists()) {
            return Map.of();
        }
        ActionFacts.Facts facts = ActionFacts.read(CardContext.standalone(project.root()));
        CommandLines lines = new CommandLines(project.root());
        Map<String, Action> built = new LinkedHashMap<>();
        tests(facts, lines, built);
        for (ActionFacts.QualityCheck tool : facts.quality()) {
            lines.quality(tool, facts.maven() || !facts.gradle()).ifPresent(line -> add(built, "quality:" + tool.id(),
                    "Check with " + tool.name(), "quality", line, "."));
        }
        if (facts.composeFile() != null) {
            add(built, "validate:compose", "Validate " + facts.composeFile(), "docker",
                    lines.composeConfig(facts.composeFile()), ".");
        }
        if (!facts.terraformRoots().isEmpty()) {
            add(built, "validate:terraform", "Check Terraform formatting", "terraform", lines.terraformFmt(), ".");
        }
        if (!facts.helmCharts().isEmpty()) {
            add(built, "validate:helm", "Lint Helm charts", "k8s", lines.helmLint(facts.helmCharts()), ".");
        }
        return built;
    }

    /**
     * {@code testing:run} runs the whole build (Maven or Gradle when the project has JUnit tests and a root
     * build, else the first framework); other frameworks get {@code testing:run:<framework>} and modules of a
     * multi-module build {@code testing:run:<module>}.
     */
    private static void tests(ActionFacts.Facts facts, CommandLines lines, Map<String, Action> built) {
        List<String> frameworks = new ArrayList<>(facts.frameworks());
        boolean junit = frameworks.remove("junit");
        if (junit && facts.maven()) {
            add(built, "testing:run", "Run all tests (Maven)", "testing", lines.maven("test"), ".");
            for (String module : facts.mavenModules()) {
                add(built, "testing:run:" + module, "Run tests of " + module, "testing",
                        lines.maven("-pl", module, "-am", "-Dsurefire.failIfNoSpecifiedTests=false", "test"), ".");
            }
        } else if (junit && facts.gradle()) {
            add(built, "testing:run", "Run all tests (Gradle)", "testing", lines.gradle("test"), ".");
            for (String module : facts.gradleModules()) {
                add(built, "testing:run:" + module, "Run tests of " + module, "testing",
                        lines.gradle(":" + module.replace('/', ':') + ":test"), ".");
            }
        }
        for (String framework : frameworks) {
            String id = built.containsKey("testing:run") ? "testing:run:" + framework : "testing:run";
            add(built, id, "Run " + framework + " tests", "testing", lines.framework(framework), ".");
        }
    }

    private static void add(Map<String, Action> built, String id, String label, String card, CommandLines.Line line,
            String dir) {
        if (!built.containsKey(id)) {
            built.put(id, new Action(id, label, card, line.argv(), dir, line.missing().isEmpty(), line.missing()));
        }
    }
}
