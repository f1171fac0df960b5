package dev.controlplane.project.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * Helm charts among the manifest files (a directory with a {@code Chart.yaml}). Files under a chart's
 * {@code templates/} are Go templates ({@code {{ .Values.x }}}), not YAML: they are counted, never parsed, so
 * they raise no "invalid YAML" warning. Of a chart's other files only {@code crds/} holds plain manifests.
 */
public final class HelmCharts {

    private record Chart(String path, String name, String version, String appVersion, boolean hasValues,
            int templates) {
    }

    /** Chart directories, deepest first, so a subchart ({@code charts/web/charts/redis}) wins over its parent. */
    private final List<Path> dirs;
    private final List<Chart> charts = new ArrayList<>();

    private HelmCharts(List<Path> dirs) {
        this.dirs = dirs;
    }

    public static HelmCharts find(ProjectAccess ctx, Set<Path> files, List<String> warnings) {
        List<Path> chartFiles = files.stream().filter(f -> f.getFileName().toString().equals("Chart.yaml")).toList();
        List<Path> dirs = chartFiles.stream()
                .map(Path::getParent)
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList();
        HelmCharts result = new HelmCharts(dirs);
        Map<Path, Integer> templates = new HashMap<>();
        for (Path file : files) {
            Path chart = result.chartOf(file);
            if (chart != null && firstSegment(chart, file).equals("templates")) {
                templates.merge(chart, 1, Integer::sum);
            }
        }
        // Listed in path order (the set of files is sorted), not in lookup order.
        for (Path chartFile : chartFiles) {
            result.charts.add(read(ctx, chartFile, templates.getOrDefault(chartFile.getParent(), 0), warnings));
        }
        return result;
    }

    private static Chart read(ProjectAccess ctx, Path chartFile, int templates, List<String> warnings) {
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(chartFile, ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        JsonNode doc = parsed.value() == null || parsed.value().isEmpty() ? JsonNodeFactory.instance.objectNode() : parsed.value().get(0);
        Path dir = chartFile.getParent();
        boolean hasValues = ctx.isFile(dir.resolve("values.yaml"))
                || ctx.isFile(dir.resolve("values.yml"));
        return new Chart(ctx.rel(dir), doc.path("name").asText(""), doc.path("version").asText(""),
                doc.path("appVersion").asText(""), hasValues, templates);
    }

    private static String firstSegment(Path chart, Path file) {
        Path rel = chart.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    }

    public boolean isEmpty() {
        return charts.isEmpty();
    }

    /** The innermost chart that contains {@code file}, or null. */
    public Path chartOf(Path file) {
        for (Path dir : dirs) {
            if (file.startsWith(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** Whether the file is a plain manifest: outside every chart, or in a chart's {@code crds/}. */
    public boolean isPlainManifest(Path file) {
        Path chart = chartOf(file);
        return chart == null || firstSegment(chart, file).equals("crds");
    }

    /** {@code [{path, name, version, app_version, has_values, has_templates, templates}]}. */
    public ArrayNode toJson() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Chart chart : charts) {
            ObjectNode node = list.addObject();
            node.put("path", chart.path());
            node.put("name", chart.name());
            node.put("version", chart.version());
            node.put("app_version", chart.appVersion());
            node.put("has_values", chart.hasValues());
            node.put("has_templates", chart.templates() > 0);
            node.put("templates", chart.templates());
        }
        return list;
    }
}
