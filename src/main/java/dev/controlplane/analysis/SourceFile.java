package dev.controlplane.analysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One source file of a recognised language (the Audit L2 set: Java, Kotlin, Python, JavaScript, TypeScript, Go).
 *
 * @param path     the file on disk
 * @param rel      project-relative, forward slashes
 * @param language {@code java}, {@code kotlin}, {@code python}, {@code javascript}, {@code typescript}, {@code go}
 */
public record SourceFile(Path path, String rel, String language) {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("java", "java"),
            Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"), Map.entry("py", "python"),
            Map.entry("js", "javascript"), Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"),
            Map.entry("jsx", "javascript"), Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"),
            Map.entry("go", "go"));

    /** The language of a file name, if it is one the analysis reads. */
    public static Optional<String> languageOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    public static boolean isSource(Path path) {
        Path name = path.getFileName();
        return name != null && languageOf(name.toString()).isPresent();
    }

    /** The directory part of {@link #rel} ({@code ""} at the root). */
    public String dir() {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }
}
