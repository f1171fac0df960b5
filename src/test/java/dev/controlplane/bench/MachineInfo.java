package dev.controlplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on: CPU, cores, RAM, OS, Java, date, commit, and how busy the machine was. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Map<String, String> describe(Path repo) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("CPU", cpuModel());
        info.put("cores", cpuCount() + " in /proc/cpuinfo, " + Runtime.getRuntime().availableProcessors() + " available to the JVM");
        info.put("RAM", memTotal());
        info.put("OS", osName() + ", kernel " + read("/proc/sys/kernel/osrelease").trim());
        info.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        info.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        info.put("git commit", git(repo, "rev-parse", "HEAD") + " (" + git(repo, "rev-parse", "--abbrev-ref", "HEAD") + ")"
                + (dirty(repo) ? ", with uncommitted changes" : ""));
        info.put("load average at start", loadAverage());
        return info;
    }

    /**
     * Busy jiffies of the whole machine (all CPUs: user + nice + system + irq + softirq + steal), from the
     * first line of {@code /proc/stat}. Minus the app's and the harness's own time, it shows how much of the
     * shared cores other people's builds took during a measurement.
     */
    static long machineBusyTicks() {
        for (String line : lines("/proc/stat")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    busy += Long.parseLong(f[i]);
                }
                return busy;
            }
        }
        return 0;
    }

    static String loadAverage() {
        String[] parts = read("/proc/loadavg").trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] + " (1/5/15 min)" : "unknown";
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static long cpuCount() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
    }

    private static String memTotal() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1048576.0);
            }
        }
        return "unknown";
    }

    private static String osName() {
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring(12).replace("\"", "");
            }
        }
        return System.getProperty("os.name");
    }

    private static boolean dirty(Path repo) {
        String status = git(repo, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/RESULTS.md");
        return !status.isBlank() && !status.startsWith("unknown");
    }

    static String git(Path repo, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            return "unknown";
        }
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
