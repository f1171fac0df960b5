package dev.controlplane.project.manifests;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a PEP 508 requirement the cards need: {@code name[extras] (specifier) ; marker} or
 * {@code name[extras] @ url ; marker} reduced to the name and the version constraint. Extras and environment
 * markers are dropped: they say when a package is installed, not which one.
 */
final class Pep508 {
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*\\])?\\s*(.*)$", Pattern.DOTALL);

    record Requirement(String name, String version) {
    }

    private Pep508() {
    }

    static Optional<Requirement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REQUIREMENT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2).trim();
        if (rest.startsWith("@")) {
            // Direct reference: the marker needs whitespace before ';' because a URL may contain one.
            String url = rest.substring(1).trim();
            int marker = url.indexOf(" ;");
            return Optional.of(new Requirement(m.group(1), (marker < 0 ? url : url.substring(0, marker)).trim()));
        }
        int marker = rest.indexOf(';');
        String specifier = (marker < 0 ? rest : rest.substring(0, marker)).trim();
        if (specifier.startsWith("(") && specifier.endsWith(")")) {
            specifier = specifier.substring(1, specifier.length() - 1);
        }
        specifier = specifier.replaceAll("\\s+", "");
        if (!specifier.isEmpty() && !specifier.matches("^[<>=!~].*")) {
            return Optional.empty(); // "name garbage": not a requirement
        }
        return Optional.of(new Requirement(m.group(1), specifier));
    }
}
