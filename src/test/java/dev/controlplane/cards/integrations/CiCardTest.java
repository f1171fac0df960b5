package dev.controlplane.cards.integrations;

import static dev.controlplane.cards.devops.InfraFixture.assertSameShape;
import static dev.controlplane.cards.devops.InfraFixture.json;
import static dev.controlplane.cards.devops.InfraFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Tab;
import dev.controlplane.cards.devops.InfraFixture;

class CiCardTest {
    private final CiCard card = new CiCard();

    private ObjectNode compute(Path root) {
        return card.compute(CardContext.standalone(card, root));
    }

    @Test
    void declaresItsPlaceInTheContract() {
        assertEquals("ci", card.key());
        assertEquals("/api/ci/status", card.alias());
        assertEquals(Tab.INTEGRATIONS, card.tab());
        assertEquals(30, card.order());
        assertEquals(Set.of("integrations"), card.scopes());
        assertEquals(Set.of("gh-runs"), card.peers(), "the live runs, read from the cache only");
        assertEquals(List.of(".github/workflows/", ".gitlab-ci.yml", "Jenkinsfile", ".circleci/",
                "bitbucket-pipelines.yml", "azure-pipelines.yml", ".travis.yml"), card.watchPaths());
    }

    @Test
    void reportsGithubActionsAndGitlabOfTheFixture() {
        ObjectNode result = compute(InfraFixture.root());

        assertEquals(json("""
                [{'id': 'github_actions', 'name': 'GitHub Actions', 'workflows': 2,
                  'files': ['.github/workflows/ci.yml', '.github/workflows/release.yaml']},
                 {'id': 'gitlab', 'name': 'GitLab CI', 'workflows': 1, 'files': ['.gitlab-ci.yml']}]
                """), result.get("providers"));
        assertEquals(3, result.get("total_workflows").asInt());
        assertTrue(result.get("has_ci").asBoolean());
        // `on: [push, pull_request]` and `on: {workflow_dispatch: ..., push: ...}`; no name => the file path.
        assertEquals(json("""
                [{'file': '.github/workflows/ci.yml', 'name': 'CI', 'triggers': ['push', 'pull_request'],
                  'jobs': ['build', 'lint'], 'valid': true},
                 {'file': '.github/workflows/release.yaml', 'name': '.github/workflows/release.yaml',
                  'triggers': ['workflow_dispatch', 'push'], 'jobs': ['publish'], 'valid': true}]
                """), result.get("workflows"));
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '3 workflows', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void emptyProjectHasTheFullShapeWithEmptyValues(@TempDir Path empty) {
        ObjectNode result = compute(empty);

        assertSameShape(compute(InfraFixture.root()), result);
        assertEquals(json("[]"), result.get("providers"));
        assertEquals(0, result.get("total_workflows").asInt());
        assertFalse(result.get("has_ci").asBoolean());
        assertEquals(json("[]"), result.get("workflows"));
        assertEquals(json("[]"), result.get("warnings"));
        assertEquals(json("{'text': '0 workflows', 'level': 'none'}"), result.get("summary"));
    }

    @Test
    void everyProviderIsRecognised(@TempDir Path root) {
        write(root, "Jenkinsfile", "pipeline { agent any }\n");
        write(root, ".circleci/config.yml", """
                version: 2.1
                jobs: {build: {docker: [{image: cimg/base:stable}], steps: [checkout]}}
                workflows:
                  version: 2
                  main: {jobs: [build]}
                  nightly: {jobs: [build]}
                """);
        write(root, ".travis.yml", "language: java\n");
        write(root, "azure-pipelines.yml", "trigger: [main]\n");
        write(root, "bitbucket-pipelines.yml", "pipelines: {default: []}\n");

        ObjectNode result = compute(root);

        assertEquals(json("""
                [{'id': 'jenkins', 'name': 'Jenkins', 'workflows': 1, 'files': ['Jenkinsfile']},
                 {'id': 'circleci', 'name': 'CircleCI', 'workflows': 2, 'files': ['.circleci/config.yml']},
                 {'id': 'travis', 'name': 'Travis CI', 'workflows': 1, 'files': ['.travis.yml']},
                 {'id': 'azure_pipelines', 'name': 'Azure Pipelines', 'workflows': 1, 'files': ['azure-pipelines.yml']},
                 {'id': 'bitbucket', 'name': 'Bitbucket Pipelines', 'workflows': 1,
                  'files': ['bitbucket-pipelines.yml']}]
                """), result.get("providers"));
        assertEquals(json("{'text': '6 workflows', 'level': 'ok'}"), result.get("summary"));
    }

    @Test
    void aMalformedWorkflowIsAWarningNotAFailure(@TempDir Path root) {
        write(root, ".github/workflows/a-good.yml", "on: push\njobs: {test: {runs-on: ubuntu-latest}}\n");
        write(root, ".github/workflows/b-broken.yml", "on: [push\njobs: {\n");
        write(root, ".github/workflows/nested/ignored.yml", "on: push\n");

        ObjectNode result = compute(root);

        assertEquals(json("""
                [{'file': '.github/workflows/a-good.yml', 'name': '.github/workflows/a-good.yml',
                  'triggers': ['push'], 'jobs': ['test'], 'valid': true},
                 {'file': '.github/workflows/b-broken.yml', 'name': '.github/workflows/b-broken.yml',
                  'triggers': [], 'jobs': [], 'valid': false}]
                """), result.get("workflows"), "GitHub ignores subdirectories of workflows/");
        assertEquals(1, result.get("warnings").size());
        assertTrue(result.at("/warnings/0").asText().startsWith(".github/workflows/b-broken.yml: invalid YAML"));
        assertEquals(json("{'text': '2 workflows', 'level': 'degraded'}"), result.get("summary"));
    }

    @Test
    void aBareOnKeyReadAsBooleanTrueStillGivesTriggers() {
        // What a YAML 1.1 loader makes of `on:`: the key true.
        assertEquals(List.of("push", "schedule"), CiCard.triggers(json("{'true': {'push': null, 'schedule': []}}")));
        assertEquals(List.of("push"), CiCard.triggers(json("{'on': 'push'}")));
        assertEquals(List.of(), CiCard.triggers(json("{'on': null}")));
    }
}
