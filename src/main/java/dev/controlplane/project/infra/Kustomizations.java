package dev.controlplane.project.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.files.SourceUrls;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The Kustomize side of a project: each kustomization with what it pulls in, and which files it manages (so
 * the k8s card can tell raw manifests from kustomized ones and leave patches out of the resource count).
 * Only local references are followed; remote ones are listed (credentials removed), never fetched.
 */
public final class Kustomizations {
    public static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final int MAX_LISTED = 100;

    /** One kustomization file; {@code bases} are the local kustomization directories it builds on. */
    private record Entry(Path file, Path dir, List<String> resources, Set<Path> bases, int patches, int generators,
            int secretGenerators, String namespace) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Local files listed as resources: applied through kustomize, not with raw kubectl. */
    private final Set<Path> resourceFiles = new LinkedHashSet<>();
    /** Local files used as patches: partial documents, not resources of their own. */
    private final Set<Path> patchFiles = new LinkedHashSet<>();

    private Kustomizations() {
    }

    public static Kustomizations read(ProjectAccess ctx, List<Path> files, List<String> warnings) {
        Kustomizations result = new Kustomizations();
        for (Path file : files) {
            ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
            if (parsed.warning() != null) {
                warnings.add(parsed.warning());
            }
            JsonNode doc = parsed.value() == null || parsed.value().isEmpty() ? null : parsed.value().get(0);
            result.add(ctx, file, doc == null || !doc.isObject() ? JsonNodeFactory.instance.objectNode() : doc);
        }
        return result;
    }

    public static boolean isKustomization(Path file) {
        return FILE_NAMES.contains(file.getFileName().toString());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Set<Path> resourceFiles() {
        return resourceFiles;
    }

    public boolean isPatch(Path file) {
        return patchFiles.contains(file);
    }

    public boolean manages(Path file) {
        return resourceFiles.contains(file);
    }

    private void add(ProjectAccess ctx, Path file, JsonNode doc) {
        Path dir = file.getParent();
        List<String> listed = new ArrayList<>();
        Set<Path> bases = new LinkedHashSet<>();
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode item : doc.path(field)) {
                String reference = item.asText("");
                if ("resources".equals(field) && listed.size() < MAX_LISTED) {
                    listed.add(SourceUrls.withoutCredentials(reference));
                }
                reference(ctx, dir, reference, bases);
            }
        }
        int patches = 0;
        for (String field : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
            for (JsonNode patch : doc.path(field)) {
                patches++;
                // A patch is a path (string or {path: ...}) or an inline document (a multi-line string or {patch: ...}).
                String reference = patch.isTextual() ? patch.asText() : patch.path("path").asText("");
                if (!reference.isEmpty() && !reference.contains("\n")) {
                    Path target = dir.resolve(reference).normalize();
                    if (ctx.isFile(target)) {
                        patchFiles.add(target);
                    }
                }
            }
        }
        int secretGenerators = doc.path("secretGenerator").size();
        int generators = doc.path("configMapGenerator").size() + secretGenerators + doc.path("generators").size();
        entries.add(new Entry(file, dir, listed, bases, patches, generators, secretGenerators,
                doc.path("namespace").asText("")));
    }

    private void reference(ProjectAccess ctx, Path dir, String reference, Set<Path> bases) {
        if (reference.isEmpty() || SourceUrls.isRemote(reference)) {
            return;
        }
        Path target = dir.resolve(reference).normalize();
        if (ctx.isFile(target)) {
            resourceFiles.add(target);
        } else if (ctx.isDirectory(target)
                && FILE_NAMES.stream().anyMatch(name -> ctx.isFile(target.resolve(name)))) {
            bases.add(target);
        }
    }

    /** {@code [{path, dir, resources[], bases[], overlays[], patches, generators, secret_generators, namespace}]}. */
    public ArrayNode toJson(ProjectAccess ctx) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Entry entry : entries) {
            ObjectNode node = list.addObject();
            node.put("path", ctx.rel(entry.file()));
            node.put("dir", dirName(ctx, entry.dir()));
            node.set("resources", strings(entry.resources()));
            node.set("bases", strings(entry.bases().stream().map(dir -> dirName(ctx, dir)).toList()));
            // Overlays of this kustomization: the ones that build on its directory.
            node.set("overlays", strings(entries.stream()
                    .filter(other -> other.bases().contains(entry.dir()))
                    .map(other -> dirName(ctx, other.dir()))
                    .toList()));
            node.put("is_overlay", !entry.bases().isEmpty());
            node.put("patches", entry.patches());
            node.put("generators", entry.generators());
            node.put("secret_generators", entry.secretGenerators());
            node.put("namespace", entry.namespace());
        }
        return list;
    }

    private static String dirName(ProjectAccess ctx, Path dir) {
        String rel = ctx.rel(dir);
        return rel.isEmpty() ? "." : rel;
    }

    private static ArrayNode strings(java.util.Collection<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
