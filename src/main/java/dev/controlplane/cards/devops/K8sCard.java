package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.MissingTool;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.controlplane.project.tools.ToolProbe;
import dev.controlplane.project.infra.HelmCharts;
import dev.controlplane.project.infra.Kustomizations;

/**
 * Kubernetes manifests: the resources in plain YAML (multi-document files included), Helm charts, Kustomize
 * kustomizations, how the project deploys, whether plain manifests hold Secret data, and which CLIs are
 * installed. Secret values are never read into the output: only the file and the resource name.
 */
@ApplicationScoped
public class K8sCard implements Card {
    static final List<String> MANIFEST_DIRS = List.of("k8s", "kubernetes", "deploy", "manifests", "charts");
    private static final List<String> ROOT_KUSTOMIZATIONS = List.of("kustomization.yaml", "kustomization.yml");
    static final int MAX_LISTED_FILES = 200;
    private static final int MAX_WALKED_FILES = 20_000;
    static final int MAX_LISTED_KUSTOMIZATIONS = 50;

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * schema: 2: long lists are capped, with {@code <list>_total} beside them.
     */
    static final CardSpec SPEC = CardSpec.card("k8s")
            .title("Kubernetes")
            .description("Kubernetes manifests, Helm charts, Kustomize, raw Secrets and CLIs")
            .tab(Tab.DEVOPS, Tab.INTEGRATIONS)
            .order(70)
            .watch(List.of("k8s/", "kubernetes/", "deploy/", "manifests/", "charts/", "kustomization.yaml", "kustomization.yml"))
            .alias("/api/k8s/status")
            .schema(2)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    /** One Kubernetes object of a manifest (listed under these names, {@code apiVersion} as Kubernetes spells it). */
    @RegisterForReflection
    record Resource(String kind, String name, String namespace, String apiVersion) {
    }

    /** A manifest file and the resources in it; {@code via} says how it is deployed. */
    private record Manifest(String path, List<Resource> resources, String via) {
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> dirs = MANIFEST_DIRS.stream().filter(ctx::isDirectory).toList();
        Set<Path> files = walk(ctx, dirs);
        List<String> warnings = new ArrayList<>();

        HelmCharts charts = HelmCharts.find(ctx, files, warnings);
        Kustomizations kustomize = Kustomizations.read(ctx,
                files.stream().filter(Kustomizations::isKustomization).toList(), warnings);
        // Files a kustomization lists may live outside the manifest directories (next to a root kustomization).
        for (Path referenced : kustomize.resourceFiles()) {
            if (files.add(referenced)) {
                ctx.watch(ctx.rel(referenced));
            }
        }

        List<Manifest> manifests = new ArrayList<>();
        Set<String> secretFiles = new LinkedHashSet<>();
        for (Path file : files) {
            if (!isYaml(file) || Kustomizations.isKustomization(file) || kustomize.isPatch(file)
                    || !charts.isPlainManifest(file)) {
                continue;
            }
            Manifest manifest = read(ctx, file, kustomize, charts, warnings, secretFiles);
            if (!manifest.resources().isEmpty()) {
                manifests.add(manifest);
            }
        }
        return toJson(ctx, dirs, manifests, charts, kustomize, secretFiles, warnings);
    }

    /** Directories holding a Helm chart ({@code Chart.yaml}) among the manifest directories. */
    static List<String> chartDirs(CardContext ctx) {
        List<String> dirs = MANIFEST_DIRS.stream().filter(ctx::isDirectory).toList();
        return walk(ctx, dirs).stream().filter(f -> f.getFileName().toString().equals("Chart.yaml"))
                .map(f -> ctx.rel(f.getParent())).sorted().toList();
    }

    private static Set<Path> walk(CardContext ctx, List<String> dirs) {
        Set<Path> files = new TreeSet<>(Comparator.comparing(ctx::rel));
        for (String dir : dirs) {
            ctx.walk(ctx.path(dir), (file, attrs) -> {
                files.add(file);
                return files.size() < MAX_WALKED_FILES;
            });
        }
        ROOT_KUSTOMIZATIONS.stream().filter(ctx::isFile).map(ctx::path).forEach(files::add);
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static Manifest read(CardContext ctx, Path file, Kustomizations kustomize, HelmCharts charts,
            List<String> warnings, Set<String> secretFiles) {
        String rel = ctx.rel(file);
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        List<Resource> resources = new ArrayList<>();
        // Documents before a syntax error still count: Manifests keeps them.
        for (JsonNode document : parsed.optional().orElse(List.of())) {
            collect(document, resources, () -> secretFiles.add(rel));
        }
        String via = charts.chartOf(file) != null ? "helm" : kustomize.manages(file) ? "kustomize" : "raw_kubectl";
        return new Manifest(rel, resources, via);
    }

    /** Adds the resources of one document: an object with apiVersion and kind, or a {@code *List} of them. */
    private static void collect(JsonNode doc, List<Resource> resources, Runnable onRawSecret) {
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        if (!doc.isObject() || apiVersion.isBlank() || kind.isBlank()) {
            return;
        }
        if (kind.endsWith("List") && doc.path("items").isArray()) {
            doc.path("items").forEach(item -> collect(item, resources, onRawSecret));
            return;
        }
        JsonNode metadata = doc.path("metadata");
        resources.add(new Resource(kind, metadata.path("name").asText(""), metadata.path("namespace").asText(""),
                apiVersion));
        // Only the presence of data is checked; the values themselves are never copied anywhere.
        if ("Secret".equals(kind) && (hasEntries(doc.get("data")) || hasEntries(doc.get("stringData")))) {
            onRawSecret.run();
        }
    }

    private static boolean hasEntries(JsonNode node) {
        return node != null && node.isObject() && node.size() > 0;
    }

    private ObjectNode toJson(CardContext ctx, List<String> dirs, List<Manifest> manifests, HelmCharts charts,
            Kustomizations kustomize, Set<String> secretFiles, List<String> warnings) {
        Map<String, Integer> summary = new TreeMap<>();
        List<ManifestRow> listed = new ArrayList<>();
        int total = 0;
        for (Manifest manifest : manifests) {
            for (Resource resource : manifest.resources()) {
                summary.merge(resource.kind(), 1, Integer::sum);
                total++;
            }
            if (listed.size() < MAX_LISTED_FILES) {
                listed.add(new ManifestRow(manifest.path(), manifest.via(), manifest.resources()));
            }
        }
        ArrayNode kustomizations = kustomize.toJson(ctx);
        List<JsonNode> keptKustomizations = new ArrayList<>();
        kustomizations.forEach(k -> {
            if (keptKustomizations.size() < MAX_LISTED_KUSTOMIZATIONS) {
                keptKustomizations.add(k);
            }
        });

        Set<String> strategies = new TreeSet<>();
        if (!charts.isEmpty()) {
            strategies.add("helm");
        }
        if (!kustomize.isEmpty()) {
            strategies.add("kustomize");
        }
        manifests.stream().filter(m -> m.via().equals("raw_kubectl")).findAny().ifPresent(m -> strategies.add("raw_kubectl"));
        String strategy = strategies.isEmpty() ? "none" : strategies.size() == 1 ? strategies.iterator().next() : "mixed";

        ToolProbe.Status kubectl = ToolProbe.probe(ctx, out -> ToolProbe.jsonVersion(out, "clientVersion", "gitVersion"),
                "kubectl", "version", "--client", "-o", "json");
        ToolProbe.Status helm = ToolProbe.probe(ctx, ToolProbe::firstVersion, "helm", "version", "--short");
        ToolProbe.Status kustomizeCli = ToolProbe.probe(ctx, ToolProbe::firstVersion, "kustomize", "version");
        ObjectNode card = ResultJson.tree(new K8sResult(dirs, listed, manifests.size(),
                manifests.size() > MAX_LISTED_FILES, summary, total, charts.toJson(), keptKustomizations,
                kustomizations.size(), strategy, List.copyOf(strategies),
                new SecretSafety(!secretFiles.isEmpty(), List.copyOf(secretFiles)),
                new ToolAvailability(kubectl.toJson(), helm.toJson(), kustomizeCli.toJson()),
                missingTools(strategy, charts, kustomize, kubectl, helm, kustomizeCli), warnings));
        Level level = !secretFiles.isEmpty() || !warnings.isEmpty() ? Level.DEGRADED
                : strategy.equals("none") ? Level.NONE : Level.OK;
        return CardJson.summary(card, CardJson.plural(total, "resource", "resources"), level);
    }

    /**
     * The card's fields. Helm charts, kustomizations and tool probes are written by their readers
     * ({@link HelmCharts}, {@link Kustomizations}, {@link ToolProbe}); {@code kustomizations} keeps at most
     * {@value #MAX_LISTED_KUSTOMIZATIONS}, {@code kustomizations_total} counts them all.
     */
    @RegisterForReflection
    record K8sResult(@JsonProperty("manifest_dirs") List<String> manifestDirs, List<ManifestRow> manifests,
            @JsonProperty("manifest_files") int manifestFiles,
            @JsonProperty("manifests_truncated") boolean manifestsTruncated,
            @JsonProperty("resource_summary") Map<String, Integer> resourceSummary,
            @JsonProperty("total_resources") int totalResources, @JsonProperty("helm_charts") JsonNode helmCharts,
            List<JsonNode> kustomizations, @JsonProperty("kustomizations_total") int kustomizationsTotal,
            @JsonProperty("deployment_strategy") String deploymentStrategy, List<String> strategies,
            @JsonProperty("secret_safety") SecretSafety secretSafety,
            @JsonProperty("tool_availability") ToolAvailability toolAvailability,
            @JsonProperty("missing_tools") List<MissingTool> missingTools, List<String> warnings) {
    }

    @RegisterForReflection
    record ManifestRow(String path, @JsonProperty("deployed_with") String deployedWith, List<Resource> resources) {
    }

    /** Only whether Secrets carry data, and in which files: never a value. */
    @RegisterForReflection
    record SecretSafety(@JsonProperty("has_raw_secrets") boolean hasRawSecrets,
            @JsonProperty("raw_secret_files") List<String> rawSecretFiles) {
    }

    @RegisterForReflection
    record ToolAvailability(JsonNode kubectl, JsonNode helm, JsonNode kustomize) {
    }

    /**
     * {@code missing_tools}: only the CLIs this project needs ({@code tool_availability} lists all three);
     * kustomize is built into kubectl ({@code kubectl apply -k}), so it is missing only without kubectl.
     */
    private static List<MissingTool> missingTools(String strategy, HelmCharts charts, Kustomizations kustomize,
            ToolProbe.Status kubectl, ToolProbe.Status helm, ToolProbe.Status kustomizeCli) {
        List<MissingTool> missing = new ArrayList<>();
        if (!strategy.equals("none") && !kubectl.available()) {
            missing.add(new MissingTool("kubectl", "kubectl", "https://kubernetes.io/docs/tasks/tools/"));
        }
        if (!charts.isEmpty() && !helm.available()) {
            missing.add(new MissingTool("helm", "Helm", "https://helm.sh/docs/intro/install/"));
        }
        if (!kustomize.isEmpty() && !kubectl.available() && !kustomizeCli.available()) {
            missing.add(new MissingTool("kustomize", "Kustomize",
                    "https://kubectl.docs.kubernetes.io/installation/kustomize/"));
        }
        return missing;
    }
}
