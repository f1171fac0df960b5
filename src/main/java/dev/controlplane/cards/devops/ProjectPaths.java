package dev.controlplane.cards.devops;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.controlplane.cards.CardContext;

/** Checks for paths that come from the project's own files (module sources, kustomize references). */
final class ProjectPaths {
    private ProjectPaths() {
    }

    /** Whether {@code path} stays inside the project: a reference like {@code ../../elsewhere} must not leak out. */
    static boolean inside(CardContext ctx, Path path) {
        Path root = ctx.root().toAbsolutePath().normalize();
        return path.toAbsolutePath().normalize().startsWith(root);
    }

    /** A directory inside the project, not a link (walks never follow links out of the project). */
    static boolean isProjectDirectory(CardContext ctx, Path path) {
        return inside(ctx, path) && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** A regular file inside the project, not a link. */
    static boolean isProjectFile(CardContext ctx, Path path) {
        return inside(ctx, path) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }
}
