package dev.controlplane.cards.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.SecretScanner;
import dev.controlplane.support.ToolRunner;

class SecurityCardTest {
    /** Every secret value planted in the fixture (and in the files the test adds): none may reach the JSON. */
    private static final List<String> PLANTED = List.of("AKIAIOSFODNN7EXAMPLE",
            "ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234", "ghp_TESTtestTESTtestTESTtestTESTtest5678", "Pl4nted-Db-Pass",
            "Planted-Env-Value-42", "Yaml-Planted-Secret-99", "FAKEFAKEFAKEFAKE", "NOTAREALKEY", "AKIAZZZZZZZZZZZZZZZZ",
            "AKIAYYYYYYYYYYYYYYYY", "AKIAXXXXXXXXXXXXXXXX");

    private final SecurityCard card = new SecurityCard();

    @TempDir
    Path dir;

    private ObjectNode compute() {
        return card.compute(CardContext.standalone(dir));
    }

    private Path planted() throws IOException {
        SecdocsFixtures.copy("security", dir);
        // Not scanned: a binary file (NUL byte), a file over 512 KB, and a skipped directory.
        Files.write(dir.resolve("data.dat"), ("\0\1binary AKIAZZZZZZZZZZZZZZZZ\n").getBytes());
        SecdocsFixtures.write(dir, "big.txt", "x".repeat(SecretScanner.MAX_BYTES) + "\nAKIAYYYYYYYYYYYYYYYY\n");
        SecdocsFixtures.write(dir, "node_modules/lib/index.js", "const k = 'AKIAXXXXXXXXXXXXXXXX';\n");
        return dir;
    }

    @Test
    void describesItselfAsTheSpecSays() {
        assertEquals("security", card.key());
        assertEquals("/api/security/posture-summary", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(10, card.order());
        assertEquals(List.of(".gitignore", "src/", ".env", ".env.vault"), card.watchPaths());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.AUTO, card.defaultPref());
    }

    @Test
    void findsEveryPlantedSecretWithFileLinePatternAndSeverity() throws IOException {
        planted();
        ObjectNode result = compute();

        JsonNode findings = result.get("findings");
        assertEquals(5, findings.size());
        assertFinding(findings.get(0), "certs/server.key", 1, "private-key", "critical", "----\u2026----");
        assertFinding(findings.get(1), "src/main/java/app/Config.java", 5, "github-token", "critical",
                "ghp_\u20261234");
        assertFinding(findings.get(2), "src/main/resources/application.properties", 2, "aws-access-key", "critical",
                "AKIA\u2026MPLE");
        assertFinding(findings.get(3), "src/main/resources/application.properties", 3, "db-url-password", "high",
                "Pl4\u2026ass");
        assertFinding(findings.get(4), "config/settings.yml", 2, "password-assignment", "medium", "Yaml\u2026t-99");

        assertEquals(5, result.get("finding_count").asInt());
        assertFalse(result.get("findings_truncated").asBoolean());
        assertEquals("{\"critical\":3,\"high\":1,\"medium\":1}", result.get("by_severity").toString());
        assertEquals(1, result.get("suppressed").asInt(), "the nosec line in Config.java");
        // .gitignore, README.md, certs/server.key, config/settings.yml, package.json, pom.xml, Config.java,
        // application.properties; not .env, data.dat (binary), big.txt (too large), node_modules/.
        assertEquals(8, result.get("files_scanned").asInt());
        assertEquals("{\"binary\":1,\"too_large\":1,\"unreadable\":0}", result.get("files_skipped").toString());
    }

    @Test
    void neverPutsAPlantedSecretInTheJson() throws IOException {
        planted();
        String json = compute().toString();
        for (String secret : PLANTED) {
            assertFalse(json.contains(secret), "the card's JSON leaks " + secret);
        }
    }

    @Test
    void gradesThePlantedProjectF() throws IOException {
        planted();
        ObjectNode result = compute();

        assertEquals("[{\"path\":\"certs/server.key\",\"git_ignored\":false}]",
                result.get("sensitive_files").toString());
        assertEquals("[{\"name\":\".env\",\"git_ignored\":false,\"committed\":false}]",
                result.get("env_files").toString());
        assertEquals("[\"maven\",\"node\"]", result.get("stacks").toString());
        assertEquals("gitignore", result.get("ignore_check").asText());

        JsonNode checks = result.at("/posture/checks");
        assertEquals(5, checks.size());
        assertCheck(checks.get(0), "secrets", false, 0.0, 30, "5 findings: 3 critical, 1 high, 1 medium");
        assertCheck(checks.get(1), "sensitive_files", false, 0.0, 15, "1 of 1 not git-ignored: certs/server.key");
        assertCheck(checks.get(2), "gitignore", false, 0.75, 20, ".gitignore lacks node_modules/");
        assertCheck(checks.get(3), "env_files", false, 0.0, 20, "not git-ignored: .env");
        assertCheck(checks.get(4), "lock_files", false, 0.0, 15, "no lock file for node");
        assertEquals(15, result.at("/posture/score").asInt());
        assertEquals("F", result.at("/posture/grade").asText());
        assertEquals("F (15)", result.at("/summary/text").asText());
        assertEquals("failed", result.at("/summary/level").asText());
    }

    @Test
    void hygieneFixesRaiseTheGradeAndIgnoredFilesAreNotScanned() throws IOException {
        planted();
        SecdocsFixtures.write(dir, ".gitignore", "target/\n*.log\nnode_modules/\n.env\n*.key\n");
        SecdocsFixtures.write(dir, "package-lock.json", "{}\n");
        ObjectNode result = compute();

        // certs/server.key is git-ignored now: listed as a sensitive file, no longer scanned.
        assertEquals(4, result.get("finding_count").asInt());
        assertEquals("[{\"path\":\"certs/server.key\",\"git_ignored\":true}]",
                result.get("sensitive_files").toString());
        JsonNode checks = result.at("/posture/checks");
        assertCheck(checks.get(0), "secrets", false, 0.0, 30, "4 findings: 2 critical, 1 high, 1 medium");
        assertCheck(checks.get(1), "sensitive_files", true, 1.0, 15, "all 1 key/certificate files are git-ignored");
        assertCheck(checks.get(2), "gitignore", true, 1.0, 20, ".gitignore covers target/, node_modules/");
        assertCheck(checks.get(3), "env_files", true, 1.0, 20, ".env git-ignored");
        assertCheck(checks.get(4), "lock_files", true, 1.0, 15, "locked: node");
        assertEquals("C (70)", result.at("/summary/text").asText());
        assertEquals("degraded", result.at("/summary/level").asText());
    }

    @Test
    void aCleanProjectGetsA100() throws IOException {
        planted();
        SecdocsFixtures.write(dir, ".gitignore", "target/\n*.log\nnode_modules/\n.env\n*.key\n");
        SecdocsFixtures.write(dir, "package-lock.json", "{}\n");
        Files.delete(dir.resolve("src/main/resources/application.properties"));
        Files.delete(dir.resolve("src/main/java/app/Config.java"));
        Files.delete(dir.resolve("config/settings.yml"));
        ObjectNode result = compute();

        assertEquals(0, result.get("finding_count").asInt());
        assertCheck(result.at("/posture/checks").get(0), "secrets", true, 1.0, 30, "no secrets found in 5 files");
        assertEquals("A (100)", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void capsTheFindingsListButCountsThemAll() {
        SecdocsFixtures.write(dir, "keys.txt", "AKIAIOSFODNN7EXAMPLE\n".repeat(150));
        SecdocsFixtures.write(dir, "critical-last.txt", "token=ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234\n");
        SecdocsFixtures.write(dir, "jwt.txt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmU\n"
                .repeat(20));
        ObjectNode result = compute();

        assertEquals(171, result.get("finding_count").asInt());
        assertEquals(SecurityCard.MAX_FINDINGS, result.get("findings").size());
        assertTrue(result.get("findings_truncated").asBoolean());
        assertEquals("{\"critical\":151,\"high\":0,\"medium\":20}", result.get("by_severity").toString());
        // The most severe are kept: no medium JWT made it into the first 100.
        result.get("findings").forEach(f -> assertEquals("critical", f.get("severity").asText()));
        assertEquals("critical-last.txt", result.get("findings").get(0).get("file").asText());
    }

    @Test
    void emptyProjectHasTheFullShape() {
        ObjectNode result = compute();

        assertEquals(0, result.get("findings").size());
        assertEquals(0, result.get("finding_count").asInt());
        assertFalse(result.get("findings_truncated").asBoolean());
        assertEquals("{\"critical\":0,\"high\":0,\"medium\":0}", result.get("by_severity").toString());
        assertEquals(0, result.get("suppressed").asInt());
        assertEquals(0, result.get("files_scanned").asInt());
        assertEquals("{\"binary\":0,\"too_large\":0,\"unreadable\":0}", result.get("files_skipped").toString());
        assertEquals("[]", result.get("sensitive_files").toString());
        assertEquals("[]", result.get("env_files").toString());
        assertEquals("[]", result.get("stacks").toString());
        assertEquals("gitignore", result.get("ignore_check").asText());
        assertEquals("[]", result.get("missing_tools").toString());
        assertEquals("[]", result.get("warnings").toString());
        JsonNode checks = result.at("/posture/checks");
        assertCheck(checks.get(0), "secrets", true, 1.0, 30, "no secrets found in 0 files");
        assertCheck(checks.get(1), "sensitive_files", true, 1.0, 15, "no key or certificate files");
        assertCheck(checks.get(2), "gitignore", false, 0.0, 20, "no .gitignore");
        assertCheck(checks.get(3), "env_files", true, 1.0, 20, "no .env file");
        assertCheck(checks.get(4), "lock_files", true, 1.0, 15, "no ecosystem that uses lock files");
        assertEquals(80, result.at("/posture/score").asInt());
        assertEquals("B", result.at("/posture/grade").asText());
        assertEquals("B (80)", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());
    }

    @Test
    void gitKnowsACommittedEnvFileIsNotIgnored() throws Exception {
        Assumptions.assumeTrue(ToolRunner.which("git").isPresent(), "git is not installed");
        planted();
        SecdocsFixtures.write(dir, ".gitignore", "target/\nnode_modules/\n.env\n*.key\nbig.txt\n");
        git("init", "-q");
        git("add", "-f", ".env", "pom.xml");
        git("commit", "-q", "-m", "fixture");
        ObjectNode result = compute();

        assertEquals("git", result.get("ignore_check").asText());
        assertEquals("[{\"name\":\".env\",\"git_ignored\":false,\"committed\":true}]",
                result.get("env_files").toString());
        assertCheck(result.at("/posture/checks").get(3), "env_files", false, 0.0, 20, "committed: .env");
        // big.txt is ignored by git now: not scanned, so not counted as too large either.
        assertEquals(0, result.at("/files_skipped/too_large").asInt());
        assertEquals("[{\"path\":\"certs/server.key\",\"git_ignored\":true}]",
                result.get("sensitive_files").toString());
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@t.invalid",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args));
    }

    private static void assertFinding(JsonNode finding, String file, int line, String pattern, String severity,
            String preview) {
        assertEquals(file, finding.get("file").asText());
        assertEquals(line, finding.get("line").asInt());
        assertEquals(pattern, finding.get("pattern").asText());
        assertEquals(severity, finding.get("severity").asText());
        assertEquals(preview, finding.get("match_preview").asText());
    }

    private static void assertCheck(JsonNode check, String name, boolean passed, double score, int weight,
            String details) {
        assertEquals(name, check.get("name").asText());
        assertEquals(passed, check.get("passed").asBoolean(), name + " passed");
        assertEquals(score, check.get("score").asDouble(), 1e-9, name + " score");
        assertEquals(weight, check.get("weight").asInt());
        assertEquals(details, check.get("details").asText());
    }
}
