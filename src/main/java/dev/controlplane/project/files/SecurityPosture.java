package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.project.files.SecretRule;

/**
 * The security posture: five weighted checks (weights sum to 100), a 0–100 score and a grade.
 *
 * <p>Partial scores, so a project sees progress before everything passes:
 * <ul>
 * <li>{@code secrets} (30): 1 − (1 per critical + 0.5 per high + 0.25 per medium finding), floored at 0.
 * <li>{@code sensitive_files} (15): the share of key/certificate files that are git-ignored.
 * <li>{@code gitignore} (20): 0 without a {@code .gitignore}; else 0.5 + 0.5 × the share of the detected stacks'
 * usual entries it covers.
 * <li>{@code env_files} (20): the share of value-holding {@code .env} files at the root that are git-ignored and
 * not committed (none = 1).
 * <li>{@code lock_files} (15): the share of detected ecosystems that use lock files and have one (none = 1).
 * </ul>
 */
public final class SecurityPosture {

    /** A stack detected by its root files, what its .gitignore should hold and which files lock it. */
    public record Stack(String id, List<String> markers, List<String> ignoreEntries, List<String> lockFiles) {
    }

    /** Maven and Gradle have no lock-file convention, so they add .gitignore entries but no lock expectation. */
    public static final List<Stack> STACKS = List.of(
            new Stack("maven", List.of("pom.xml"), List.of("target/"), List.of()),
            new Stack("gradle", List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"),
                    List.of("build/", ".gradle/"), List.of()),
            new Stack("node", List.of("package.json"), List.of("node_modules/"),
                    List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
                            "bun.lockb")),
            new Stack("python", List.of("pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "Pipfile"),
                    List.of("__pycache__/", ".venv/"),
                    List.of("poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock", "requirements.txt",
                            "requirements.lock")),
            new Stack("go", List.of("go.mod"), List.of(), List.of("go.sum")),
            new Stack("rust", List.of("Cargo.toml"), List.of("target/"), List.of("Cargo.lock")),
            new Stack("ruby", List.of("Gemfile"), List.of(), List.of("Gemfile.lock")),
            new Stack("php", List.of("composer.json"), List.of("vendor/"), List.of("composer.lock")),
            new Stack("terraform", List.of("*.tf"), List.of(".terraform/"), List.of(".terraform.lock.hcl")));

    public record Check(String name, String label, boolean passed, double score, int weight, String details) {
        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", name);
            node.put("label", label);
            node.put("passed", passed);
            node.put("score", score);
            node.put("weight", weight);
            node.put("details", details);
            return node;
        }
    }

    private final List<Check> checks = new ArrayList<>();

    public List<Check> checks() {
        return checks;
    }

    public void secrets(int findingCount, Map<String, Integer> bySeverity, int filesScanned) {
        if (findingCount == 0) {
            add("secrets", "No secrets in source", true, 1, 30, "no secrets found in " + filesScanned + " files");
            return;
        }
        int critical = bySeverity.getOrDefault(SecretRule.CRITICAL, 0);
        int high = bySeverity.getOrDefault(SecretRule.HIGH, 0);
        int medium = bySeverity.getOrDefault(SecretRule.MEDIUM, 0);
        double score = Math.max(0, 1 - critical - 0.5 * high - 0.25 * medium);
        add("secrets", "No secrets in source", false, score, 30, (findingCount + (findingCount == 1 ? " finding" : " findings"))
                + ": " + critical + " critical, " + high + " high, " + medium + " medium");
    }

    public void sensitiveFiles(List<String> files, Predicate<String> exposed) {
        List<String> offenders = files.stream().filter(exposed).toList();
        double score = files.isEmpty() ? 1 : (files.size() - offenders.size()) / (double) files.size();
        String details = files.isEmpty() ? "no key or certificate files"
                : offenders.isEmpty() ? "all " + files.size() + " key/certificate files are git-ignored"
                        : offenders.size() + " of " + files.size() + " not git-ignored: " + listed(offenders);
        add("sensitive_files", "Key files git-ignored", offenders.isEmpty(), score, 15, details);
    }

    public void gitignore(boolean present, List<String> expected, List<String> missing) {
        if (!present) {
            add("gitignore", ".gitignore covers the stack", false, 0, 20, "no .gitignore");
            return;
        }
        double coverage = expected.isEmpty() ? 1 : (expected.size() - missing.size()) / (double) expected.size();
        String details = expected.isEmpty() ? ".gitignore present"
                : missing.isEmpty() ? ".gitignore covers " + String.join(", ", expected)
                        : ".gitignore lacks " + String.join(", ", missing);
        add("gitignore", ".gitignore covers the stack", missing.isEmpty(), 0.5 + 0.5 * coverage, 20, details);
    }

    public void envFiles(List<String> files, List<String> committed, List<String> notIgnored) {
        List<String> unsafe = new ArrayList<>(committed);
        notIgnored.stream().filter(f -> !unsafe.contains(f)).forEach(unsafe::add);
        double score = files.isEmpty() ? 1 : (files.size() - unsafe.size()) / (double) files.size();
        String details;
        if (files.isEmpty()) {
            details = "no .env file";
        } else if (unsafe.isEmpty()) {
            details = String.join(", ", files) + " git-ignored";
        } else {
            List<String> parts = new ArrayList<>();
            if (!committed.isEmpty()) {
                parts.add("committed: " + listed(committed));
            }
            List<String> onlyNotIgnored = notIgnored.stream().filter(f -> !committed.contains(f)).toList();
            if (!onlyNotIgnored.isEmpty()) {
                parts.add("not git-ignored: " + listed(onlyNotIgnored));
            }
            details = String.join("; ", parts);
        }
        add("env_files", ".env kept out of git", unsafe.isEmpty(), score, 20, details);
    }

    public void lockFiles(List<String> needing, List<String> locked) {
        List<String> missing = needing.stream().filter(s -> !locked.contains(s)).toList();
        double score = needing.isEmpty() ? 1 : (needing.size() - missing.size()) / (double) needing.size();
        String details = needing.isEmpty() ? "no ecosystem that uses lock files"
                : missing.isEmpty() ? "locked: " + String.join(", ", needing)
                        : "no lock file for " + String.join(", ", missing);
        add("lock_files", "Dependency lock files", missing.isEmpty(), score, 15, details);
    }

    private void add(String name, String label, boolean passed, double score, int weight, String details) {
        checks.add(new Check(name, label, passed, Math.round(score * 100) / 100.0, weight, details));
    }

    /** Σ score × weight, rounded: 0–100. */
    public int score() {
        double total = 0;
        for (Check check : checks) {
            total += check.score() * check.weight();
        }
        return (int) Math.round(total);
    }

    public static String grade(int score) {
        if (score >= 90) {
            return "A";
        }
        if (score >= 75) {
            return "B";
        }
        if (score >= 60) {
            return "C";
        }
        return score >= 40 ? "D" : "F";
    }

    public ObjectNode toJson() {
        int score = score();
        ObjectNode posture = JsonNodeFactory.instance.objectNode();
        posture.put("score", score);
        posture.put("grade", grade(score));
        ArrayNode list = posture.putArray("checks");
        checks.forEach(check -> list.add(check.toJson()));
        return posture;
    }

    private static String listed(List<String> paths) {
        int shown = Math.min(5, paths.size());
        String text = String.join(", ", paths.subList(0, shown));
        return paths.size() > shown ? text + " (+" + (paths.size() - shown) + " more)" : text;
    }
}
