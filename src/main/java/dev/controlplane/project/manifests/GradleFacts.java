package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.project.ProjectModel;

/**
 * A Gradle build script read as text (Groovy or Kotlin DSL cannot be evaluated here): which plugins it
 * applies and what it mentions, with comments removed so a commented-out plugin does not count.
 */
public final class GradleFacts {
    private static final Pattern INCLUDE = Pattern.compile("\\binclude\\b([^\\n]*)");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"'\\s]+)[\"']");

    private final String text;

    private GradleFacts(String text) {
        this.text = text;
    }

    /** The script's facts, or none when it is missing or unreadable. */
    public static GradleFacts read(Path script) {
        return new GradleFacts(GradleScript.read(script).withoutComments());
    }

    /** As {@link #read(Path)}, from the model's one reading of the script ({@link GradleScript}). */
    public static GradleFacts read(ProjectModel model, Path script) {
        return new GradleFacts(GradleScript.read(model, script).withoutComments());
    }

    /**
     * True when the script applies plugin {@code id}: {@code id 'x'}, {@code id("x")}, {@code apply plugin: 'x'},
     * or (Kotlin DSL core plugins) a bare {@code x} line inside {@code plugins { }}.
     */
    public boolean appliesPlugin(String id) {
        String quoted = "[\"']" + Pattern.quote(id) + "[\"']";
        return Pattern.compile("\\bid\\s*\\(?\\s*" + quoted).matcher(text).find()
                || Pattern.compile("\\bplugin\\s*[:=]\\s*" + quoted).matcher(text).find()
                || Pattern.compile("^\\s*`?" + Pattern.quote(id) + "`?\\s*$", Pattern.MULTILINE).matcher(text).find();
    }

    /** Case-insensitive: does the script mention {@code word} outside comments? */
    public boolean mentions(String word) {
        return text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    /** Project directories named by {@code include} in a settings script ({@code ':a:b'} is {@code a/b}). */
    public static List<String> includedProjects(Path settings) {
        return includedProjects(read(settings));
    }

    /** As {@link #includedProjects(Path)}, from the model's one reading of the script. */
    public static List<String> includedProjects(ProjectModel model, Path settings) {
        return includedProjects(read(model, settings));
    }

    private static List<String> includedProjects(GradleFacts facts) {
        List<String> dirs = new ArrayList<>();
        Matcher include = INCLUDE.matcher(facts.text);
        while (include.find()) {
            Matcher name = QUOTED.matcher(include.group(1));
            while (name.find()) {
                String dir = name.group(1).replace(':', '/');
                while (dir.startsWith("/")) {
                    dir = dir.substring(1);
                }
                if (!dir.isEmpty() && !dir.contains("..")) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }
}
