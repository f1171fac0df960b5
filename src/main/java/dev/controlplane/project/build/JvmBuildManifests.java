package dev.controlplane.project.build;

import static dev.controlplane.project.build.BuildFiles.join;
import static dev.controlplane.project.build.BuildFiles.parentDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.manifests.GradleScript;
import dev.controlplane.project.manifests.PomFile;
import dev.controlplane.support.ParsedFile;

/**
 * What Maven and Gradle builds declare: dependencies by artifactId, application plugins and main classes as entry
 * points, Maven modules and Gradle subprojects. Gradle scripts are code: read by pattern, never run.
 * One of the readers behind {@link BuildFiles}, which keeps what they find.
 */
final class JvmBuildManifests {
    /** Maven plugins that make a module a runnable application. */
    public static final Set<String> MAVEN_APP_PLUGINS = Set.of("spring-boot-maven-plugin", "quarkus-maven-plugin",
            "exec-maven-plugin", "maven-shade-plugin", "jib-maven-plugin", "micronaut-maven-plugin",
            "javafx-maven-plugin", "appassembler-maven-plugin", "native-maven-plugin");
    /** Gradle plugins that make a project a runnable application. */
    public static final Set<String> GRADLE_APP_PLUGINS = Set.of("application", "org.springframework.boot", "io.quarkus",
            "com.github.johnrengelman.shadow", "com.gradleup.shadow", "io.micronaut.application",
            "com.google.cloud.tools.jib", "org.graalvm.buildtools.native");
    private static final Pattern GRADLE_COORDINATE = Pattern.compile("[\"']([\\w.\\-]+):([\\w.\\-]+)(?::[^\"']*)?[\"']");
    private static final Pattern GRADLE_PLUGIN_ID = Pattern.compile(
            "(?:\\bid\\s*\\(?\\s*|apply\\s+plugin\\s*:\\s*)[\"']([\\w.\\-]+)[\"']");
    private static final Pattern GRADLE_BARE_PLUGIN = Pattern.compile("(?m)^\\s*`?(application)`?\\s*$");
    private static final Pattern GRADLE_MAIN_CLASS = Pattern.compile(
            "mainClass(?:Name)?\\s*(?:\\.set\\s*\\(|=)\\s*[\"']([\\w.$]+)[\"']");
    private static final Pattern GRADLE_INCLUDE = Pattern.compile("(?m)^\\s*include\\s*\\(?(.*)$");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

    private final BuildFiles out;
    private final ProjectAccess ctx;

    JvmBuildManifests(BuildFiles out) {
        this.out = out;
        this.ctx = out.access();
    }

    void maven(Path file, String rel) {
        ParsedFile<PomFile> parsed = PomFile.read(ctx.project(), file, ctx.root());
        if (!parsed.isOk()) {
            out.warning(parsed.warning());
            return;
        }
        PomFile pom = parsed.value();
        for (PomFile.Coordinates dependency : pom.dependencies()) {
            if (!dependency.artifactId().isEmpty()) {
                out.dependency(dependency.artifactId(), rel);
            }
        }
        for (String artifact : pom.plugins()) {
            if (MAVEN_APP_PLUGINS.contains(artifact)) {
                out.entrypoint("build-plugin", artifact, rel);
            }
        }
        for (String mainClass : pom.mainClasses()) {
            out.entrypoint("main-class", mainClass, rel);
        }
        String dir = parentDir(rel);
        for (String name : pom.modules()) {
            out.module(name, join(dir, name), "maven");
        }
    }

    void gradle(Path file, String rel) {
        String text = GradleScript.read(ctx.project(), file).text();
        if (text == null) {
            return;
        }
        Matcher coordinate = GRADLE_COORDINATE.matcher(text);
        while (coordinate.find()) {
            out.dependency(coordinate.group(2), rel);
        }
        Matcher plugin = GRADLE_PLUGIN_ID.matcher(text);
        while (plugin.find()) {
            if (GRADLE_APP_PLUGINS.contains(plugin.group(1))) {
                out.entrypoint("build-plugin", plugin.group(1), rel);
            }
        }
        if (GRADLE_BARE_PLUGIN.matcher(text).find()) {
            out.entrypoint("build-plugin", "application", rel);
        }
        Matcher mainClass = GRADLE_MAIN_CLASS.matcher(text);
        while (mainClass.find()) {
            out.entrypoint("main-class", mainClass.group(1), rel);
        }
    }

    void gradleSettings(Path file, String rel) {
        String text = GradleScript.read(ctx.project(), file).text();
        if (text == null) {
            return;
        }
        String dir = parentDir(rel);
        Matcher include = GRADLE_INCLUDE.matcher(text);
        while (include.find()) {
            Matcher quoted = QUOTED.matcher(include.group(1));
            while (quoted.find()) {
                String project = quoted.group(1).replaceFirst("^:", "");
                out.module(project, join(dir, project.replace(':', '/')), "gradle");
            }
        }
    }
}
