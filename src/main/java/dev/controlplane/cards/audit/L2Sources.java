package dev.controlplane.cards.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.controlplane.analysis.ModuleLayout;
import dev.controlplane.analysis.SourceFile;
import dev.controlplane.cards.CardContext;
import dev.controlplane.support.ProjectWalker;

/**
 * The one walk an L2 card makes: source files of the analysed languages, build manifests and Markdown files,
 * sorted by path so results never depend on listing order. Kept in one place so the project model (one walk
 * per refresh) can replace it.
 */
final class L2Sources {
    /** Directory names that usually root a source tree: watching them covers every file below. */
    private static final Set<String> ROOT_NAMES = Set.of("src", "lib", "app", "test", "tests", "pkg", "cmd",
            "internal", "source", "packages");

    record Tree(List<SourceFile> sources, List<String> manifests, List<String> markdown, boolean truncated) {
    }

    private L2Sources() {
    }

    static Tree collect(CardContext context) {
        List<Path> found = context.files(context.root(), ProjectWalker.DEFAULT_MAX_FILES, L2Sources::wanted);
        List<SourceFile> sources = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        for (Path path : found) {
            String rel = context.rel(path);
            String name = path.getFileName().toString();
            if (ModuleLayout.MANIFESTS.contains(name)) {
                manifests.add(rel);
            } else if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                markdown.add(rel);
            } else {
                SourceFile.languageOf(name).ifPresent(lang -> sources.add(new SourceFile(path, rel, lang)));
            }
        }
        sources.sort(java.util.Comparator.comparing(SourceFile::rel));
        manifests.sort(null);
        markdown.sort(null);
        return new Tree(sources, manifests, markdown, found.size() >= ProjectWalker.DEFAULT_MAX_FILES);
    }

    private static boolean wanted(Path path) {
        String name = path.getFileName().toString();
        return SourceFile.languageOf(name).isPresent() || ModuleLayout.MANIFESTS.contains(name)
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    }

    /**
     * The source roots to watch: per file, its path up to the first conventional root directory ({@code src/},
     * {@code lib/} …), else its top-level directory; a file at the project root is watched itself. Roots below
     * another root are dropped.
     */
    static List<String> sourceRoots(List<SourceFile> sources) {
        Set<String> roots = new TreeSet<>();
        for (SourceFile file : sources) {
            String[] parts = file.rel().split("/");
            if (parts.length == 1) {
                roots.add(file.rel());
                continue;
            }
            String root = parts[0] + "/";
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                prefix.append(parts[i]).append('/');
                if (ROOT_NAMES.contains(parts[i])) {
                    root = prefix.toString();
                    break;
                }
            }
            roots.add(root);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String root : roots) {
            boolean nested = kept.stream().anyMatch(other -> other.endsWith("/") && root.startsWith(other));
            if (!nested) {
                kept.add(root);
            }
        }
        return List.copyOf(kept);
    }
}
