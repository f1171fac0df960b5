package dev.controlplane.cards.devops;

import java.io.IOException;
import java.nio.file.Path;

import dev.controlplane.cards.CardContext;

/**
 * Whether a path the cards build themselves (a module's report directory, a module's pom.xml) really lies
 * in the project. The walker never follows links, but a path such as {@code core/target/surefire-reports}
 * goes through {@code target} even when it is a link to elsewhere; reading it would leave the project.
 */
final class InsideProject {

    private InsideProject() {
    }

    /** True when {@code path} exists and, with every link resolved, is under the project root. */
    static boolean check(CardContext ctx, Path path) {
        try {
            return path.toRealPath().startsWith(ctx.root().toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
