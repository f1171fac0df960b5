package dev.controlplane.cards.devops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.MissingTool;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.DirectoryEntry;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.project.files.EnvFileNames;
import dev.controlplane.project.files.SecretRule;
import dev.controlplane.project.files.SecretScanner;
import dev.controlplane.support.ProjectWalker;
import dev.controlplane.project.files.GitIgnoreOracle;
import dev.controlplane.project.files.SecurityPosture;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Secret scan of the project's text files plus a weighted security posture (see {@link SecurityPosture}).
 * Findings carry a masked preview only; the secret itself never leaves this class.
 */
@ApplicationScoped
public class SecurityCard implements Card {
    /** The findings list is capped (the most severe kept); {@code finding_count} stays the real count. */
    static final int MAX_FINDINGS = 100;

    private static final Set<String> SENSITIVE_EXTENSIONS = Set.of("pem", "key", "p12", "pfx", "jks", "keystore",
            "ppk", "kdbx");
    private static final Set<String> SENSITIVE_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
            ".htpasswd");

    private static final Comparator<SecretScanner.Finding> MOST_SEVERE_FIRST = Comparator
            .comparingInt((SecretScanner.Finding f) -> SecretRule.rank(f.severity()))
            .thenComparing(SecretScanner.Finding::file)
            .thenComparingInt(SecretScanner.Finding::line)
            .thenComparing(SecretScanner.Finding::pattern);

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("security")
            .title("Security")
            .description("Secrets in source files and the project's security hygiene, graded")
            .tab(Tab.DEVOPS)
            .order(10)
            .watch(List.of(".gitignore", "src/", ".env", ".env.vault"))
            .alias("/api/security/posture-summary")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    /** {@code by_severity} keeps every severity, in {@link SecretRule#SEVERITIES} order; the posture is its own JSON. */
    @RegisterForReflection
    record SecurityResult(List<Finding> findings, @JsonProperty("finding_count") int findingCount,
            @JsonProperty("findings_truncated") boolean findingsTruncated,
            @JsonProperty("by_severity") Map<String, Integer> bySeverity, int suppressed,
            @JsonProperty("files_scanned") int filesScanned, @JsonProperty("files_skipped") Skipped filesSkipped,
            @JsonProperty("sensitive_files") List<SensitiveFile> sensitiveFiles,
            @JsonProperty("env_files") List<EnvFileRow> envFiles, List<String> stacks,
            @JsonProperty("ignore_check") String ignoreCheck, ObjectNode posture,
            @JsonProperty("missing_tools") List<MissingTool> missingTools, List<String> warnings) {
    }

    /** A finding as sent: a masked preview, never the secret. */
    @RegisterForReflection
    record Finding(String file, int line, String pattern, String severity,
            @JsonProperty("match_preview") String matchPreview) {
    }

    @RegisterForReflection
    record Skipped(int binary, @JsonProperty("too_large") int tooLarge, int unreadable) {
    }

    @RegisterForReflection
    record SensitiveFile(String path, @JsonProperty("git_ignored") boolean gitIgnored) {
    }

    @RegisterForReflection
    record EnvFileRow(String name, @JsonProperty("git_ignored") boolean gitIgnored, boolean committed) {
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        GitIgnoreOracle ignore = GitIgnoreOracle.load(ctx);
        Scan scan = scanProject(ctx, ignore);
        List<String> warnings = new ArrayList<>(scan.warnings);

        List<SecurityPosture.Stack> stacks = detectStacks(ctx);
        SecurityPosture posture = new SecurityPosture();
        posture.secrets(scan.findingCount, scan.bySeverity, scan.filesScanned);

        Set<String> trackedSensitive = ignore.tracked(scan.sensitiveFiles);
        posture.sensitiveFiles(scan.sensitiveFiles,
                path -> trackedSensitive.contains(path) || !ignore.isIgnored(path, false));

        List<String> expected = new ArrayList<>(new LinkedHashSet<>(
                stacks.stream().flatMap(s -> s.ignoreEntries().stream()).toList()));
        List<String> uncovered = expected.stream().filter(e -> !ignore.rules().ignores(e, true)).toList();
        posture.gitignore(ctx.isFile(".gitignore"), expected, uncovered);

        List<String> envFiles = valueHoldingEnvFiles(ctx);
        Set<String> trackedEnv = ignore.tracked(envFiles);
        List<String> committed = envFiles.stream().filter(trackedEnv::contains).toList();
        List<String> notIgnored = envFiles.stream().filter(f -> !ignore.isIgnored(f, false)).toList();
        posture.envFiles(envFiles, committed, notIgnored);

        List<String> needingLock = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        for (SecurityPosture.Stack stack : stacks) {
            if (!stack.lockFiles().isEmpty()) {
                needingLock.add(stack.id());
                if (stack.lockFiles().stream().anyMatch(ctx::isFile)) {
                    locked.add(stack.id());
                }
            }
        }
        posture.lockFiles(needingLock, locked);

        watchDiscovered(ctx, scan);

        List<Finding> findings = scan.kept.stream().sorted(MOST_SEVERE_FIRST).map(SecurityCard::findingJson)
                .toList();
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        SecretRule.SEVERITIES.forEach(s -> bySeverity.put(s, scan.bySeverity.getOrDefault(s, 0)));
        List<SensitiveFile> sensitive = scan.sensitiveFiles.stream()
                .map(path -> new SensitiveFile(path, !trackedSensitive.contains(path) && ignore.isIgnored(path, false)))
                .toList();
        List<EnvFileRow> envList = envFiles.stream()
                .map(name -> new EnvFileRow(name, !committed.contains(name) && !notIgnored.contains(name),
                        committed.contains(name)))
                .toList();
        ObjectNode postureJson = posture.toJson();
        List<MissingTool> missing = new ArrayList<>();
        if (ignore.gitMissing()) {
            missing.add(new MissingTool("git", "Git", "install git (e.g. apt-get install git)"));
            warnings.add("git is not installed: git-ignored checks read the root .gitignore only");
        }
        ObjectNode card = ResultJson.tree(new SecurityResult(findings, scan.findingCount,
                scan.findingCount > scan.kept.size(), bySeverity, scan.suppressed, scan.filesScanned,
                new Skipped(scan.skippedBinary, scan.skippedLarge, scan.unreadable), sensitive, envList,
                stacks.stream().map(SecurityPosture.Stack::id).toList(), ignore.method(), postureJson, missing,
                warnings));
        String grade = postureJson.get("grade").asText();
        int score = postureJson.get("score").asInt();
        return CardJson.summary(card, grade + " (" + score + ")", level(grade));
    }

    /** What one walk over the project found. */
    private static final class Scan {
        final PriorityQueue<SecretScanner.Finding> kept = new PriorityQueue<>(MOST_SEVERE_FIRST.reversed());
        final Map<String, Integer> bySeverity = new LinkedHashMap<>();
        final List<String> sensitiveFiles = new ArrayList<>();
        final Set<String> scannedTopLevel = new TreeSet<>();
        final List<String> warnings = new ArrayList<>();
        int findingCount;
        int suppressed;
        int filesScanned;
        int skippedBinary;
        int skippedLarge;
        int unreadable;

        void add(SecretScanner.Finding finding) {
            findingCount++;
            bySeverity.merge(finding.severity(), 1, Integer::sum);
            kept.add(finding);
            if (kept.size() > MAX_FINDINGS) {
                kept.poll(); // drops the least severe
            }
        }
    }

    /**
     * Walks the project once. Git-ignored files are listed (when sensitive) but not scanned: a secret in an
     * ignored file never reaches the repository (like a .env file), and build output would only repeat what the
     * sources hold. Ignored directories are still walked so sensitive files inside them are listed.
     */
    private Scan scanProject(CardContext ctx, GitIgnoreOracle ignore) {
        Scan scan = new Scan();
        ProjectWalker.Summary summary = ctx.walk(ctx.root(), (file, attrs) -> {
            visit(ctx, ignore, scan, file, attrs.size());
            return true;
        });
        scan.sensitiveFiles.sort(null);
        if (summary.truncated()) {
            scan.warnings.add("scan stopped after " + summary.files() + " files");
        }
        return scan;
    }

    private static void visit(CardContext ctx, GitIgnoreOracle ignore, Scan scan, Path file, long size) {
        String rel = ctx.rel(file);
        String name = file.getFileName().toString();
        if (isSensitive(name)) {
            scan.sensitiveFiles.add(rel);
        }
        // .env files are where secrets belong locally: their safety is the env_files check, not a finding.
        // A .git file (worktree or submodule pointer) is git's metadata, not project text.
        if (name.startsWith(".env") || name.equals(".git") || ignore.isIgnored(rel, false)) {
            return;
        }
        SecretScanner.Text text = SecretScanner.read(file, size);
        switch (text.skip()) {
            case BINARY -> scan.skippedBinary++;
            case TOO_LARGE -> scan.skippedLarge++;
            case UNREADABLE -> scan.unreadable++;
            case NONE -> {
                scan.filesScanned++;
                int slash = rel.indexOf('/');
                scan.scannedTopLevel.add(slash < 0 ? rel : rel.substring(0, slash + 1));
                SecretScanner.FileScan result = SecretScanner.scan(rel, text.content());
                result.findings().forEach(scan::add);
                scan.suppressed += result.suppressed();
            }
        }
    }

    static boolean isSensitive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_NAMES.contains(lower) || SENSITIVE_EXTENSIONS.contains(SecretScanner.extension(lower));
    }

    private static List<SecurityPosture.Stack> detectStacks(CardContext ctx) {
        boolean hasTerraform = hasRootTerraform(ctx.project(), ctx.root());
        return SecurityPosture.STACKS.stream()
                .filter(stack -> stack.markers().stream()
                        .anyMatch(marker -> marker.equals("*.tf") ? hasTerraform : ctx.isFile(marker)))
                .toList();
    }

    private static boolean hasRootTerraform(ProjectModel model, Path root) {
        return model.regularFilesIn(root).stream().anyMatch(p -> p.getFileName().toString().endsWith(".tf"));
    }

    /** {@code .env} files at the root that hold real values (templates and the vault are meant to be committed). */
    private static List<String> valueHoldingEnvFiles(CardContext ctx) {
        List<String> names = new ArrayList<>();
        // An unreadable root lists nothing; the scan reports the rest.
        ctx.project().list(ctx.root()).stream()
                .map(DirectoryEntry::name)
                .filter(EnvFileNames::holdsValues)
                .filter(ctx::isFile)
                .sorted()
                .forEach(names::add);
        return names;
    }

    /**
     * Beyond the spec's minimum: every top-level directory and root file that was scanned (a new secret anywhere
     * makes the card stale), the root {@code .env.*} files, and the manifests and lock files the posture reads.
     */
    private static void watchDiscovered(CardContext ctx, Scan scan) {
        scan.scannedTopLevel.forEach(ctx::watch);
        ctx.watch(".env.*");
        for (SecurityPosture.Stack stack : SecurityPosture.STACKS) {
            stack.markers().forEach(ctx::watch);
            stack.lockFiles().forEach(ctx::watch);
        }
    }

    private static Finding findingJson(SecretScanner.Finding finding) {
        return new Finding(finding.file(), finding.line(), finding.pattern(), finding.severity(),
                finding.matchPreview());
    }

    /** A grade's card level: A and B are fine, C and D want attention, F fails. */
    static Level level(String grade) {
        return switch (grade) {
            case "A", "B" -> Level.OK;
            case "C", "D" -> Level.DEGRADED;
            default -> Level.FAILED;
        };
    }
}
