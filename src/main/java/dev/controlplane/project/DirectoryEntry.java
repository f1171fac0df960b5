package dev.controlplane.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** One entry of a directory listing, as seen without following links. */
public record DirectoryEntry(Path path, Kind kind) {

    /** What the entry is; a link is a link, whatever it points to. */
    public enum Kind {
        FILE, DIRECTORY, LINK, OTHER, VANISHED
    }

    public String name() {
        return path.getFileName().toString();
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    /**
     * Lists {@code dir} as {@link Files#list} does (a link to a directory as {@code dir} itself is followed, as
     * for the project root; callers that refuse links check first): nothing when it is missing or unreadable.
     */
    static List<DirectoryEntry> list(Path dir) {
        List<DirectoryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                entries.add(new DirectoryEntry(entry, kind(entry)));
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // unreadable or vanished: nothing there as far as a card is concerned
        }
        return List.copyOf(entries);
    }

    private static Kind kind(Path entry) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() ? Kind.FILE
                    : attrs.isDirectory() ? Kind.DIRECTORY : attrs.isSymbolicLink() ? Kind.LINK : Kind.OTHER;
        } catch (IOException | RuntimeException e) {
            return Kind.VANISHED;
        }
    }
}
