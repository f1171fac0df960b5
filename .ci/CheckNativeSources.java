import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Reads the configuration the native-sources build generated (target/native-sources/*-runner.jar) and fails
 * when a type Jackson serialises by reflection, a Qute template or a static file is missing from it: the
 * native executable cannot be built on these machines, so this is what guards it.
 *
 * Run: java .ci/CheckNativeSources.java
 */
public class CheckNativeSources {
    static final List<String> REFLECTION = List.of("dev.controlplane.events.BusStats", "dev.controlplane.watch.WatchStats",
            "dev.controlplane.api.ApiError", "dev.controlplane.cache.CacheBuster$Result");
    static final List<String> RESOURCES = List.of("templates/DashboardResource/page.html",
            "templates/DashboardResource/store.js", "META-INF/resources/app.css", "META-INF/resources/cards.js",
            "META-INF/resources/favicon.svg");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "native-sources");
        Path runner;
        try (var files = Files.list(dir)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + dir));
        }
        List<String> missing = new ArrayList<>();
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            String reflection = read(jar, "META-INF/native-image/reflect-config.json");
            String resources = read(jar, "META-INF/native-image/resource-config.json");
            for (String type : REFLECTION) {
                if (!reflection.contains("\"" + type + "\"")) {
                    missing.add("reflection: " + type);
                }
            }
            for (String resource : RESOURCES) {
                if (!resources.contains("\\\\Q" + resource + "\\\\E") || jar.getEntry(resource) == null) {
                    missing.add("resource: " + resource);
                }
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("Missing from the native image configuration:\n  " + String.join("\n  ", missing));
            System.exit(1);
        }
        System.out.println("native-sources: " + REFLECTION.size() + " reflective types and " + RESOURCES.size()
                + " resources registered");
    }

    private static String read(ZipFile jar, String name) throws Exception {
        var entry = jar.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException(name + " missing from the runner jar");
        }
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
