package dev.controlplane.cards.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.controlplane.project.build.BuildFiles.Module;
import dev.controlplane.project.build.SourceTree;

/**
 * {@code solution_type} of {@code audit:structure}: {@code [multi-component ]<primary language> <kind>}, or what a
 * project without source code is (see the card's description of the rules).
 */
final class SolutionType {

    private SolutionType() {
    }

    static String of(SourceTree tree, StructureFlags flags, boolean webUi, List<Module> modules, boolean runnable) {
        if (tree.files() == 0) {
            return "empty project";
        }
        String primary = primaryLanguage(tree.languages());
        if (primary == null) {
            if (flags.is("has_iac")) {
                return "infrastructure";
            }
            if (flags.is("has_docs")) {
                return "documentation";
            }
            return tree.languages().containsKey("html") ? "static site" : "project";
        }
        String kind;
        if (webUi) {
            kind = "web app";
        } else if (flags.is("has_api")) {
            kind = "api service";
        } else if (flags.is("has_web")) {
            kind = "web app";
        } else if (flags.is("has_cli")) {
            kind = "cli";
        } else {
            kind = runnable ? "app" : "library";
        }
        boolean multi = modules.size() >= 2 || componentDirectories(tree) >= 2;
        return (multi ? "multi-component " : "") + primary + " " + kind;
    }

    /** The language with the most files, leaving out markup, styles, SQL, shell and HCL. */
    static String primaryLanguage(Map<String, Integer> languages) {
        return languages.entrySet().stream().filter(e -> !SourceTree.NOT_PRIMARY.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> switch (e.getKey()) {
                    case "vue", "svelte" -> "javascript";  // single-file components of a JS front end
                    default -> e.getKey();
                })
                .findFirst().orElse(null);
    }

    private static long componentDirectories(SourceTree tree) {
        return tree.manifests().stream()
                .filter(p -> SourceTree.COMPONENT_MANIFESTS.contains(p.getFileName().toString()))
                .map(Path::getParent).distinct().count();
    }
}
