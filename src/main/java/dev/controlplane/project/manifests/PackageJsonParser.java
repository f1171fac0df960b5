package dev.controlplane.project.manifests;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code package.json}: {@code dependencies}, {@code optionalDependencies} and {@code peerDependencies} are
 * runtime, {@code devDependencies} dev. The manager (npm, Yarn, pnpm, Bun) is the one whose lock file is
 * nearest (same directory, else the closest parent inside the project: a workspace keeps one lock at its root),
 * else the {@code packageManager} field, else npm.
 */
final class PackageJsonParser {
    /** At one level, which lock wins when several are present (a stale npm lock beside a pnpm one is common). */
    private static final List<PackageManager> LOCK_PRIORITY = List.of(PackageManager.PNPM, PackageManager.YARN,
            PackageManager.BUN, PackageManager.NPM);
    private static final List<String> RUNTIME_SECTIONS = List.of("dependencies", "optionalDependencies",
            "peerDependencies");

    private PackageJsonParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        JsonNode json = reading.value(PackageJsonFile.read(reading.model(), file, reading.root()));
        if (json != null && !json.isObject()) {
            reading.warn(file, "not a JSON object");
            json = null;
        }
        PackageManager manager = manager(file, json, reading.root());
        if (json == null) {
            return manager;
        }
        for (String section : RUNTIME_SECTIONS) {
            section(file, json, section, false, manager, reading);
        }
        section(file, json, "devDependencies", true, manager, reading);
        return manager;
    }

    private static void section(Path file, JsonNode json, String section, boolean dev, PackageManager manager,
            ManifestReading reading) {
        JsonNode table = json.path(section);
        if (table.isMissingNode() || table.isNull()) {
            return;
        }
        if (!table.isObject()) {
            reading.warn(file, section + " is not an object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            reading.add(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : "", dev, manager,
                    file);
        }
    }

    private static PackageManager manager(Path file, JsonNode json, Path root) {
        Path top = root.toAbsolutePath().normalize();
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null && dir.startsWith(top);
                dir = dir.getParent()) {
            for (PackageManager candidate : LOCK_PRIORITY) {
                for (String lock : candidate.lockNames()) {
                    if (Files.isRegularFile(dir.resolve(lock), LinkOption.NOFOLLOW_LINKS)) {
                        return candidate;
                    }
                }
            }
        }
        String declared = json == null ? "" : json.path("packageManager").asText("");
        for (PackageManager candidate : LOCK_PRIORITY) {
            if (declared.startsWith(candidate.id() + "@")) {
                return candidate;
            }
        }
        return PackageManager.NPM;
    }
}
