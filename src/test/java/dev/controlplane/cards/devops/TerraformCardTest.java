package dev.controlplane.cards.devops;

import static dev.controlplane.cards.devops.InfraFixture.assertSameShape;
import static dev.controlplane.cards.devops.InfraFixture.json;
import static dev.controlplane.cards.devops.InfraFixture.missingToolIds;
import static dev.controlplane.cards.devops.InfraFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;

class TerraformCardTest {
    private final TerraformCard card = new TerraformCard();

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("terraform", card.key());
        assertEquals("/api/terraform/status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(80, card.order());
        assertEquals(Set.of("devops", "integrations"), card.scopes());
        assertEquals(List.of(Tab.DEVOPS, Tab.INTEGRATIONS), card.tabs(), "one card, shown on both tabs");
        assertEquals(Set.of(), card.peers());
        assertEquals(List.of("terraform/", "infra/", "*.tf"), card.watchPaths());
    }

    @Test
    void readsTheFixtureThroughCommentsStringsAndHeredocs() {
        ObjectNode result = card.compute(CardContext.standalone(InfraFixture.root()));

        assertTrue(result.get("has_terraform").asBoolean());
        assertEquals("terraform", result.get("root").asText(), "infra/ holds no .tf file: not a root");
        assertEquals(json("['terraform']"), result.get("roots"));
        assertEquals(json("""
                [{'path': 'terraform/backend.tf', 'role': 'backend'},
                 {'path': 'terraform/main.tf', 'role': 'main'},
                 {'path': 'terraform/modules/network/main.tf', 'role': 'main'},
                 {'path': 'terraform/outputs.tf', 'role': 'outputs'},
                 {'path': 'terraform/prod.tfvars', 'role': 'variables'},
                 {'path': 'terraform/providers.tf', 'role': 'providers'},
                 {'path': 'terraform/variables.tf', 'role': 'variables'},
                 {'path': 'terraform/versions.tf', 'role': 'versions'}]
                """), result.get("files"));
        assertEquals(8, result.get("file_count").asInt());
        assertEquals(json("{'main': 2, 'variables': 2, 'outputs': 1, 'providers': 1, 'backend': 1, 'versions': 1,"
                + " 'other': 0}"), result.get("roles"));
        assertEquals(json("""
                [{'name': 'aws', 'source': 'hashicorp/aws', 'version': '~> 5.0', 'configured': true},
                 {'name': 'cloudflare', 'source': 'cloudflare/cloudflare', 'version': '>= 4.0', 'configured': false},
                 {'name': 'random', 'source': '', 'version': '', 'configured': true}]
                """), result.get("providers"));
        assertEquals(json("""
                [{'name': 'network', 'source': './modules/network', 'version': '', 'local': true},
                 {'name': 'shared', 'source': 'git::https://example.com/acme/modules.git//vpc?ref=v1.2.0',
                  'version': '', 'local': false},
                 {'name': 'registry_vpc', 'source': 'terraform-aws-modules/vpc/aws', 'version': '5.0.0',
                  'local': false}]
                """), result.get("modules"));
        // Nothing from the comments (3) nor the heredoc (1); count = 2 is not expanded.
        assertEquals(json("['aws_s3_bucket.logs', 'aws_instance.web', 'aws_vpc.main']"), result.get("resources"));
        assertEquals(3, result.get("total_resources").asInt());
        assertEquals(json("{'aws_instance': 1, 'aws_s3_bucket': 1, 'aws_vpc': 1}"), result.get("resource_types"));
        assertEquals(json("['aws_ami.ubuntu']"), result.get("data_sources"));
        assertEquals(1, result.get("total_data_sources").asInt());
        assertEquals(json("['cidr', 'env', 'region', 'disks']"), result.get("variables"));
        assertEquals(json("['bucket']"), result.get("outputs"));
        assertEquals("s3", result.get("backend").asText());
        assertEquals("terraform/backend.tf", result.get("backend_file").asText());
        assertEquals(">= 1.5.0", result.get("required_version").asText());
        assertTrue(result.get("initialized").asBoolean(), "terraform/.terraform/ exists");
        assertFalse(result.get("lock_file").asBoolean());
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '3 resources', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void neverOutputsModuleCredentials() {
        String output = card.compute(CardContext.standalone(InfraFixture.root())).toString();
        assertFalse(output.contains("tf-T0ken-hunter2"));
        assertFalse(output.contains("deployer"));
    }

    @Test
    void cliIsReportedWhateverIsInstalled() {
        ObjectNode result = card.compute(CardContext.standalone(InfraFixture.root()));
        JsonNode cli = result.get("cli");
        InfraFixture.assertToolShape(cli);
        assertEquals(!cli.get("available").asBoolean(), missingToolIds(result).contains("terraform"));
    }

    @Test
    void emptyProjectHasTheFullShapeWithEmptyValues(@TempDir Path empty) {
        ObjectNode result = card.compute(CardContext.standalone(empty));

        assertSameShape(card.compute(CardContext.standalone(InfraFixture.root())), result);
        assertFalse(result.get("has_terraform").asBoolean());
        assertEquals("", result.get("root").asText());
        assertEquals(json("[]"), result.get("roots"));
        assertEquals(json("[]"), result.get("files"));
        assertEquals(json("{'main': 0, 'variables': 0, 'outputs': 0, 'providers': 0, 'backend': 0, 'versions': 0,"
                + " 'other': 0}"), result.get("roles"));
        for (String list : List.of("providers", "modules", "resources", "data_sources", "variables", "outputs",
                "missing_tools", "warnings")) {
            assertEquals(json("[]"), result.get(list), list);
        }
        assertEquals(0, result.get("total_resources").asInt());
        assertEquals("", result.get("backend").asText());
        assertFalse(result.get("initialized").asBoolean());
        InfraFixture.assertToolShape(result.get("cli"));
        assertEquals(json("{'text': '0 resources', 'level': 'none'}"), result.get("summary"));
    }

    @Test
    void rootLevelFilesFollowLocalModulesAndWatchThem(@TempDir Path root) {
        write(root, "main.tf", """
                module "vpc" {
                  source = "./modules/vpc"
                }
                module "outside" {
                  source = "../../elsewhere"
                }
                resource "null_resource" "one" {}
                """);
        write(root, "modules/vpc/vpc.tf", "resource \"aws_vpc\" \"this\" {}\n");
        write(root, "modules/unused/unused.tf", "resource \"aws_vpc\" \"unused\" {}\n");
        write(root, ".terraform.lock.hcl", "# lock\n");
        CardContext ctx = CardContext.standalone(root);

        ObjectNode result = card.compute(ctx);

        assertEquals(".", result.get("root").asText());
        assertEquals(json("['null_resource.one', 'aws_vpc.this']"), result.get("resources"));
        assertEquals(json("[{'path': 'main.tf', 'role': 'main'}, {'path': 'modules/vpc/vpc.tf', 'role': 'other'}]"),
                result.get("files"));
        assertTrue(result.get("lock_file").asBoolean());
        assertFalse(result.get("initialized").asBoolean());
        assertEquals(Set.of("modules/vpc/"), ctx.discoveredWatchPaths());
    }

    @Test
    void brokenAndOversizedFilesBecomeWarnings(@TempDir Path root) {
        write(root, "infra/broken.tf", "resource \"a\" \"b\" {\n  name = \"unterminated\n");
        write(root, "infra/huge.tf", "#" + "x".repeat(TerraformCard.MAX_SCAN_BYTES) + "\n");

        ObjectNode result = card.compute(CardContext.standalone(root));

        assertEquals("infra", result.get("root").asText());
        assertEquals(json("['a.b']"), result.get("resources"), "best effort: the block is still seen");
        assertEquals(json("""
                ['infra/broken.tf: line 2: unterminated string',
                 'infra/broken.tf: unbalanced braces: a block is not closed at the end of the file',
                 'infra/huge.tf: skipped, larger than the 512 KB scan limit']
                """), result.get("warnings"));
        assertEquals(json("{'text': '1 resource', 'level': 'degraded'}"), result.get("summary"));
    }
}
