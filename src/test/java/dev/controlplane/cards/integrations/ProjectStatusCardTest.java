package dev.controlplane.cards.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.FixedCard;
import dev.controlplane.cards.PeerContexts;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.DnsCard;
import dev.controlplane.cards.devops.InfraFixture;
import dev.controlplane.cards.devops.K8sCard;
import dev.controlplane.cards.devops.TerraformCard;
import dev.controlplane.support.ToolRunner;

class ProjectStatusCardTest {
    private static final List<String> ORDER = List.of("project", "git", "github", "docker", "cicd", "k8s",
            "terraform", "pages", "dns");

    private final GitCard git = new GitCard();
    private final GithubCard github = new GithubCard();
    private final CiCard ci = new CiCard();
    private final DockerCard docker = new DockerCard();
    private final K8sCard k8s = new K8sCard();
    private final TerraformCard terraform = new TerraformCard();
    private final PagesCard pages = new PagesCard();
    private final DnsCard dns = new DnsCard();
    private final ProjectStatusCard card = new ProjectStatusCard();

    @TempDir
    Path dir;

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("project-status", card.key());
        assertEquals("/api/project/status", card.alias());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(Set.of("integrations"), card.scopes());
        // It reads the integration cards (dns included) as peers; their files reach it through the registry.
        assertEquals(Set.of("git", "github", "ci", "docker", "k8s", "terraform", "pages", "dns"), card.peers());
        assertTrue(card.watchPaths().containsAll(List.of("project.yml", "README.md", "pom.xml")));
    }

    @Test
    void eachProbeReadsItsCardAndTheNextStepIsTheFirstUnblockedOne() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# widgets\n");
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        ObjectNode result = card.compute(PeerContexts.withPeers(card, dir,
                FixedCard.of("git", "{'available':true,'branch':'main','commit':'abc1234',"
                        + "'remote_url':'https://github.com/acme/widgets.git'}"),
                FixedCard.of("github", "{'remote':{'is_github':true,'slug':'acme/widgets'}}"),
                FixedCard.of("docker", "{'has_dockerfile':true,'has_compose':false,'dockerfile_count':1,"
                        + "'warning_count':2}"),
                FixedCard.of("ci", "{'has_ci':true,'total_workflows':3}"),
                FixedCard.of("k8s", "{'total_resources':0,'manifest_dirs':['k8s']}"),
                FixedCard.of("terraform", "{'total_resources':4,'initialized':false,'file_count':2}"),
                FixedCard.of("pages", "{'total_segments':2,'built_segments':1}"),
                FixedCard.of("dns", "{'domains':[],'providers':[]}")));

        assertEquals(List.of(
                "project | ready | recognised by README.md, pom.xml",
                "git | ready | on main, remote configured",
                "github | ready | acme/widgets",
                "docker | partial | 1 Dockerfile(s), 2 warning(s)",
                "cicd | ready | 3 workflow(s)",
                "k8s | partial | manifest directories without resources",
                "terraform | ready | 4 resource(s), not initialized",
                "pages | partial | 1/2 segment(s) built",
                "dns | missing | no DNS/CDN configuration"), probes(result));
        assertEquals(ORDER, texts(result.get("order")));
        assertEquals(List.of("docker", "cicd"), texts(probe(result, "k8s").get("depends_on")));
        assertEquals("Kubernetes", probe(result, "k8s").get("label").asText());
        // docker is the first probe not ready whose dependency (git) is
        assertEquals("docker", result.at("/suggested_next/id").asText());
        assertEquals("Docker", result.at("/suggested_next/label").asText());
        assertEquals("1 Dockerfile(s), 2 warning(s)", result.at("/suggested_next/reason").asText());
        assertEquals(5, result.at("/progress/complete").asInt());
        assertEquals(9, result.at("/progress/total").asInt());
        assertEquals(56, result.at("/progress/percent").asInt());
        assertEquals("5/9 ready", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void aProbeWaitsForItsDependencies() throws Exception {
        Files.writeString(dir.resolve("project.yml"), "name: widgets\n");
        ObjectNode result = card.compute(PeerContexts.withPeers(card, dir,
                FixedCard.of("git", "{'available':true,'branch':'main','commit':'abc1234','remote_url':''}"),
                FixedCard.of("github", "{'remote':{'slug':''},'github_dir':{'exists':true}}"),
                FixedCard.of("docker", "{'has_dockerfile':false,'has_compose':true}"),
                FixedCard.of("ci", "{'has_ci':false,'total_workflows':0}"),
                FixedCard.of("k8s", "{'total_resources':12,'deployment_strategy':'helm'}"),
                FixedCard.of("terraform", "{'total_resources':0,'file_count':3}"),
                FixedCard.of("pages", "{'total_segments':1,'built_segments':1}"),
                FixedCard.of("dns", "{'domains':['example.com','www.example.com']}")));

        assertEquals(List.of(
                "project | ready | project.yml describes the project",
                "git | partial | no remote configured",
                "github | partial | .github/ exists but no GitHub remote",
                "docker | partial | compose file without a Dockerfile",
                "cicd | missing | no CI configuration",
                "k8s | ready | 12 resource(s), helm",
                "terraform | partial | Terraform files without resources",
                "pages | ready | 1 segment(s) built",
                "dns | ready | 2 domain(s)"), probes(result));
        // k8s and dns are ready but come after blocked probes: the next step is git, the first unblocked one
        assertEquals("git", result.at("/suggested_next/id").asText());
        assertEquals("no remote configured", result.at("/suggested_next/reason").asText());
        assertEquals("4/9 ready", result.at("/summary/text").asText());
    }

    @Test
    void everyProbeReadyIsAGreenBadge() throws Exception {
        Files.writeString(dir.resolve("go.mod"), "module example.com/w\n");
        ObjectNode result = card.compute(PeerContexts.withPeers(card, dir,
                FixedCard.of("git", "{'available':true,'branch':'trunk','commit':'abc1234','remote_url':'git@github.com:a/b.git'}"),
                FixedCard.of("github", "{'remote':{'is_github':true,'slug':'a/b'}}"),
                FixedCard.of("docker", "{'has_dockerfile':true,'dockerfiles':[{},{}],'warning_count':0}"),
                FixedCard.of("ci", "{'has_ci':true,'total_workflows':1}"),
                FixedCard.of("k8s", "{'total_resources':3,'deployment_strategy':'kustomize'}"),
                FixedCard.of("terraform", "{'total_resources':1,'initialized':true}"),
                FixedCard.of("pages", "{'total_segments':1,'built_segments':1}"),
                FixedCard.of("dns", "{'domains':['a.dev']}")));

        assertEquals("project | ready | recognised by go.mod", probes(result).get(0));
        assertEquals("docker | ready | 2 Dockerfile(s)", probes(result).get(3));
        assertEquals("terraform | ready | 1 resource(s), initialized", probes(result).get(6));
        assertEquals("", result.at("/suggested_next/id").asText());
        assertEquals("every integration is ready", result.at("/suggested_next/reason").asText());
        assertEquals(100, result.at("/progress/percent").asInt());
        assertEquals("9/9 ready", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void aFailingCardIsAnErrorProbeNotAFailedCard() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# widgets\n");
        ObjectNode result = card.compute(PeerContexts.withPeers(card, dir,
                FixedCard.failing("git", "timed out after 3 s"),
                FixedCard.of("github", "{}"), FixedCard.of("docker", "{}"), FixedCard.of("ci", "{}"),
                FixedCard.of("k8s", "{}"), FixedCard.of("terraform", "{}"), FixedCard.of("pages", "{}"),
                FixedCard.of("dns", "{}")));

        assertEquals("git | error | the git card failed: timed out after 3 s", probes(result).get(1));
        assertEquals("git", result.at("/suggested_next/id").asText());
        assertEquals("1/9 ready", result.at("/summary/text").asText());
        assertEquals("failed", result.at("/summary/level").asText());
    }

    @Test
    void anEmptyDirectoryHasEveryProbeMissingWithTheRealCards() throws Exception {
        ObjectNode result = card.compute(PeerContexts.withPeers(card, dir, git, github, ci, docker, k8s, terraform, pages,
                dns));

        String gitReason = ToolRunner.which("git").isPresent() ? "not a git repository" : "git is not installed";
        assertEquals(List.of(
                "project | missing | no README, build manifest or project.yml at the root",
                "git | missing | " + gitReason,
                "github | missing | no GitHub remote",
                "docker | missing | no Dockerfile",
                "cicd | missing | no CI configuration",
                "k8s | missing | no Kubernetes manifests",
                "terraform | missing | no Terraform configuration",
                "pages | missing | no pages segments in project.yml",
                "dns | missing | no DNS/CDN configuration"), probes(result));
        assertEquals("project", result.at("/suggested_next/id").asText());
        assertEquals(0, result.at("/progress/percent").asInt());
        assertEquals("0/9 ready", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }

    @Test
    void theInfraFixtureWithTheRealCards() throws Exception {
        Path root = InfraFixture.copyTo(dir);
        ObjectNode result = card.compute(PeerContexts.withPeers(card, root, git, github, ci, docker, k8s, terraform, pages,
                dns));

        // the same fixture the k8s, terraform, ci and pages card tests pin down value by value
        String gitReason = ToolRunner.which("git").isPresent() ? "not a git repository" : "git is not installed";
        assertEquals(List.of(
                "project | ready | project.yml describes the project",
                "git | missing | " + gitReason,
                "github | partial | .github/ exists but no GitHub remote",
                "docker | missing | no Dockerfile",
                "cicd | ready | 3 workflow(s)",
                "k8s | ready | 4 resource(s), mixed",
                "terraform | ready | 3 resource(s), initialized",
                "pages | partial | 1/2 segment(s) built",
                "dns | missing | no DNS/CDN configuration"), probes(result));
        assertEquals("git", result.at("/suggested_next/id").asText());
        assertEquals("4/9 ready", result.at("/summary/text").asText());
    }

    private static ObjectNode probe(JsonNode result, String id) {
        for (JsonNode probe : result.get("probes")) {
            if (id.equals(probe.get("id").asText())) {
                return (ObjectNode) probe;
            }
        }
        throw new AssertionError("no probe " + id + " in " + result);
    }

    /** "id | status | detail" per probe, in the card's order. */
    private static List<String> probes(JsonNode result) {
        List<String> rows = new ArrayList<>();
        for (JsonNode probe : result.get("probes")) {
            rows.add(probe.get("id").asText() + " | " + probe.get("status").asText() + " | "
                    + probe.get("detail").asText());
        }
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
