package dev.controlplane.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.controlplane.cards.audit.AuditStructureCard;
import dev.controlplane.cards.audit.AuditSystemCard;
import dev.controlplane.cards.devops.DnsCard;
import dev.controlplane.cards.devops.DocsCard;
import dev.controlplane.cards.devops.EnvCard;
import dev.controlplane.cards.devops.K8sCard;
import dev.controlplane.cards.devops.PackagesCard;
import dev.controlplane.cards.devops.QualityCard;
import dev.controlplane.cards.devops.SecurityCard;
import dev.controlplane.cards.devops.TerraformCard;
import dev.controlplane.cards.devops.TestingCard;
import dev.controlplane.cards.integrations.CiCard;
import dev.controlplane.cards.integrations.DockerCard;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.TestFiles;

/**
 * The cards of one refresh read the project through one model: the tree is walked once for all of them
 * (plus the hidden {@code .github/workflows}, which that walk skips by the spec's rules).
 */
class OneWalkPerRefreshTest {
    private Path root;

    @AfterEach
    void cleanUp() {
        TestFiles.deleteQuietly(root);
    }

    @Test
    void everyFileCardOfARefreshSharesOneWalkOfTheTree() throws Exception {
        root = TestFiles.copyFixture("sample-project");
        ProjectModel model = new ProjectModel(root);
        List<Card> cards = List.of(new DocsCard(), new EnvCard(), new SecurityCard(), new TerraformCard(),
                new TestingCard(), new QualityCard(), new PackagesCard(), new K8sCard(), new DnsCard(),
                new CiCard(), new DockerCard(), new AuditStructureCard(), new AuditSystemCard());
        for (Card card : cards) {
            CardContext ctx = new CardContext(root, root.resolve(".state"), CardContext.MIN_COMPUTE_DEPTH,
                    ToolRunner.DEFAULT_TIMEOUT, card.peers(), key -> {
                        throw new IllegalStateException("no peer '" + key + "' in this test");
                    }, model);
            card.compute(ctx);
        }
        // audit:structure reads .github/workflows/ to the walk depth: a directory the tree walk skips.
        assertEquals(2, model.walksMade(), "one walk of the tree, one of .github/workflows");
    }
}
