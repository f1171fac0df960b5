package dev.controlplane.cache;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One watch path of a card, parsed: a directory to walk ({@code src/}), a single file ({@code pom.xml}) or a
 * glob over the names in one directory ({@code Dockerfile*}, {@code .env.*}).
 */
public record WatchPattern(String text, Kind kind, String directory, String name) {

    public enum Kind {
        DIRECTORY, FILE, GLOB
    }

    public static WatchPattern parse(String text) {
        String clean = text.replace('\\', '/');
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        if (clean.endsWith("/")) {
            return new WatchPattern(text, Kind.DIRECTORY, stripSlash(clean), "");
        }
        int slash = clean.lastIndexOf('/');
        String dir = slash < 0 ? "" : clean.substring(0, slash);
        String name = clean.substring(slash + 1);
        if (name.contains("*") || name.contains("?") || name.contains("[")) {
            return new WatchPattern(text, Kind.GLOB, dir, name);
        }
        return new WatchPattern(text, Kind.FILE, dir, name);
    }

    private static String stripSlash(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /** The directory the OS must watch to see this pattern change. */
    public Path watchedDirectory(Path root) {
        return kind == Kind.DIRECTORY ? root.resolve(directory).normalize()
                : (directory.isEmpty() ? root : root.resolve(directory).normalize());
    }

    public PathMatcher nameMatcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + name);
    }

    /** True when {@code root} cannot be left through this pattern ({@code ../} is refused). */
    public boolean staysInside(Path root) {
        Path target = root.resolve(kind == Kind.DIRECTORY ? directory : (directory.isEmpty() ? name : directory + "/" + name))
                .normalize();
        return target.startsWith(root);
    }
}
