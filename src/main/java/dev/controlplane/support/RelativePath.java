package dev.controlplane.support;

import java.io.File;
import java.nio.file.Path;

/**
 * A path relative to the project root as a string with forward slashes, as
 * {@code root.relativize(file).toString().replace('\\', '/')} gives it, without building the intermediate
 * path: on a 50,000-file tree that relativize (one name object per component, then a new path) was a fifth of
 * all the bytes a first refresh allocated, since every card, the fingerprint scanner and the watcher name each
 * file this way. A path's string is cached by the JDK, so the common case is one substring.
 */
public final class RelativePath {
    private static final boolean SLASHES = File.separatorChar == '/';

    private RelativePath() {
    }

    /**
     * {@code file} relative to {@code root}; falls back to {@link Path#relativize} wherever the fast path could
     * differ from it (other separators, "." or ".." names, a file outside the root, mixed absolute and
     * relative). Throws as {@code relativize} does when the two cannot be related.
     */
    public static String of(Path root, Path file) {
        if (SLASHES && root.isAbsolute() == file.isAbsolute()) {
            String base = root.toString();
            String full = file.toString();
            if (full.equals(base) && plain(base, 0)) {
                return "";
            }
            // "/" (or a root that ends with a slash) is followed directly by the first name.
            int from = base.endsWith("/") ? base.length() : base.length() + 1;
            if (!base.isEmpty() && full.length() > from && full.startsWith(base)
                    && (base.endsWith("/") || full.charAt(base.length()) == '/')
                    && plain(base, 0) && plain(full, from)) {
                return full.substring(from);
            }
        }
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** True when no name of {@code path} from {@code from} on is "." or ".." (relativize treats those specially). */
    private static boolean plain(String path, int from) {
        int start = from;
        int length = path.length();
        while (start <= length) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            int size = end - start;
            if (size == 1 && path.charAt(start) == '.'
                    || size == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}
