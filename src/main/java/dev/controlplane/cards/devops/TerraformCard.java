package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.infra.HclScanner;
import dev.controlplane.project.tools.ToolProbe;

/**
 * Terraform configuration: where it lives, its files by role, providers, modules, resources, data sources and
 * backend, read with {@link HclScanner} (no HCL parser in our dependencies), plus whether {@code terraform init}
 * ran and which CLI is installed.
 */
@ApplicationScoped
public class TerraformCard implements Card {
    static final int MAX_SCAN_BYTES = 512 * 1024;
    static final int MAX_FILES = 2_000;
    /** Candidate roots in the order the spec names them; the project root itself comes last. */
    private static final List<String> ROOT_DIRS = List.of("terraform", "infra");
    static final List<String> ROLES = List.of("main", "variables", "outputs", "providers", "backend",
            "versions", "other");

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * schema: 2: long lists are capped, with {@code <list>_total} beside them.
     */
    static final CardSpec SPEC = CardSpec.card("terraform")
            .title("Terraform")
            .description("Terraform roots, providers, modules, resources, backend and CLI")
            .tab(Tab.DEVOPS, Tab.INTEGRATIONS)
            .order(80)
            .watch(List.of("terraform/", "infra/", "*.tf"))
            .alias("/api/terraform/status")
            .schema(2)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        TerraformInventory inventory = new TerraformInventory(ctx);
        List<String> roots = new ArrayList<>();
        for (String dir : ROOT_DIRS) {
            if (ctx.isDirectory(dir) && inventory.addFiles(ctx.files(ctx.path(dir), MAX_FILES, TerraformCard::isTerraformFile))) {
                roots.add(dir);
            }
        }
        // Root-level *.tf only: the rest of the project is not Terraform's unless a module points at it.
        if (inventory.addFiles(ctx.project().files(ctx.root(), 1, MAX_FILES, TerraformCard::isTerraformFile))) {
            roots.add(".");
        }
        inventory.scanAll();

        ObjectNode card = CardJson.object();
        card.put("has_terraform", !roots.isEmpty());
        card.put("root", roots.isEmpty() ? "" : roots.get(0));
        card.set("roots", CardJson.strings(roots));
        inventory.writeTo(card);
        card.put("initialized", roots.stream().anyMatch(r -> ctx.isDirectory(r + "/.terraform")));
        card.put("lock_file", roots.stream().anyMatch(r -> ctx.isFile(r + "/.terraform.lock.hcl")));

        // The version check must not phone home (checkpoint), nor print an upgrade nag.
        ToolProbe.Status cli = ToolProbe.probe(ctx, Map.of("CHECKPOINT_DISABLE", "1"),
                out -> ToolProbe.jsonVersion(out, "terraform_version"), "terraform", "version", "-json");
        card.set("cli", cli.toJson());
        ArrayNode missing = card.putArray("missing_tools");
        if (!roots.isEmpty() && !cli.available()) {
            missing.add(CardJson.missingTool("terraform", "Terraform CLI",
                    "https://developer.hashicorp.com/terraform/install"));
        }
        card.set("warnings", CardJson.strings(inventory.warnings()));

        int resources = inventory.resourceCount();
        Level level = roots.isEmpty() ? Level.NONE : inventory.warnings().isEmpty() ? Level.OK : Level.DEGRADED;
        return CardJson.summary(card, CardJson.plural(resources, "resource", "resources"), level);
    }

    /** The Terraform root directories ("." = the project root), found as {@link #compute} finds them. */
    static List<String> roots(CardContext ctx) {
        List<String> roots = new ArrayList<>();
        for (String dir : ROOT_DIRS) {
            if (ctx.isDirectory(dir) && !ctx.files(ctx.path(dir), 1, TerraformCard::isTerraformFile).isEmpty()) {
                roots.add(dir);
            }
        }
        if (!ctx.project().files(ctx.root(), 1, 1, TerraformCard::isTerraformFile).isEmpty()) {
            roots.add(".");
        }
        return roots;
    }

    static boolean isTerraformFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tf") || name.endsWith(".tfvars");
    }

    /** The role a file plays by the usual naming conventions. */
    static String role(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tfvars")) {
            return "variables";
        }
        String base = name.endsWith(".tf") ? name.substring(0, name.length() - 3) : name;
        return switch (base) {
            case "main" -> "main";
            case "variables", "variable", "vars" -> "variables";
            case "outputs", "output" -> "outputs";
            case "providers", "provider" -> "providers";
            case "backend", "backends", "state" -> "backend";
            case "versions", "version", "terraform" -> "versions";
            default -> "other";
        };
    }
}
