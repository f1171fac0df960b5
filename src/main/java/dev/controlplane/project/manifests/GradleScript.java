package dev.controlplane.project.manifests;

import java.io.IOException;
import java.nio.file.Path;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.project.files.SourceCommentStripper;
import dev.controlplane.project.files.SourceCommentStripper.Syntax;
import dev.controlplane.support.Manifests;

/**
 * The one reader of a Gradle script ({@code build.gradle(.kts)}, {@code settings.gradle(.kts)}): a program
 * that cannot be evaluated here, so every reader scans its text. The text is read once per file state through
 * the project model, with its comment-free form (Groovy or Kotlin rules) made once beside it, and handed to
 * {@link GradleFacts} (testing, quality), {@link GradleParser} (packages) and audit:structure's build reading.
 *
 * @param text            the script as written; null when missing, over the size cap or unreadable
 * @param withoutComments the script with comments blanked out; "" when there is no text
 */
public record GradleScript(String text, String withoutComments) {

    /** Reads {@code script} (UTF-8, else ISO-8859-1, as {@link Manifests#text} does). */
    public static GradleScript read(Path script) {
        String source = Manifests.text(script);
        if (source == null) {
            return new GradleScript(null, "");
        }
        Syntax syntax = script.getFileName().toString().endsWith(".kts") ? Syntax.KOTLIN : Syntax.GROOVY;
        return new GradleScript(source, SourceCommentStripper.withoutComments(source, syntax));
    }

    /** As {@link #read(Path)}, once per file state for every card sharing {@code model}. */
    public static GradleScript read(ProjectModel model, Path script) {
        try {
            return model.parse(script, "gradle", GradleScript::read);
        } catch (IOException e) {
            return new GradleScript(null, ""); // missing or vanished: no script
        }
    }
}
