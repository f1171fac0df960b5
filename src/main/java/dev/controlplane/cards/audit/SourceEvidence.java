package dev.controlplane.cards.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.controlplane.cards.CardContext;
import dev.controlplane.project.build.BuildFiles.Entrypoint;
import dev.controlplane.project.build.BuildFiles;
import dev.controlplane.project.build.SourceTree;
import dev.controlplane.project.files.MakefileTargets;

/**
 * The evidence of {@code audit:structure} that only the sources show: main classes and files, endpoint code, a
 * Python main that parses arguments, root Makefile targets. Each source is read at most once and only up to
 * {@link #MAX_SOURCE_BYTES}.
 */
final class SourceEvidence {
    static final List<String> MAKEFILES = List.of("Makefile", "makefile", "GNUmakefile");
    static final long MAX_SOURCE_BYTES = 512 * 1024;
    private static final Pattern JVM_MAIN = Pattern.compile(
            "^\\s*(?:(?:public|final)\\s+)*static\\s+(?:final\\s+)?void\\s+main\\s*\\(|^\\s*@QuarkusMain\\b"
                    + "|^\\s*fun\\s+main\\s*\\(", Pattern.MULTILINE);
    private static final Pattern JVM_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern JVM_ENDPOINT = Pattern.compile(
            "^\\s*@(?:Path|RestController|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping|RequestMapping)\\b",
            Pattern.MULTILINE);
    private static final Pattern SCRIPT_ENDPOINT = Pattern.compile(
            "^\\s*@\\w+\\.(?:get|post|put|delete|patch|route|api_route)\\(|\\bAPIRouter\\(" // Python
                    + "|\\b(?:app|router|server|api)\\.(?:get|post|put|delete|patch)\\(\\s*['\"`]/" // Express-style
                    + "|\\.(?:HandleFunc|Handle|GET|POST|PUT|DELETE)\\(\\s*\"/", // Go
            Pattern.MULTILINE);
    private static final Pattern PYTHON_CLI = Pattern.compile(
            "^\\s*(?:import|from)\\s+(?:argparse|click|typer|fire)\\b|\\bsys\\.argv\\b", Pattern.MULTILINE);

    private SourceEvidence() {
    }

    /** Java/Kotlin main classes and endpoint annotations, reading each main source once. */
    static void scanJvmSources(CardContext ctx, SourceTree tree, StructureFlags flags, List<Entrypoint> mains) {
        for (Path file : tree.jvmSources()) {
            String text = readSource(file);
            if (text == null) {
                continue;
            }
            String rel = ctx.rel(file);
            String name = file.getFileName().toString();
            String className = name.substring(0, name.lastIndexOf('.'));
            if (JVM_MAIN.matcher(text).find() || className.endsWith("Application") && !className.equals("Application")
                    || className.equals("Application") && text.contains("@SpringBootApplication")) {
                Matcher pkg = JVM_PACKAGE.matcher(text);
                mains.add(new Entrypoint("main", pkg.find() ? pkg.group(1) + "." + className : className, rel));
            }
            if (JVM_ENDPOINT.matcher(text).find()) {
                flags.add("has_api", "endpoint code " + rel);
            }
        }
    }

    static void scanEndpointSources(CardContext ctx, SourceTree tree, StructureFlags flags) {
        for (Path file : tree.endpointSources()) {
            if (flags.evidence.get("has_api").size() >= StructureFlags.MAX_EVIDENCE) {
                return;                             // enough evidence: no need to open more files
            }
            String text = readSource(file);
            if (text != null && SCRIPT_ENDPOINT.matcher(text).find()) {
                flags.add("has_api", "endpoint code " + ctx.rel(file));
            }
        }
    }

    /** Python, Go and Rust main files; a Python main that parses arguments also counts as a CLI. */
    static void scriptMains(CardContext ctx, SourceTree tree, StructureFlags flags, List<Entrypoint> mains) {
        for (Path file : tree.pythonMains()) {
            String rel = ctx.rel(file);
            String name = file.getFileName().toString();
            String dir = BuildFiles.parentDir(rel);
            String label = name.equals("__main__.py") && !dir.isEmpty() ? dir.substring(dir.lastIndexOf('/') + 1) : name;
            mains.add(new Entrypoint("main", label, rel));
            String text = readSource(file);
            if (text != null && PYTHON_CLI.matcher(text).find()) {
                flags.add("has_cli", "argument parsing in " + rel);
            }
        }
        for (Path file : tree.goMains()) {
            String dir = BuildFiles.parentDir(ctx.rel(file));
            mains.add(new Entrypoint("main", dir.isEmpty() ? "main" : dir.substring(dir.lastIndexOf('/') + 1),
                    ctx.rel(file)));
        }
        for (Path file : tree.rustMains()) {
            String rel = ctx.rel(file);
            String name = file.getFileName().toString();
            mains.add(new Entrypoint("main", rel.contains("src/bin/") ? name.substring(0, name.length() - 3) : "main",
                    rel));
        }
    }

    static List<Entrypoint> makeTargets(CardContext ctx) {
        for (String makefile : MAKEFILES) {
            if (ctx.isFile(makefile)) {
                String text = readSource(ctx.path(makefile));
                if (text != null) {
                    return MakefileTargets.parse(text).stream().map(t -> new Entrypoint("make", t, makefile)).toList();
                }
            }
        }
        return List.of();
    }

    /** A source file's text for scanning, or null when it is over 512 KB, missing or unreadable. */
    static String readSource(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_SOURCE_BYTES) {
                return null;
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
