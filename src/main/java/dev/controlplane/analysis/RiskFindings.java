package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One prioritised list of risks from the other cards' results (read, never recomputed). A secret finding carries
 * its file, line and rule name, never the matched text. Posture: 10 minus capped deductions (critical 2.0 each,
 * at most 6; high 1.0, at most 4; medium 0.3, at most 2; info 0.1, at most 1), graded A ≥ 9, B ≥ 7, C ≥ 5,
 * D ≥ 3, else F.
 */
public final class RiskFindings {
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "info");

    /** {@code locations} holds {@code {file, line, target}} for link findings and is empty otherwise. */
    public record Finding(String category, String severity, String title, String detail, String source,
            String recommendation, List<String> files, List<MarkdownLinks.Broken> locations) {
    }

    public record Posture(double score, String grade) {
    }

    /** The peers' payloads; a missing peer is an empty object. */
    public record Inputs(JsonNode security, JsonNode docs, JsonNode testing, JsonNode env, JsonNode packages,
            List<MarkdownLinks.Broken> brokenLinks, List<String> modulesWithoutTests) {
    }

    private RiskFindings() {
    }

    public static List<Finding> collect(Inputs in) {
        List<Finding> out = new ArrayList<>();
        secrets(in.security(), out);
        for (JsonNode file : in.security().path("sensitive_files")) {
            if (!file.path("git_ignored").asBoolean(true)) {
                String path = file.path("path").asText();
                out.add(new Finding("sensitive_files", "high", "Sensitive file not ignored by git", path
                        + " may be committed", "security", "Add " + path + " to .gitignore and remove it from the history",
                        List.of(path), List.of()));
            }
        }
        for (JsonNode file : in.security().path("env_files")) {
            if (file.path("committed").asBoolean(false)) {
                String name = file.path("name").asText();
                out.add(new Finding("sensitive_files", "critical", "Environment file committed", name
                        + " is tracked by git", "security", "Remove " + name + " from git and rotate its values",
                        List.of(name), List.of()));
            }
        }
        for (JsonNode manager : in.packages().path("managers")) {
            if (!manager.path("has_lock").asBoolean(true)) {
                List<String> files = texts(manager.path("unlocked_files"));
                out.add(new Finding("dependencies", "medium", manager.path("name").asText() + " manifest without lock file",
                        String.join(", ", files) + " resolve versions at install time", "packages",
                        "Commit a lock file so builds are reproducible", files, List.of()));
            }
        }
        if (!in.docs().path("readme").path("exists").asBoolean(true)) {
            out.add(new Finding("documentation", "medium", "No README", "The project has no README", "docs",
                    "Add a README that says what the project does and how to run it", List.of(), List.of()));
        }
        if (!in.docs().path("license").path("exists").asBoolean(true)) {
            out.add(new Finding("documentation", "info", "No LICENSE", "The project states no licence", "docs",
                    "Add a LICENSE file", List.of(), List.of()));
        }
        if (!in.testing().path("has_tests").asBoolean(true)) {
            out.add(new Finding("testing", "high", "No tests", "No test files were found", "testing",
                    "Add tests for the main code paths", List.of(), List.of()));
        } else if (!in.modulesWithoutTests().isEmpty()) {
            out.add(new Finding("testing", "medium", in.modulesWithoutTests().size() + " modules without tests",
                    String.join(", ", in.modulesWithoutTests()) + " have sources but no tests", "testing",
                    "Add tests to every module with code", in.modulesWithoutTests(), List.of()));
        }
        List<String> missingInExample = texts(in.env().path("missing_in_example"));
        if (!missingInExample.isEmpty()) {
            out.add(new Finding("env", "medium", missingInExample.size() + " keys missing from .env.example",
                    String.join(", ", missingInExample), "env", "Document every key of .env in .env.example (names only)",
                    List.of(".env.example"), List.of()));
        }
        List<String> missingInEnv = texts(in.env().path("missing_in_env"));
        if (!missingInEnv.isEmpty()) {
            out.add(new Finding("env", "info", missingInEnv.size() + " keys of .env.example not set in .env",
                    String.join(", ", missingInEnv), "env", "Set them in .env or drop them from .env.example",
                    List.of(".env"), List.of()));
        }
        for (MarkdownLinks.Broken link : in.brokenLinks()) {
            out.add(new Finding("links", "medium", "Broken relative link", link.file() + " line " + link.line() + ": "
                    + link.target(), "audit:l2:risks", "Fix the link or restore the file it points to",
                    List.of(link.file()), List.of(link)));
        }
        out.sort(Comparator.comparingInt((Finding f) -> SEVERITIES.indexOf(f.severity())));
        return out;
    }

    private static void secrets(JsonNode security, List<Finding> out) {
        Map<String, Set<String>> filesByRule = new LinkedHashMap<>();
        Map<String, String> severityByRule = new LinkedHashMap<>();
        Map<String, List<String>> placesByRule = new LinkedHashMap<>();
        for (JsonNode finding : security.path("findings")) {
            String rule = finding.path("pattern").asText("secret");
            filesByRule.computeIfAbsent(rule, k -> new LinkedHashSet<>()).add(finding.path("file").asText());
            severityByRule.merge(rule, severity(finding.path("severity").asText()),
                    (a, b) -> SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b);
            List<String> places = placesByRule.computeIfAbsent(rule, k -> new ArrayList<>());
            if (places.size() < 5) {
                places.add(finding.path("file").asText() + ":" + finding.path("line").asInt());
            }
        }
        filesByRule.forEach((rule, files) -> out.add(new Finding("secrets", severityByRule.get(rule),
                "Possible " + rule + " in " + files.size() + (files.size() == 1 ? " file" : " files"),
                String.join(", ", placesByRule.get(rule)), "security",
                "Move the value to the environment or a secret store, rotate it, and purge it from the history",
                List.copyOf(files), List.of())));
    }

    private static String severity(String security) {
        return switch (security) {
            case "critical" -> "critical";
            case "high" -> "high";
            case "medium" -> "medium";
            default -> "info";
        };
    }

    public static Posture posture(List<Finding> findings) {
        double[] per = {2.0, 1.0, 0.3, 0.1};
        double[] cap = {6, 4, 2, 1};
        double deduction = 0;
        for (int i = 0; i < SEVERITIES.size(); i++) {
            String severity = SEVERITIES.get(i);
            long n = findings.stream().filter(f -> f.severity().equals(severity)).count();
            deduction += Math.min(cap[i], n * per[i]);
        }
        double score = Math.round(Math.max(0, 10 - deduction) * 10) / 10.0;
        String grade = score >= 9 ? "A" : score >= 7 ? "B" : score >= 5 ? "C" : score >= 3 ? "D" : "F";
        return new Posture(score, grade);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
