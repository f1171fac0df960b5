package dev.controlplane.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.support.AtomicFiles;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.logging.Log;

/**
 * {@code .state/jobs/}: one {@code <id>.json} record and one {@code <id>.log} per job. The record is rewritten
 * at every state change, so after a {@code kill -9} of the server the next start finds which jobs were
 * running and which process groups they left behind.
 */
@ApplicationScoped
public class JobStore {
    private final Path dir;
    private final ObjectMapper mapper;

    public JobStore(ProjectDirectory project, ObjectMapper mapper) {
        this.dir = project.stateDir().resolve("jobs");
        this.mapper = mapper;
    }

    Path logFile(String id) {
        return dir.resolve(id + ".log");
    }

    void save(ObjectNode record) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(record.path("id").asText() + ".json"), mapper.writeValueAsBytes(record));
        } catch (IOException e) {
            Log.warnf("Could not record job %s: %s", record.path("id").asText(), e.getMessage());
        }
    }

    /** Every stored record, newest first; unreadable ones are skipped. */
    List<ObjectNode> loadAll() {
        List<ObjectNode> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode node = mapper.readTree(file.toFile());
                    if (node instanceof ObjectNode record && number(record.path("id").asText()) > 0) {
                        records.add(record);
                    }
                } catch (IOException | RuntimeException e) {
                    Log.debugf("Skipping unreadable job record %s: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            Log.debugf("Could not list %s: %s", dir, e.getMessage());
        }
        records.sort(Comparator.comparingLong((ObjectNode r) -> number(r.path("id").asText())).reversed());
        return records;
    }

    /** Deletes the record and log of every job not in {@code keep}. */
    void retain(Set<String> keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int dot = name.indexOf('.');
                String id = dot < 0 ? name : name.substring(0, dot);
                if (number(id) > 0 && !keep.contains(id)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            Log.debugf("Could not prune %s: %s", dir, e.getMessage());
        }
    }

    /** The number of an id {@code j17}, or -1. */
    static long number(String id) {
        if (id == null || id.length() < 2 || id.length() > 19 || id.charAt(0) != 'j') {
            return -1;
        }
        for (int i = 1; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(id.substring(1));
    }
}
