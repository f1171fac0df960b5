package dev.controlplane.cards.devops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.LicenseNames;
import dev.controlplane.project.files.ReadmeHeadings;
import dev.controlplane.project.files.SecretScanner;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The project's documentation: README (with its headings), documentation directories, the usual community files
 * (changelog, licence with its name, contributing guide, code of conduct, security policy) and API specs.
 */
@ApplicationScoped
public class DocsCard implements Card {
    static final int MAX_HEADINGS = 10;
    static final int MAX_API_SPECS = 50;

    static final List<String> DOC_DIRS = List.of("docs", "doc", "documentation", "wiki");
    /** Extensions that make a file in a doc directory count as a document. */
    static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "asciidoc", "txt");

    private static final List<String> README = List.of("README.md", "README.markdown", "README.rst", "README.adoc",
            "README.txt", "README");
    private static final List<String> CHANGELOG = List.of("CHANGELOG.md", "CHANGELOG.rst", "CHANGELOG.adoc",
            "CHANGELOG.txt", "CHANGELOG", "CHANGES.md", "CHANGES.rst", "CHANGES", "HISTORY.md", "HISTORY.rst",
            "NEWS.md", "NEWS");
    private static final List<String> CONTRIBUTING = variants("CONTRIBUTING");
    private static final List<String> CODE_OF_CONDUCT = variants("CODE_OF_CONDUCT");
    private static final List<String> SECURITY = variants("SECURITY");
    /** GitHub reads community files from the root, .github/ and docs/, in that order. */
    private static final List<String> COMMUNITY_DIRS = List.of("", ".github", "docs");
    private static final Pattern LICENSE_FILE = Pattern.compile("(?i)(licen[cs]e|copying|unlicense)([-._].*)?");
    private static final Pattern API_SPEC_FILE = Pattern.compile("(?i)(openapi|swagger)[^/]*\\.(ya?ml|json)");

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("docs")
            .title("Documentation")
            .description("README, documentation folders, community files, licence and API specs")
            .tab(Tab.DEVOPS)
            .order(60)
            .watch(List.of("docs/", "README.md", "CHANGELOG.md", "LICENSE", "CONTRIBUTING.md", "openapi.yaml", "openapi.json"))
            .alias("/api/docs/status")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    private static List<String> variants(String base) {
        return List.of(base + ".md", base + ".rst", base + ".adoc", base + ".txt", base);
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> warnings = new ArrayList<>();
        Set<String> docFiles = new TreeSet<>();

        Optional<String> readme = findIn(ctx, "", README);
        readme.ifPresent(docFiles::add);
        Readme readmeResult = readmeJson(ctx, readme);

        List<DocDir> dirs = new ArrayList<>();
        for (String dir : DOC_DIRS) {
            if (ctx.isDirectory(dir)) {
                dirs.add(docDir(ctx, dir, docFiles));
                ctx.watch(dir + "/");
            }
        }

        Optional<String> changelog = findIn(ctx, "", CHANGELOG);
        changelog.ifPresent(docFiles::add);
        Presence changelogResult = presence(changelog);

        List<String> licenses = licenseFiles(ctx);
        docFiles.addAll(licenses);
        License license = licenseJson(ctx, licenses);

        Presence contributing = presence(community(ctx, CONTRIBUTING, docFiles));
        Presence codeOfConduct = presence(community(ctx, CODE_OF_CONDUCT, docFiles));
        Presence securityPolicy = presence(community(ctx, SECURITY, docFiles));

        List<ApiSpec> specs = apiSpecs(ctx, warnings);
        ObjectNode card = ResultJson.tree(new DocsResult(readmeResult, dirs, changelogResult, license, contributing,
                codeOfConduct, securityPolicy, specs, docFiles.size(), warnings));
        // Files found under other names or places than the spec's watch list (README.rst, .github/SECURITY.md).
        docFiles.stream().filter(f -> !insideDocDir(f)).forEach(ctx::watch);

        int count = docFiles.size();
        Level level = count == 0 ? Level.NONE : readme.isEmpty() ? Level.DEGRADED : Level.OK;
        return CardJson.summary(card, CardJson.plural(count, "doc", "docs"), level);
    }

    @RegisterForReflection
    record DocsResult(Readme readme, @JsonProperty("doc_dirs") List<DocDir> docDirs, Presence changelog,
            License license, Presence contributing, @JsonProperty("code_of_conduct") Presence codeOfConduct,
            @JsonProperty("security_policy") Presence securityPolicy,
            @JsonProperty("api_specs") List<ApiSpec> apiSpecs, @JsonProperty("doc_files") int docFiles,
            List<String> warnings) {
    }

    /** The README with its first {@link #MAX_HEADINGS} headings and how many there are in all. */
    @RegisterForReflection
    record Readme(boolean exists, String path, long size, int lines, List<String> headings,
            @JsonProperty("heading_count") int headingCount) {
    }

    @RegisterForReflection
    record DocDir(String path, @JsonProperty("file_count") int fileCount, @JsonProperty("doc_count") int docCount,
            @JsonProperty("total_size") long totalSize) {
    }

    /** A community file: whether it exists and where (empty path when it does not). */
    @RegisterForReflection
    record Presence(boolean exists, String path) {
    }

    @RegisterForReflection
    record License(boolean exists, String path, String name, List<String> files) {
    }

    @RegisterForReflection
    record ApiSpec(String path, String format, String version, String title) {
    }

    /**
     * The first of {@code candidates} present in {@code dir}, compared without case (README.md, Readme.md and
     * readme.md are one file to a reader); the path keeps the file's real spelling.
     */
    private static Optional<String> findIn(CardContext ctx, String dir, List<String> candidates) {
        Map<String, String> byLowerName = new HashMap<>();
        Path base = dir.isEmpty() ? ctx.root() : ctx.path(dir);
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        ctx.project().regularFilesIn(base).stream()
                .map(p -> p.getFileName().toString())
                .sorted()
                .forEach(n -> byLowerName.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        for (String candidate : candidates) {
            String real = byLowerName.get(candidate.toLowerCase(Locale.ROOT));
            if (real != null) {
                return Optional.of(dir.isEmpty() ? real : dir + "/" + real);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> community(CardContext ctx, List<String> candidates, Set<String> docFiles) {
        for (String dir : COMMUNITY_DIRS) {
            Optional<String> found = findIn(ctx, dir, candidates);
            if (found.isPresent()) {
                docFiles.add(found.get());
                return found;
            }
        }
        return Optional.empty();
    }

    private static Readme readmeJson(CardContext ctx, Optional<String> readme) {
        String text = readme.map(r -> Manifests.text(ctx.path(r))).orElse(null);
        long size = 0;
        if (readme.isPresent()) {
            try {
                size = Files.size(ctx.path(readme.get()));
            } catch (IOException e) {
                size = 0; // vanished since it was listed
            }
        }
        List<String> headings = text == null ? List.of() : ReadmeHeadings.of(readme.get(), text);
        return new Readme(readme.isPresent(), readme.orElse(""), size, text == null ? 0 : lineCount(text),
                List.copyOf(headings.subList(0, Math.min(MAX_HEADINGS, headings.size()))), headings.size());
    }

    private static boolean insideDocDir(String path) {
        return DOC_DIRS.stream().anyMatch(dir -> path.startsWith(dir + "/"));
    }

    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return text.endsWith("\n") ? lines : lines + 1;
    }

    private static DocDir docDir(CardContext ctx, String dir, Set<String> docFiles) {
        int[] counts = new int[2];
        long[] size = new long[1];
        ctx.walk(ctx.path(dir), (file, attrs) -> {
            counts[0]++;
            size[0] += attrs.size();
            if (DOC_EXTENSIONS.contains(SecretScanner.extension(file.getFileName().toString()))) {
                counts[1]++;
                docFiles.add(ctx.rel(file));
            }
            return true;
        });
        return new DocDir(dir, counts[0], counts[1], size[0]);
    }

    private static Presence presence(Optional<String> path) {
        return new Presence(path.isPresent(), path.orElse(""));
    }

    /** LICENSE, LICENCE.md, COPYING, and dual-licence pairs such as LICENSE-MIT + LICENSE-APACHE. */
    private static List<String> licenseFiles(CardContext ctx) {
        // An unreadable root lists nothing: no licence found.
        return ctx.project().regularFilesIn(ctx.root()).stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> LICENSE_FILE.matcher(n).matches())
                .sorted()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Several licence files mean a choice of licences: their names are joined with " OR " (SPDX style). */
    private static License licenseJson(CardContext ctx, List<String> files) {
        Set<String> names = new LinkedHashSet<>();
        for (String file : files) {
            String name = LicenseNames.detect(Manifests.text(ctx.path(file)));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new License(!files.isEmpty(), files.isEmpty() ? "" : files.get(0), String.join(" OR ", names),
                List.copyOf(files));
    }

    /**
     * {@code openapi*.{yaml,yml,json}} and {@code swagger*} files anywhere in the project (Quarkus keeps one in
     * {@code src/main/resources/META-INF/}) whose content says which spec they are; a generator config that only
     * shares the name is left out.
     */
    private static List<ApiSpec> apiSpecs(CardContext ctx, List<String> warnings) {
        List<ApiSpec> specs = new ArrayList<>();
        List<Path> files = ctx.files(ctx.root(), MAX_API_SPECS,
                p -> API_SPEC_FILE.matcher(p.getFileName().toString()).matches());
        files.sort(null);
        for (Path file : files) {
            String rel = ctx.rel(file);
            boolean json = rel.toLowerCase(Locale.ROOT).endsWith(".json");
            JsonNode doc;
            if (json) {
                ParsedFile<JsonNode> parsed = Manifests.json(file, ctx.root());
                if (parsed.warning() != null) {
                    warnings.add(parsed.warning());
                }
                doc = parsed.value();
            } else {
                ParsedFile<List<JsonNode>> parsed = Manifests.yaml(file, ctx.root());
                if (parsed.warning() != null) {
                    warnings.add(parsed.warning());
                }
                doc = parsed.value() == null || parsed.value().isEmpty() ? null : parsed.value().get(0);
            }
            if (doc == null) {
                continue;
            }
            String format = doc.hasNonNull("openapi") ? "openapi" : doc.hasNonNull("swagger") ? "swagger" : null;
            if (format == null) {
                continue;
            }
            specs.add(new ApiSpec(rel, format, doc.get(format).asText(), doc.path("info").path("title").asText("")));
            ctx.watch(rel);
        }
        return specs;
    }
}
