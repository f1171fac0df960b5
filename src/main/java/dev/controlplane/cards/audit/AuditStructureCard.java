package dev.controlplane.cards.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.build.BuildFiles.Entrypoint;
import dev.controlplane.project.build.BuildFiles.Module;
import dev.controlplane.project.build.BuildFiles;
import dev.controlplane.project.build.SourceTree;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What kind of solution the project is, from its files alone. Each flag is true when at least one rule
 * matches, and {@code detected_by.<flag>} lists the first matches as evidence:
 * <ul>
 * <li>{@code has_web}: a web server or UI framework among the dependencies ({@link #WEB_SERVER_DEPS},
 * {@link #WEB_UI_DEPS}), or web assets: any {@code index.html}, HTML under {@code src/main/webapp/},
 * {@code src/main/resources/templates|static|META-INF/resources/}, {@code templates/}, {@code public/},
 * {@code static/}, or {@code .vue/.svelte/.jsx/.tsx} sources.</li>
 * <li>{@code has_api}: an API definition ({@code openapi*}/{@code swagger*} YAML/JSON, {@code .proto},
 * {@code .graphql}), an API framework dependency ({@link #API_DEPS}), or endpoint code: JAX-RS {@code @Path},
 * Spring {@code @RestController}/{@code @*Mapping}, Python {@code @x.get(}/{@code @x.route(}/{@code APIRouter(},
 * Express-style {@code app.get("/...")}, Go {@code HandleFunc("/...")}.</li>
 * <li>{@code has_cli}: a declared command (package.json {@code bin}, pyproject scripts, setup
 * {@code console_scripts}, Cargo {@code [[bin]]}), a {@code __main__.py} or {@code src/bin/*.rs}, a CLI library
 * dependency ({@link #CLI_DEPS}), or a Python main file importing argparse/click/typer/fire or reading
 * {@code sys.argv}.</li>
 * <li>{@code has_docs}: files under {@code docs/}, {@code doc/}, {@code documentation/} or {@code wiki/}, or a
 * doc-site config (mkdocs, Docusaurus, mdBook, Antora). A README alone is not documentation here.</li>
 * <li>{@code has_tests}: source files under a test directory ({@code test/}, {@code tests/},
 * {@code __tests__/}, {@code spec/}, {@code e2e/}, {@code testdata/}, which covers {@code src/test/}) or named
 * like tests ({@code test_*.py}, {@code *_test.go}, {@code *.test.ts}, {@code *Test.java}, {@code *IT.java} …).
 * Files in test paths (fixtures included) are evidence of tests only, never of the other flags, entry points
 * or modules.</li>
 * <li>{@code has_iac}: {@code *.tf}, {@code *.bicep}, Helm {@code Chart.yaml}, Kustomize, Pulumi, CDK,
 * Serverless or Ansible files, or YAML/HCL/JSON under {@code k8s/}, {@code kubernetes/}, {@code helm/},
 * {@code charts/}, {@code terraform/}, {@code infra/}, {@code pulumi/}, {@code ansible/}.</li>
 * <li>{@code has_ci}: a workflow in {@code .github/workflows/}, or {@code .gitlab-ci.yml}, {@code Jenkinsfile},
 * {@code .circleci/config.yml}, {@code .travis.yml}, {@code azure-pipelines.yml},
 * {@code bitbucket-pipelines.yml}, {@code .drone.yml}.</li>
 * <li>{@code has_docker}: a Dockerfile/Containerfile anywhere the safe walk reaches, or a Compose file at the
 * root.</li>
 * </ul>
 * Entry points: {@code main} (Java/Kotlin classes with a main method, {@code @QuarkusMain} or named
 * {@code *Application}; Python {@code __main__.py}/{@code main.py}/{@code app.py}/{@code manage.py}; Go
 * {@code main.go}; Rust {@code src/main.rs} and {@code src/bin/*.rs}), {@code bin} and {@code script}
 * (package.json, pyproject, Cargo), {@code make} (root Makefile targets), {@code build-plugin} (Maven/Gradle
 * plugins that package an application) and {@code main-class} (declared in the build).
 * <p>
 * {@code solution_type} is {@code [multi-component ]<primary language> <kind>}: kind is "web app" (a UI, or a
 * web server without recognised API code), "api service", "cli", "app" (an entry point but no interface
 * detected) or "library"; multi-component means two or more modules, or build manifests in two or more
 * directories. Without source code: "infrastructure", "documentation", "static site" or "project"; without any
 * file: "empty project".
 */
@ApplicationScoped
public class AuditStructureCard implements Card {
    static final int MAX_ENTRYPOINTS = 100;

    static final Set<String> WEB_SERVER_DEPS = Set.of("spring-boot-starter-web", "spring-boot-starter-webflux",
            "spring-webmvc", "quarkus-rest", "quarkus-rest-jackson", "quarkus-resteasy", "quarkus-resteasy-reactive",
            "quarkus-resteasy-jackson", "quarkus-vertx-http", "quarkus-undertow", "micronaut-http-server-netty",
            "javalin", "jakarta.servlet-api", "javax.servlet-api", "ktor-server-core", "ktor-server-netty", "flask",
            "fastapi", "starlette", "aiohttp", "tornado", "bottle", "sanic", "express", "fastify", "koa",
            "@nestjs/core", "@hapi/hapi", "github.com/gin-gonic/gin", "github.com/labstack/echo",
            "github.com/gofiber/fiber", "github.com/go-chi/chi", "github.com/gorilla/mux", "actix-web", "axum",
            "rocket", "warp", "sinatra");
    static final Set<String> WEB_UI_DEPS = Set.of("react", "react-dom", "vue", "svelte", "@sveltejs/kit",
            "@angular/core", "next", "nuxt", "preact", "solid-js", "spring-boot-starter-thymeleaf", "quarkus-qute",
            "quarkus-rest-qute", "django", "rails");
    static final Set<String> API_DEPS = Set.of("fastapi", "djangorestframework", "flask-restful", "flask-restx",
            "connexion", "graphene", "strawberry-graphql", "ariadne", "grpcio", "quarkus-smallrye-openapi",
            "quarkus-smallrye-graphql", "quarkus-grpc", "springdoc-openapi-starter-webmvc-ui", "springdoc-openapi-ui",
            "spring-boot-starter-graphql", "spring-boot-starter-data-rest", "grpc-stub", "@nestjs/swagger",
            "@apollo/server", "apollo-server", "apollo-server-express", "graphql-yoga", "@trpc/server",
            "google.golang.org/grpc", "github.com/99designs/gqlgen", "tonic", "async-graphql");
    static final Set<String> CLI_DEPS = Set.of("picocli", "quarkus-picocli", "commons-cli", "jcommander",
            "spring-shell-starter", "clikt", "kotlinx-cli", "click", "typer", "fire", "docopt", "cleo", "commander",
            "yargs", "oclif", "@oclif/core", "meow", "cac", "github.com/spf13/cobra", "github.com/urfave/cli",
            "github.com/alecthomas/kong", "clap", "structopt", "argh", "thor");
    static final List<String> CI_FILES = List.of(".gitlab-ci.yml", "Jenkinsfile", ".circleci/config.yml",
            ".travis.yml", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".drone.yml");
    static final List<String> COMPOSE_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    // Declarations and annotations are matched at the start of a line: the same words inside a string or a
    // comment (a code generator, this very class) are not a main method or an endpoint.

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("audit:structure")
            .title("Structure")
            .description("What the solution is made of: interfaces, tests, docs, infrastructure, entry points and modules.")
            .tab(Tab.AUDIT)
            .order(30)
            .watch(List.of("project.yml", "src/", "Dockerfile", "docker-compose.yml", ".github/workflows/", "Makefile"))
            .alias("/api/audit/structure")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        SourceTree tree = SourceTree.scan(ctx);
        BuildFiles build = new BuildFiles(ctx);
        tree.manifests().forEach(build::read);

        StructureFlags flags = new StructureFlags();
        boolean webUi = dependencyFlags(build, flags);
        webUi |= !tree.webAssets().isEmpty();
        flags.addAll("has_web", tree.webAssets());
        flags.addAll("has_api", tree.apiSpecs());
        flags.addAll("has_cli", tree.cliFiles());
        build.consoleScripts().forEach(manifest -> flags.add("has_cli", "console scripts (" + manifest + ")"));
        build.entrypoints().stream().filter(e -> e.type().equals("bin"))
                .forEach(e -> flags.add("has_cli", "bin " + e.name() + " (" + e.path() + ")"));
        flags.addAll("has_docs", tree.docs());
        flags.addAll("has_tests", tree.tests());
        flags.addAll("has_iac", tree.iac());
        flags.addAll("has_docker", tree.dockerfiles());
        COMPOSE_FILES.stream().filter(ctx::isFile).forEach(file -> flags.add("has_docker", file));
        ciFlags(ctx, flags);

        List<Entrypoint> mains = new ArrayList<>();
        SourceEvidence.scanJvmSources(ctx, tree, flags, mains);
        SourceEvidence.scanEndpointSources(ctx, tree, flags);
        SourceEvidence.scriptMains(ctx, tree, flags, mains);

        List<Entrypoint> entrypoints = new ArrayList<>(mains);
        build.entrypoints().stream().filter(e -> e.type().equals("bin") || e.type().equals("script"))
                .forEach(entrypoints::add);
        SourceEvidence.makeTargets(ctx).forEach(entrypoints::add);
        build.entrypoints().stream().filter(e -> e.type().equals("build-plugin") || e.type().equals("main-class"))
                .forEach(entrypoints::add);

        List<Module> modules = new ArrayList<>(build.modules());
        String solutionType = SolutionType.of(tree, flags, webUi, modules, !entrypoints.isEmpty());
        return json(tree, build, flags, entrypoints, modules, solutionType);
    }

    /** Dependency-based evidence; returns whether a UI framework is among them. */
    private static boolean dependencyFlags(BuildFiles build, StructureFlags flags) {
        boolean webUi = false;
        for (Map.Entry<String, String> dependency : build.dependencies().entrySet()) {
            String name = dependency.getKey();
            String reason = "dependency " + name + " (" + dependency.getValue() + ")";
            if (WEB_UI_DEPS.contains(name)) {
                webUi = true;
                flags.add("has_web", reason);
            } else if (WEB_SERVER_DEPS.contains(name)) {
                flags.add("has_web", reason);
            }
            if (API_DEPS.contains(name)) {
                flags.add("has_api", reason);
            }
            if (CLI_DEPS.contains(name)) {
                flags.add("has_cli", reason);
            }
        }
        return webUi;
    }

    private static void ciFlags(CardContext ctx, StructureFlags flags) {
        ctx.files(ctx.path(".github/workflows"), 50, file -> {
            String name = file.getFileName().toString();
            return name.endsWith(".yml") || name.endsWith(".yaml");
        }).stream().map(ctx::rel).sorted().forEach(path -> flags.add("has_ci", path));
        for (String file : CI_FILES) {
            ctx.watch(file);
            if (ctx.isFile(file)) {
                flags.add("has_ci", file);
            }
        }
    }

    private ObjectNode json(SourceTree tree, BuildFiles build, StructureFlags flags, List<Entrypoint> entrypoints,
            List<Module> modules, String solutionType) {
        Map<String, Integer> languages = new LinkedHashMap<>();
        tree.languages().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> languages.put(e.getKey(), e.getValue()));
        Structure structure = new Structure(flags.is("has_cli"), flags.is("has_web"), flags.is("has_api"),
                flags.is("has_docs"), flags.is("has_tests"), flags.is("has_iac"), flags.is("has_ci"),
                flags.is("has_docker"), flags.evidence,
                entrypoints.stream().limit(MAX_ENTRYPOINTS).map(e -> new EntrypointRow(e.type(), e.name(), e.path()))
                        .toList(),
                entrypoints.size(), languages, SolutionType.primaryLanguage(tree.languages()),
                modules.stream().sorted(Comparator.comparing(Module::kind).thenComparing(Module::path))
                        .map(m -> new ModuleRow(m.name(), m.path(), m.kind())).toList(),
                tree.files(), solutionType, build.warnings());
        return CardJson.summary(ResultJson.tree(structure), solutionType, tree.files() == 0 ? Level.NONE : Level.OK);
    }

    /**
     * The flags in {@link StructureFlags}' order; {@code detected_by} is that same flag → evidence map, and
     * {@code languages} (language → file count, most files first) is keyed by what the project holds.
     */
    @RegisterForReflection
    record Structure(@JsonProperty("has_cli") boolean hasCli, @JsonProperty("has_web") boolean hasWeb,
            @JsonProperty("has_api") boolean hasApi, @JsonProperty("has_docs") boolean hasDocs,
            @JsonProperty("has_tests") boolean hasTests, @JsonProperty("has_iac") boolean hasIac,
            @JsonProperty("has_ci") boolean hasCi, @JsonProperty("has_docker") boolean hasDocker,
            @JsonProperty("detected_by") Map<String, Set<String>> detectedBy, List<EntrypointRow> entrypoints,
            @JsonProperty("entrypoint_count") int entrypointCount, Map<String, Integer> languages,
            @JsonProperty("primary_language") String primaryLanguage, List<ModuleRow> modules,
            @JsonProperty("file_count") int fileCount, @JsonProperty("solution_type") String solutionType,
            List<String> warnings) {
    }

    @RegisterForReflection
    record EntrypointRow(String type, String name, String path) {
    }

    @RegisterForReflection
    record ModuleRow(String name, String path, String kind) {
    }
}
