package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements files ({@code requirements*.txt}, {@code requirements/*.txt}) in pip's line format: comments,
 * {@code \} continuations, per-line options such as {@code --hash}, extras and markers, editable VCS installs
 * with {@code #egg=}, and {@code -r} includes. An include that the walk found as a manifest of its own is read
 * there (once); any other included file is read once, with the including file's dev flag.
 */
final class RequirementsParser {
    /** File-name words that mark development-only requirements ({@code requirements-dev.txt}, {@code test.txt}). */
    private static final Set<String> DEV_WORDS = Set.of("dev", "develop", "development", "test", "tests", "testing",
            "lint", "docs", "doc", "ci", "typing", "qa", "style");
    private static final Pattern INCLUDE = Pattern.compile("^(?:-r|--requirement)(?:\\s*=\\s*|\\s+|(?=\\S))(\\S+)$");
    private static final Pattern EDITABLE = Pattern.compile("^(?:-e|--editable)(?:\\s*=\\s*|\\s+)(\\S+)$");
    private static final Pattern EGG = Pattern.compile("#(?:.*&)?egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final int MAX_INCLUDE_DEPTH = 5;

    private RequirementsParser() {
    }

    static boolean isRequirementsFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".txt")) {
            return false;
        }
        Path parent = file.getParent();
        return name.startsWith("requirements")
                || (parent != null && parent.getFileName() != null
                        && parent.getFileName().toString().equals("requirements"));
    }

    static boolean isDevFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String word : name.replaceAll("\\.txt$", "").split("[-_.]+")) {
            if (DEV_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        reading.firstVisit(file);
        read(file, isDevFile(file), reading, 0);
        return PackageManager.PIP;
    }

    private static void read(Path file, boolean dev, ManifestReading reading, int depth) {
        String text = reading.text(file);
        if (text == null) {
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            // A trailing backslash continues the logical line (pip joins them before anything else).
            StringBuilder logical = new StringBuilder(lines[i]);
            while (endsWithBackslash(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines[++i]);
            }
            String clean = stripComment(logical.toString()).trim();
            if (clean.isEmpty()) {
                continue;
            }
            Matcher include = INCLUDE.matcher(clean);
            if (include.matches()) {
                include(file, include.group(1), dev, reading, depth);
            } else if (clean.startsWith("-e") || clean.startsWith("--editable")) {
                editable(file, clean, dev, reading);
            } else if (!clean.startsWith("-") && !looksLikeLocation(clean)) {
                requirement(file, lineNumber, clean, dev, reading);
            }
            // other options (-c constraints, -i/--index-url, --pre, -f ...) declare nothing
        }
    }

    /** pip treats '#' as a comment at the start or after whitespace ({@code #egg=} in a URL is not one). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** A bare archive URL or local path (no name to report; {@code name @ url} is a requirement). */
    private static boolean looksLikeLocation(String line) {
        return line.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || line.startsWith(".") || line.startsWith("/")
                || line.startsWith("~");
    }

    private static boolean endsWithBackslash(CharSequence line) {
        return line.length() > 0 && line.charAt(line.length() - 1) == '\\';
    }

    private static void requirement(Path file, int lineNumber, String line, boolean dev, ManifestReading reading) {
        // Per-requirement options (--hash=..., --config-settings ...) follow the requirement itself.
        int option = line.indexOf(" --");
        String spec = option < 0 ? line : line.substring(0, option);
        Pep508.parse(spec).ifPresentOrElse(
                r -> reading.add(r.name(), r.version(), dev, PackageManager.PIP, file),
                // the line number, not the text: a malformed line may hold anything, even a token
                () -> reading.warn(file, "line " + lineNumber + " is not a requirement"));
    }

    private static void editable(Path file, String line, boolean dev, ManifestReading reading) {
        Matcher editable = EDITABLE.matcher(line);
        if (!editable.matches()) {
            return;
        }
        String target = editable.group(1);
        Matcher egg = EGG.matcher(target);
        if (egg.find()) {
            int fragment = target.indexOf('#');
            reading.add(egg.group(1), target.substring(0, fragment), dev, PackageManager.PIP, file);
        }
        // "-e ." installs the project itself: not a dependency
    }

    private static void include(Path file, String target, boolean dev, ManifestReading reading, int depth) {
        Path included = reading.inside(file.resolveSibling(target));
        if (included == null) {
            reading.warn(file, "-r " + target + " not found in the project");
            return;
        }
        if (reading.isDiscovered(included) || !reading.firstVisit(included)) {
            return; // read on its own, or already read through another include (cycles end here too)
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            reading.warn(file, "-r " + target + " nested too deeply, not read");
            return;
        }
        reading.included(included, PackageManager.PIP);
        read(included, dev, reading, depth + 1);
    }
}
