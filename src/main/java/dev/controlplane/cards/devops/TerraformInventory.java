package dev.controlplane.cards.devops;

import static dev.controlplane.cards.devops.TerraformCard.MAX_FILES;
import static dev.controlplane.cards.devops.TerraformCard.MAX_SCAN_BYTES;
import static dev.controlplane.cards.devops.TerraformCard.ROLES;
import static dev.controlplane.cards.devops.TerraformCard.role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.project.files.SourceUrls;
import dev.controlplane.project.infra.HclScanner;
import dev.controlplane.support.Manifests;

/**
 * Everything the {@code terraform} card finds in the configuration files, read with {@link HclScanner}: files by
 * role, providers, modules (local ones followed), resources, data sources, variables, outputs and the backend.
 * Each file is scanned once even if reached twice; {@code .tfvars} are never read (values may be secret).
 */
final class TerraformInventory {
    /** A provider as declared in {@code provider} blocks and/or {@code required_providers}. */
    private record Provider(String name, String source, String version, boolean configured) {
    }

    private record Module(String name, String source, String version, boolean local) {
    }

    private final CardContext ctx;
    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<Path> scanned = new LinkedHashSet<>();
    private final Map<String, Provider> providers = new TreeMap<>();
    private final List<Module> modules = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();
    private final Map<String, Integer> resourceTypes = new TreeMap<>();
    private final List<String> dataSources = new ArrayList<>();
    private final List<String> variables = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Deque<Path> moduleDirs = new ArrayDeque<>();
    private String backend = "";
    private String backendFile = "";
    private String requiredVersion = "";

    TerraformInventory(CardContext ctx) {
        this.ctx = ctx;
    }

    /** @return whether any file was found */
    boolean addFiles(List<Path> found) {
        found.stream().sorted(Comparator.comparing(ctx::rel)).forEach(files::add);
        return !found.isEmpty();
    }

    void scanAll() {
        for (Path file : List.copyOf(files)) {
            scan(file);
        }
        // Local modules outside the roots (e.g. ../modules/vpc) are part of the configuration too.
        while (!moduleDirs.isEmpty()) {
            Path dir = moduleDirs.poll();
            List<Path> found = ctx.project().files(dir, 1, MAX_FILES, f -> f.getFileName().toString().endsWith(".tf"));
            found.sort(Comparator.comparing(ctx::rel));
            boolean watched = false;
            for (Path file : found) {
                if (!files.add(file)) {
                    continue; // already part of a root
                }
                if (!watched) {
                    ctx.watch(ctx.rel(dir) + "/");
                    watched = true;
                }
                scan(file);
            }
        }
    }

    private void scan(Path file) {
        if (!scanned.add(file) || file.getFileName().toString().endsWith(".tfvars")) {
            return; // variable values are data, not configuration (and may be secret): never read
        }
        String rel = ctx.rel(file);
        String text = read(file, rel);
        if (text == null) {
            return;
        }
        HclScanner.Result result = HclScanner.scan(text);
        result.problems().forEach(problem -> warnings.add(rel + ": " + problem));
        for (HclScanner.Block block : result.blocks()) {
            collect(block, file, rel);
        }
    }

    private String read(Path file, String rel) {
        try {
            long size = Files.size(file);
            if (size > MAX_SCAN_BYTES) {
                warnings.add(rel + ": skipped, larger than the 512 KB scan limit");
                return null;
            }
        } catch (IOException e) {
            warnings.add(rel + ": unreadable");
            return null;
        }
        String text = Manifests.text(file);
        if (text == null) {
            warnings.add(rel + ": unreadable");
        }
        return text;
    }

    private void collect(HclScanner.Block block, Path file, String rel) {
        switch (block.type()) {
            case "resource" -> {
                resources.add(block.label(0) + "." + block.label(1));
                resourceTypes.merge(block.label(0), 1, Integer::sum);
            }
            case "data" -> dataSources.add(block.label(0) + "." + block.label(1));
            case "provider" -> providers.merge(block.label(0),
                    new Provider(block.label(0), "", "", true),
                    (known, added) -> new Provider(known.name(), known.source(), known.version(), true));
            case "module" -> module(block, file);
            case "variable" -> variables.add(block.label(0));
            case "output" -> outputs.add(block.label(0));
            case "terraform" -> terraformSettings(block, rel);
            default -> {
                // locals, moved, import, check ...: not reported
            }
        }
    }

    private void module(HclScanner.Block block, Path file) {
        String source = block.string("source");
        boolean local = source.startsWith("./") || source.startsWith("../");
        modules.add(new Module(block.label(0), SourceUrls.withoutCredentials(source), block.string("version"), local));
        if (local) {
            Path dir = file.getParent().resolve(source).normalize();
            if (ctx.isDirectory(dir)) {
                moduleDirs.add(dir);
            }
        }
    }

    private void terraformSettings(HclScanner.Block block, String rel) {
        if (requiredVersion.isEmpty()) {
            requiredVersion = block.string("required_version");
        }
        for (HclScanner.Block inner : block.blocks()) {
            switch (inner.type()) {
                case "required_providers" -> inner.attributes().values().forEach(this::requiredProvider);
                case "backend" -> backend(inner.label(0), rel);
                case "cloud" -> backend("cloud", rel);
                default -> {
                }
            }
        }
    }

    private void requiredProvider(HclScanner.Attribute attribute) {
        // Either `aws = { source = "...", version = "..." }` or the legacy `aws = "~> 2.0"`.
        String source = attribute.object().getOrDefault("source", "");
        String version = attribute.string() != null ? attribute.string()
                : attribute.object().getOrDefault("version", "");
        providers.merge(attribute.name(), new Provider(attribute.name(), source, version, false),
                (known, added) -> new Provider(known.name(), added.source(), added.version(), known.configured()));
    }

    private void backend(String type, String rel) {
        if (backend.isEmpty()) {
            backend = type;
            backendFile = rel;
        } else if (!backend.equals(type)) {
            warnings.add(rel + ": a second backend \"" + type + "\" besides \"" + backend + "\" in " + backendFile);
        }
    }

    List<String> warnings() {
        return warnings;
    }

    int resourceCount() {
        return resources.size();
    }

    void writeTo(ObjectNode card) {
        Map<String, Integer> roles = new LinkedHashMap<>();
        ROLES.forEach(role -> roles.put(role, 0));
        ArrayNode fileList = card.putArray("files");
        for (Path file : files) {
            String role = role(file.getFileName().toString());
            roles.merge(role, 1, Integer::sum);
            ObjectNode entry = fileList.addObject();
            entry.put("path", ctx.rel(file));
            entry.put("role", role);
        }
        card.put("file_count", files.size());
        card.set("roles", CardJson.counts(roles));

        ArrayNode providerList = card.putArray("providers");
        for (Provider provider : providers.values()) {
            ObjectNode entry = providerList.addObject();
            entry.put("name", provider.name());
            entry.put("source", provider.source());
            entry.put("version", provider.version());
            entry.put("configured", provider.configured());
        }
        ArrayNode moduleList = card.putArray("modules");
        for (Module module : modules) {
            ObjectNode entry = moduleList.addObject();
            entry.put("name", module.name());
            entry.put("source", module.source());
            entry.put("version", module.version());
            entry.put("local", module.local());
        }
        card.set("resources", CardJson.strings(resources));
        card.put("total_resources", resources.size());
        card.set("resource_types", CardJson.counts(resourceTypes));
        card.set("data_sources", CardJson.strings(dataSources));
        card.put("total_data_sources", dataSources.size());
        card.set("variables", CardJson.strings(variables));
        card.set("outputs", CardJson.strings(outputs));
        for (String listed : List.of("files", "modules", "resources", "variables", "outputs")) {
            CardJson.cap(card, listed, 100);
        }
        card.put("backend", backend);
        card.put("backend_file", backendFile);
        card.put("required_version", requiredVersion);
    }
}
