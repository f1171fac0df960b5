package dev.controlplane.cards.audit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The solution flags of {@code audit:structure} ({@code has_cli}, {@code has_web}, ...): flag name → evidence, in the
 * order the flags are reported. A flag is true when it has at least one piece of evidence.
 */
final class StructureFlags {
    /** Evidence kept per flag: enough to show why, not every file. */
    static final int MAX_EVIDENCE = 5;

    final Map<String, Set<String>> evidence = new LinkedHashMap<>();

    StructureFlags() {
        for (String flag : List.of("has_cli", "has_web", "has_api", "has_docs", "has_tests", "has_iac", "has_ci",
                "has_docker")) {
            evidence.put(flag, new LinkedHashSet<>());
        }
    }

    void add(String flag, String reason) {
        Set<String> reasons = evidence.get(flag);
        if (reasons.size() < MAX_EVIDENCE) {
            reasons.add(reason);
        }
    }

    void addAll(String flag, List<String> paths) {
        paths.forEach(path -> add(flag, path));
    }

    boolean is(String flag) {
        return !evidence.get(flag).isEmpty();
    }
}
