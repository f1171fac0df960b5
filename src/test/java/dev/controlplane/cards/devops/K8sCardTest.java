package dev.controlplane.cards.devops;

import static dev.controlplane.cards.devops.InfraFixture.assertSameShape;
import static dev.controlplane.cards.devops.InfraFixture.json;
import static dev.controlplane.cards.devops.InfraFixture.missingToolIds;
import static dev.controlplane.cards.devops.InfraFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;

class K8sCardTest {
    private final K8sCard card = new K8sCard();

    private ObjectNode compute(Path root) {
        return card.compute(CardContext.standalone(root));
    }

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("k8s", card.key());
        assertEquals("/api/k8s/status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(70, card.order());
        assertEquals(Set.of("devops", "integrations"), card.scopes());
        assertEquals(List.of(Tab.DEVOPS, Tab.INTEGRATIONS), card.tabs(), "one card, shown on both tabs");
        assertEquals(Set.of(), card.peers());
        assertEquals(List.of("k8s/", "kubernetes/", "deploy/", "manifests/", "charts/", "kustomization.yaml",
                "kustomization.yml"), card.watchPaths());
    }

    @Test
    void reportsManifestsChartsAndKustomizationsOfTheFixture() {
        ObjectNode result = compute(InfraFixture.root());

        assertEquals(json("['k8s', 'charts']"), result.get("manifest_dirs"));
        assertEquals(json("""
                [{'path': 'k8s/app/app.yaml', 'deployed_with': 'raw_kubectl', 'resources': [
                   {'kind': 'Deployment', 'name': 'web', 'namespace': 'shop', 'apiVersion': 'apps/v1'},
                   {'kind': 'Service', 'name': 'web', 'namespace': 'shop', 'apiVersion': 'v1'}]},
                 {'path': 'k8s/kustomize/base/configmap.yaml', 'deployed_with': 'kustomize', 'resources': [
                   {'kind': 'ConfigMap', 'name': 'app-config', 'namespace': '', 'apiVersion': 'v1'}]},
                 {'path': 'k8s/secret.yaml', 'deployed_with': 'raw_kubectl', 'resources': [
                   {'kind': 'Secret', 'name': 'db-credentials', 'namespace': 'shop', 'apiVersion': 'v1'}]}]
                """), result.get("manifests"));
        assertEquals(3, result.get("manifest_files").asInt());
        assertFalse(result.get("manifests_truncated").asBoolean());
        assertEquals(json("{'ConfigMap': 1, 'Deployment': 1, 'Secret': 1, 'Service': 1}"), result.get("resource_summary"));
        assertEquals(4, result.get("total_resources").asInt());

        // Templates are counted, not parsed: their {{ }} raise no warning.
        assertEquals(json("""
                [{'path': 'charts/web', 'name': 'web', 'version': '0.3.1', 'app_version': '1.4.0',
                  'has_values': true, 'has_templates': true, 'templates': 3}]
                """), result.get("helm_charts"));
        assertEquals(json("""
                [{'path': 'k8s/kustomize/base/kustomization.yaml', 'dir': 'k8s/kustomize/base',
                  'resources': ['configmap.yaml'], 'bases': [], 'overlays': ['k8s/kustomize/overlays/prod'],
                  'is_overlay': false, 'patches': 0, 'generators': 1, 'secret_generators': 0, 'namespace': ''},
                 {'path': 'k8s/kustomize/overlays/prod/kustomization.yaml', 'dir': 'k8s/kustomize/overlays/prod',
                  'resources': ['../../base', 'https://example.com/acme/shared//k8s?ref=v2'],
                  'bases': ['k8s/kustomize/base'], 'overlays': [], 'is_overlay': true, 'patches': 1,
                  'generators': 0, 'secret_generators': 0, 'namespace': 'prod'}]
                """), result.get("kustomizations"));

        assertEquals("mixed", result.get("deployment_strategy").asText());
        assertEquals(json("['helm', 'kustomize', 'raw_kubectl']"), result.get("strategies"));
        assertEquals(json("{'has_raw_secrets': true, 'raw_secret_files': ['k8s/secret.yaml']}"),
                result.get("secret_safety"));

        JsonNode warnings = result.get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).asText().startsWith("k8s/broken.yaml: invalid YAML"), warnings.toString());

        assertEquals(json("{'text': '4 resources', 'level': 'degraded'}"), result.get("summary"));
    }

    @Test
    void neverOutputsSecretValuesNorCredentials() {
        String output = compute(InfraFixture.root()).toString();
        assertFalse(output.contains("c3VwZXJzZWNyZXQ="), "Secret data value leaked");
        assertFalse(output.contains("fixture-admin-not-real"), "Secret stringData value leaked");
        assertFalse(output.contains("gh0-kust-T0ken"), "credentials of a remote kustomize resource leaked");
        assertFalse(output.contains("LOG_LEVEL"), "generator literals are not reported");
    }

    @Test
    void reportsToolsWhateverIsInstalled() {
        ObjectNode result = compute(InfraFixture.root());
        JsonNode tools = result.get("tool_availability");
        List<String> names = new ArrayList<>();
        tools.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("kubectl", "helm", "kustomize"), names);
        tools.forEach(InfraFixture::assertToolShape);
        List<String> missing = missingToolIds(result);
        // Needed here: kubectl (manifests) and helm (a chart); kustomize only when kubectl cannot stand in.
        assertEquals(!tools.path("kubectl").path("available").asBoolean(), missing.contains("kubectl"));
        assertEquals(!tools.path("helm").path("available").asBoolean(), missing.contains("helm"));
        assertEquals(!tools.path("kubectl").path("available").asBoolean()
                && !tools.path("kustomize").path("available").asBoolean(), missing.contains("kustomize"));
    }

    @Test
    void emptyProjectHasTheFullShapeWithEmptyValues(@TempDir Path empty) {
        ObjectNode result = compute(empty);

        assertSameShape(compute(InfraFixture.root()), result);
        assertEquals(json("[]"), result.get("manifest_dirs"));
        assertEquals(json("[]"), result.get("manifests"));
        assertEquals(0, result.get("manifest_files").asInt());
        assertEquals(json("{}"), result.get("resource_summary"));
        assertEquals(0, result.get("total_resources").asInt());
        assertEquals(json("[]"), result.get("helm_charts"));
        assertEquals(json("[]"), result.get("kustomizations"));
        assertEquals("none", result.get("deployment_strategy").asText());
        assertEquals(json("[]"), result.get("strategies"));
        assertEquals(json("{'has_raw_secrets': false, 'raw_secret_files': []}"), result.get("secret_safety"));
        result.get("tool_availability").forEach(InfraFixture::assertToolShape);
        assertEquals(json("[]"), result.get("missing_tools"), "no tool is needed without manifests");
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '0 resources', 'level': 'none'}"), result.get("summary"));
    }

    @Test
    void rootKustomizationClaimsTheFilesItLists(@TempDir Path root) {
        write(root, "kustomization.yaml", "resources:\n  - app.yaml\n");
        write(root, "app.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
        write(root, "unrelated.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ignored\n");

        ObjectNode result = compute(root);

        assertEquals(json("""
                [{'path': 'app.yaml', 'deployed_with': 'kustomize', 'resources': [
                  {'kind': 'Namespace', 'name': 'shop', 'namespace': '', 'apiVersion': 'v1'}]}]
                """), result.get("manifests"));
        assertEquals("kustomize", result.get("deployment_strategy").asText());
        assertEquals(".", result.at("/kustomizations/0/dir").asText());
        assertEquals(json("{'text': '1 resource', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void listKindsAreExpandedAndHelmOnlyProjectsSayHelm(@TempDir Path root) {
        write(root, "deploy/list.yml", """
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
                """);
        ObjectNode raw = compute(root);
        assertEquals(json("{'ConfigMap': 2}"), raw.get("resource_summary"));
        assertEquals("raw_kubectl", raw.get("deployment_strategy").asText());

        write(root, "deploy/list.yml", "# now empty\n");
        write(root, "charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 1.0.0\n");
        write(root, "charts/api/crds/crd.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                + "metadata:\n  name: widgets.acme.dev\n");
        ObjectNode helm = compute(root);
        assertEquals("helm", helm.get("deployment_strategy").asText());
        assertEquals("helm", helm.at("/manifests/0/deployed_with").asText(), "a chart's crds/ are plain manifests");
        assertEquals(json("""
                [{'path': 'charts/api', 'name': 'api', 'version': '1.0.0', 'app_version': '',
                  'has_values': false, 'has_templates': false, 'templates': 0}]
                """), helm.get("helm_charts"));
    }

    @Test
    void listsAtMost200ManifestFilesButCountsThemAll(@TempDir Path root) {
        for (int i = 0; i < 205; i++) {
            write(root, "manifests/cm-" + i + ".yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm" + i + "\n");
        }
        ObjectNode result = compute(root);
        assertEquals(200, result.get("manifests").size());
        assertEquals(205, result.get("manifest_files").asInt());
        assertTrue(result.get("manifests_truncated").asBoolean());
        assertEquals(205, result.get("total_resources").asInt());
        assertEquals("205 resources", result.at("/summary/text").asText());
    }
}
