package dev.controlplane.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.support.AtomicFiles;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.logging.Log;

/**
 * The JSON files in {@code <project>/.state/}. Writes go to a temporary file that is then renamed over the
 * target, so a crash at any moment leaves either the old or the new file, never a truncated one. A file that
 * cannot be parsed is set aside as {@code <name>.corrupt-<time>} and treated as absent. A read-only or
 * vanished {@code .state/} is logged once and the app carries on in memory.
 */
@ApplicationScoped
public class StateFiles {
    private final ProjectDirectory project;
    private final ObjectMapper mapper;
    private volatile boolean writeFailureLogged;

    public StateFiles(ProjectDirectory project, ObjectMapper mapper) {
        this.project = project;
        this.mapper = mapper;
    }

    public Path dir() {
        return project.stateDir();
    }

    /** Reads {@code .state/<name>}; empty when absent, unreadable or corrupt (then set aside). */
    public Optional<JsonNode> read(String name) {
        Path file = dir().resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            Log.warnf("Cannot read %s (%s); starting without it", file, e.getMessage());
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject() && !node.isArray()) {
                throw new IOException("not a JSON object");
            }
            return Optional.of(node);
        } catch (IOException e) {
            setAside(file, e);
            return Optional.empty();
        }
    }

    private void setAside(Path file, Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().getEpochSecond());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            Log.warnf("%s is corrupt (%s); set aside as %s, starting empty", file, cause.getMessage(),
                    aside.getFileName());
        } catch (IOException e) {
            Log.warnf("%s is corrupt (%s) and cannot be set aside (%s); starting empty", file,
                    cause.getMessage(), e.getMessage());
        }
    }

    /** Writes {@code .state/<name>} atomically. Returns false (logged) when the directory is not writable. */
    public boolean write(String name, JsonNode content) {
        Path target = dir().resolve(name);
        try {
            ensureDir();
            AtomicFiles.write(target, mapper.writeValueAsBytes(content));
            if (writeFailureLogged) {
                writeFailureLogged = false;
                Log.infof("%s is writable again", dir());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                Log.warnf("Cannot write %s (%s): keeping state in memory only", target, e.toString());
            }
            return false;
        }
    }

    /**
     * Creates {@code .state/} with a {@code .gitignore} of {@code *}: git then ignores it by itself, so the
     * git card never counts the dashboard's own files.
     */
    private void ensureDir() throws IOException {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            // createDirectory, not createDirectories: a project directory that was deleted must stay deleted.
            Files.createDirectory(dir);
        }
        Path ignore = dir.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, "# written by DevOps Control Plane: its cache is not part of the project\n*\n");
        }
    }

    /** Removes temporary files left by a crash in the middle of a write. */
    public void cleanTemporaries() {
        if (!Files.isDirectory(dir())) {
            return;
        }
        try (var files = Files.list(dir())) {
            files.filter(f -> f.getFileName().toString().contains(AtomicFiles.TEMP_MARK)).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException e) {
            Log.debugf("Cannot list %s: %s", dir(), e.getMessage());
        }
    }
}
