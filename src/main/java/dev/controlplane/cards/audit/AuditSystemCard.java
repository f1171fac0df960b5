package dev.controlplane.cards.audit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.project.tools.DeveloperTools;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The machine the project is built on: OS, CPU, memory, free disk, Java runtime, which developer CLIs are on
 * the PATH (looked up, never executed), and which project manifests are present. Reads {@code /proc} and
 * {@code /etc/os-release} where they exist (cheap and native-friendly), else the JVM's own view.
 */
@ApplicationScoped
public class AuditSystemCard implements Card {
    /** Root files that say what kind of project this is; each is also a watch path (its creation matters). */
    static final List<String> MANIFESTS = List.of("project.yml", "project.yaml", "pom.xml", "build.gradle",
            "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "package.json", "pyproject.toml",
            "requirements.txt", "setup.py", "setup.cfg", "Pipfile", "go.mod", "go.work", "Cargo.toml", "Gemfile",
            "composer.json", "Makefile", "CMakeLists.txt");
    private static final long KIB = 1024;

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("audit:system")
            .title("System")
            .description("OS, CPU, memory, disk, Java runtime and the developer CLIs available on this machine.")
            .tab(Tab.AUDIT)
            .order(10)
            .watch(List.of("project.yml", "stacks/"))
            .alias("/api/audit/system")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> warnings = new ArrayList<>();
        List<Tool> tools = new ArrayList<>();
        int available = 0;
        for (DeveloperTools.Tool tool : DeveloperTools.ALL) {
            Optional<Path> path = locate(tool);
            available += path.isPresent() ? 1 : 0;
            tools.add(new Tool(tool.id(), tool.label(), tool.category(), path.isPresent(),
                    path.map(Path::toString).orElse(null)));
        }
        List<String> manifests = new ArrayList<>();
        for (String manifest : MANIFESTS) {
            ctx.watch(manifest);
            if (ctx.isFile(manifest)) {
                manifests.add(manifest);
            }
        }
        String projectName = projectName(ctx, warnings);
        ObjectNode card = ResultJson.tree(new SystemResult(os(), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), memory(), disk(ctx), java(), tools, available,
                DeveloperTools.ALL.size(), manifests, projectName, stacks(ctx), warnings));
        return CardJson.summary(card, available + "/" + DeveloperTools.ALL.size() + " tools", Level.OK);
    }

    @RegisterForReflection
    record SystemResult(Os os, String arch, @JsonProperty("cpu_cores") int cpuCores, Memory memory, Disk disk,
            Java java, List<Tool> tools, @JsonProperty("tools_available") int toolsAvailable,
            @JsonProperty("tools_total") int toolsTotal, List<String> manifests,
            @JsonProperty("project_name") String projectName, List<String> stacks, List<String> warnings) {
    }

    /** {@code distribution} is null off Linux. */
    @RegisterForReflection
    record Os(String name, String version, String distribution) {
    }

    /** {@code source}: {@code /proc/meminfo}, {@code jvm}, or null when neither could tell. */
    @RegisterForReflection
    record Memory(@JsonProperty("total_bytes") long totalBytes, @JsonProperty("available_bytes") long availableBytes,
            String source) {
    }

    @RegisterForReflection
    record Disk(@JsonProperty("total_bytes") long totalBytes, @JsonProperty("free_bytes") long freeBytes) {
    }

    @RegisterForReflection
    record Java(String version, String vendor, String runtime) {
    }

    /** One developer CLI; {@code path} is null when it is not on the PATH. */
    @RegisterForReflection
    record Tool(String id, String label, String category, boolean available, String path) {
    }

    private static Optional<Path> locate(DeveloperTools.Tool tool) {
        for (String executable : tool.executables()) {
            Optional<Path> path = ToolRunner.which(executable);
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }

    private static Os os() {
        return new Os(System.getProperty("os.name"), System.getProperty("os.version"), distribution());
    }

    /** PRETTY_NAME of os-release ("Debian GNU/Linux 12 (bookworm)"), null off Linux. */
    private static String distribution() {
        for (String file : List.of("/etc/os-release", "/usr/lib/os-release")) {
            String text = Manifests.text(Path.of(file));
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replaceAll("^[\"']|[\"']$", "").trim();
                }
            }
        }
        return null;
    }

    /**
     * Total and available memory of the machine. MemAvailable (not MemFree) is what a new process can get
     * without swapping; the JVM's MXBean is the fallback off Linux.
     */
    private static Memory memory() {
        long total = -1;
        long availableBytes = -1;
        String source = null;
        String meminfo = Manifests.text(Path.of("/proc/meminfo"));
        if (meminfo != null) {
            total = meminfoBytes(meminfo, "MemTotal:");
            availableBytes = meminfoBytes(meminfo, "MemAvailable:");
            source = "/proc/meminfo";
        }
        if (total <= 0) {
            OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
            if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
                total = sun.getTotalMemorySize();
                availableBytes = sun.getFreeMemorySize();
                source = "jvm";
            }
        }
        return new Memory(Math.max(0, total), Math.max(0, availableBytes), source);
    }

    private static long meminfoBytes(String meminfo, String field) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * KIB;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The filesystem holding the project: what a build can still write. */
    private static Disk disk(CardContext ctx) {
        long total = 0;
        long free = 0;
        try {
            FileStore store = Files.getFileStore(ctx.root());
            total = store.getTotalSpace();
            free = store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            // An unmounted or vanished root: zeros, the card still renders.
        }
        return new Disk(total, free);
    }

    private static Java java() {
        return new Java(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.name"));
    }

    /** {@code name} (or {@code project.name}) of project.yml; a malformed file is a warning. */
    private static String projectName(CardContext ctx, List<String> warnings) {
        String file = ctx.isFile("project.yml") ? "project.yml" : ctx.isFile("project.yaml") ? "project.yaml" : null;
        if (file == null) {
            return null;
        }
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(ctx.path(file), ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        if (parsed.value() == null || parsed.value().isEmpty()) {
            return null;
        }
        JsonNode doc = parsed.value().get(0);
        JsonNode name = doc.path("name");
        if (!name.isValueNode()) {
            name = doc.path("project").path("name");
        }
        return name.isValueNode() && !name.isNull() ? name.asText() : null;
    }

    /** Entries of {@code stacks/} (stack definitions), by name without extension. */
    private static List<String> stacks(CardContext ctx) {
        TreeSet<String> names = new TreeSet<>();
        Path dir = ctx.path("stacks");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        // From the model's listing: an unreadable stacks/ lists nothing and is reported as none.
        for (DirectoryEntry entry : ctx.project().list(dir)) {
            String name = entry.name();
            if (name.startsWith(".") || entry.kind() == DirectoryEntry.Kind.LINK) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            names.add(entry.isDirectory() || dot <= 0 ? name : name.substring(0, dot));
            if (names.size() >= 100) {
                break;
            }
        }
        return List.copyOf(names);
    }
}
