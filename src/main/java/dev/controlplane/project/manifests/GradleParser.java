package dev.controlplane.project.manifests;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code build.gradle} / {@code build.gradle.kts}: dependencies in string notation
 * ({@code implementation("g:a:v")}, {@code testImplementation 'g:a:v'}) and Groovy map notation
 * ({@code group: 'g', name: 'a', version: 'v'}). A build script is a program, so this is a careful scan rather
 * than a parser: comments are removed first, and {@code $var} / {@code ${var}} versions are resolved from simple
 * assignments in the script and from {@code gradle.properties} beside it or at the project root. Platforms/BOMs
 * ({@code platform(...)}) only manage versions and are not listed; version-catalog references
 * ({@code libs.x}) and {@code project(":m")} have no coordinates to report.
 */
final class GradleParser {
    private static final Set<String> CONFIGURATIONS = Set.of("implementation", "api", "compileonly", "runtimeonly",
            "compile", "runtime", "annotationprocessor", "kapt", "ksp", "developmentonly", "compileonlyapi");
    private static final String CONFIG = "([A-Za-z][A-Za-z0-9]*)";
    private static final Pattern STRING_NOTATION = Pattern.compile(
            "\\b" + CONFIG + "\\s*\\(?\\s*(platform\\s*\\(|enforcedPlatform\\s*\\()?\\s*[\"']([^\"'\\s:]+):([^\"'\\s:]+)(?::([^\"'\\s]*))?[\"']");
    private static final Pattern MAP_NOTATION = Pattern.compile(
            "\\b" + CONFIG + "\\s*\\(?\\s*group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']([^\"']+)[\"']"
                    + "(?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']+)[\"'])?");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?m)(?:^|[{;])\\s*(?:(?:val|var|def|const|ext\\.|set\\()\\s*)*[\"']?([A-Za-z_][A-Za-z0-9_.]*)[\"']?\\s*(?:=|,)\\s*[\"']([^\"'$]+)[\"']");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_.]*)}?");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i)pass|secret|token|key|credential");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    /** {@code //} after whitespace or at line start: leaves {@code https://} inside strings alone. */
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(^|\\s)//.*$");

    private GradleParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        String text = reading.text(file, () -> GradleScript.read(reading.model(), file).text());
        if (text == null) {
            return PackageManager.GRADLE;
        }
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll("$1");
        Map<String, String> variables = variables(file, code, reading);
        Matcher string = STRING_NOTATION.matcher(code);
        while (string.find()) {
            if (string.group(2) == null) { // platform(...) manages versions only
                add(file, string.group(1), string.group(3) + ":" + string.group(4), string.group(5), variables, reading);
            }
        }
        Matcher map = MAP_NOTATION.matcher(code);
        while (map.find()) {
            add(file, map.group(1), map.group(2) + ":" + map.group(3), map.group(4), variables, reading);
        }
        return PackageManager.GRADLE;
    }

    /** {@code implementation}, {@code testImplementation}, {@code androidTestImplementation}, {@code kapt}, ... */
    static boolean isConfiguration(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CONFIGURATIONS.contains(lower)) {
            return true;
        }
        for (String suffix : CONFIGURATIONS) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    private static void add(Path file, String configuration, String coordinates, String version,
            Map<String, String> variables, ManifestReading reading) {
        if (!isConfiguration(configuration)) {
            return; // classpath(...) in buildscript, id("...") in plugins, strings elsewhere
        }
        boolean dev = configuration.toLowerCase(Locale.ROOT).contains("test");
        reading.add(coordinates, version(version, variables), dev, PackageManager.GRADLE, file);
    }

    private static String version(String raw, Map<String, String> variables) {
        if (raw == null) {
            return "";
        }
        String version = raw;
        int classifier = indexOfOutsideBraces(version, ':'); // g:a:v:classifier
        if (classifier >= 0) {
            version = version.substring(0, classifier);
        }
        int extension = version.indexOf('@'); // g:a:v@aar
        if (extension >= 0) {
            version = version.substring(0, extension);
        }
        Matcher m = INTERPOLATION.matcher(version);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null && m.group(1).contains(".")) {
                value = variables.get(m.group(1).substring(m.group(1).lastIndexOf('.') + 1)); // ext.x / rootProject.ext.x
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int indexOfOutsideBraces(String text, char wanted) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> variables(Path file, String code, ManifestReading reading) {
        Map<String, String> variables = new HashMap<>();
        properties(reading.root().resolve("gradle.properties"), variables, reading);
        properties(file.resolveSibling("gradle.properties"), variables, reading);
        Matcher m = ASSIGNMENT.matcher(code);
        while (m.find()) {
            variables.put(m.group(1), m.group(2));
        }
        return variables;
    }

    private static void properties(Path file, Map<String, String> variables, ManifestReading reading) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        reading.consulted(file);
        String text = reading.text(file);
        if (text == null) {
            return;
        }
        for (String line : text.split("\\r?\\n")) {
            String trimmed = line.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0 && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                String key = trimmed.substring(0, eq).trim();
                if (!SECRET_KEY.matcher(key).find()) { // a version never comes from signing.password
                    variables.put(key, trimmed.substring(eq + 1).trim());
                }
            }
        }
    }
}
