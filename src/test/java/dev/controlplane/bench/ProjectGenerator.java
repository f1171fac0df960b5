package dev.controlplane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic polyglot monorepo of about {@code files} files: Java/Maven multi-module services,
 * Python packages, JS/TS apps (with a {@code node_modules} the walkers must skip), Go services, Kubernetes
 * manifests (kustomize base + overlays), Terraform modules and environments, Dockerfiles and Compose,
 * GitHub workflows, docs and the usual root files. Same seed and size, same tree and same bytes.
 * <p>
 * Not a git repository: a 100k-file {@code git add} would dominate the set-up time (the git card then reports
 * "not a repository", a normal card state). Run on its own with {@code BenchMain generate DIR FILES [SEED]}.
 */
public final class ProjectGenerator {
    public static final long DEFAULT_SEED = 20240611L;

    private static final String[] NOUNS = {"order", "payment", "invoice", "customer", "catalog", "cart", "shipping",
            "inventory", "pricing", "search", "review", "account", "auth", "notification", "report", "billing",
            "ledger", "profile", "session", "audit", "gateway", "scheduler", "export", "import", "media"};
    private static final String[] ROLES = {"Service", "Repository", "Controller", "Mapper", "Validator", "Client",
            "Handler", "Factory", "Config", "Event", "Request", "Response", "Policy", "Job", "Store"};
    private static final String[] WORDS = ("the a service handles requests from clients and stores results in the"
            + " database when configuration changes each module owns its data retries are bounded logs are"
            + " structured metrics exported deployment rolls out gradually").split(" ");

    private final Path root;
    private final SplittableRandom random;
    private int written;
    private final int target;

    private ProjectGenerator(Path root, int target, long seed) {
        this.root = root;
        this.target = target;
        this.random = new SplittableRandom(seed);
    }

    /** Generates into {@code root} (created; must be empty or absent). @return files written */
    public static int generate(Path root, int files, long seed) throws IOException {
        Files.createDirectories(root);
        try (var existing = Files.list(root)) {
            if (existing.findAny().isPresent()) {
                throw new IOException(root + " is not empty");
            }
        }
        ProjectGenerator g = new ProjectGenerator(root, files, seed);
        try {
            g.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return g.written;
    }

    private void run() {
        int n = target;
        rootFiles();
        github();
        // Shares of the remaining budget, roughly what a large product monorepo looks like.
        int rest = Math.max(0, n - written);
        int java = rest * 38 / 100;
        int web = rest * 16 / 100;
        int nodeModules = rest * 6 / 100;
        int python = rest * 12 / 100;
        int go = rest * 10 / 100;
        int k8s = rest * 5 / 100;
        int terraform = rest * 4 / 100;
        int docs = rest * 5 / 100;
        int scripts = rest - java - web - nodeModules - python - go - k8s - terraform - docs;
        javaServices(java);
        webApps(web, nodeModules);
        pythonPackages(python);
        goServices(go);
        kubernetes(k8s);
        terraform(terraform);
        docs(docs);
        scripts(Math.max(0, target - written));
    }

    /* ---------------- writing ---------------- */

    private void write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written++;
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(pick(WORDS));
        }
        String text = s.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String name(int i) {
        return NOUNS[i % NOUNS.length] + (i < NOUNS.length ? "" : Integer.toString(i / NOUNS.length));
    }

    /* ---------------- root ---------------- */

    private void rootFiles() {
        write("README.md", "# Acme Platform\n\n" + sentence(20) + "\n\n## Getting started\n\n```\nmake build\n```\n\n"
                + "## Architecture\n\n" + sentence(30) + "\n\n## Testing\n\n" + sentence(12) + "\n\n## Deployment\n\n"
                + sentence(15) + "\n\n## License\n\nApache-2.0\n");
        write("CHANGELOG.md", "# Changelog\n\n## 2.3.0\n\n- " + sentence(8) + "\n- " + sentence(6) + "\n");
        write("LICENSE", "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n");
        write("CONTRIBUTING.md", "# Contributing\n\n" + sentence(25) + "\n");
        write("SECURITY.md", "# Security policy\n\nReport vulnerabilities to security@acme.example.\n");
        write("CODE_OF_CONDUCT.md", "# Code of conduct\n\n" + sentence(20) + "\n");
        write(".gitignore", "target/\nnode_modules/\n__pycache__/\n.venv/\n*.pyc\ndist/\n.env\n.env.local\n.terraform/\n.state/\n");
        write(".editorconfig", "root = true\n\n[*]\nindent_style = space\nindent_size = 2\n");
        write(".dockerignore", "**/target\n**/node_modules\n.git\n");
        write(".env.example", "DATABASE_URL=postgres://localhost:5432/acme\nREDIS_URL=redis://localhost:6379\nLOG_LEVEL=info\n");
        write(".env.development", "DATABASE_URL=postgres://localhost:5432/acme_dev\nLOG_LEVEL=debug\nFEATURE_FLAGS=beta\n");
        write("Makefile", ".PHONY: build test\nbuild:\n\tmvn -B package\ntest:\n\tmvn -B verify\n\tpytest\n\tnpm test\n\tgo test ./...\n");
        write("Dockerfile", "FROM eclipse-temurin:17-jre\nWORKDIR /app\nCOPY services/gateway/target/*.jar app.jar\n"
                + "EXPOSE 8080\nUSER 1000\nHEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\n"
                + "ENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]\n");
        write("docker-compose.yml", "services:\n  gateway:\n    build: .\n    ports:\n      - \"8080:8080\"\n"
                + "    depends_on:\n      - db\n      - cache\n  db:\n    image: postgres:16\n    environment:\n"
                + "      POSTGRES_PASSWORD: example\n  cache:\n    image: redis:7\n");
        write("openapi.yaml", "openapi: 3.0.3\ninfo:\n  title: Acme API\n  version: 2.3.0\npaths:\n  /orders:\n"
                + "    get:\n      responses:\n        '200':\n          description: OK\n");
        write("netlify.toml", "[build]\n  command = \"npm run build\"\n  publish = \"web/site/dist\"\n\n[[redirects]]\n"
                + "  from = \"/api/*\"\n  to = \"https://api.acme.example/:splat\"\n  status = 200\n");
        write("CNAME", "www.acme.example\n");
        write(".pre-commit-config.yaml", "repos:\n  - repo: https://github.com/psf/black\n    rev: 24.4.2\n"
                + "    hooks:\n      - id: black\n");
        write("sonar-project.properties", "sonar.projectKey=acme-platform\nsonar.sources=.\n");
    }

    private void github() {
        String[] flows = {"ci", "release", "codeql", "nightly", "docs", "deploy-staging", "deploy-prod", "lint"};
        for (String flow : flows) {
            write(".github/workflows/" + flow + ".yml", "name: " + flow + "\non:\n  push:\n    branches: [main]\n"
                    + "  pull_request:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - uses: actions/checkout@v4\n      - uses: actions/setup-java@v4\n        with:\n"
                    + "          distribution: temurin\n          java-version: '17'\n      - run: make test\n");
        }
        write(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: maven\n    directory: /\n"
                + "    schedule:\n      interval: weekly\n  - package-ecosystem: npm\n    directory: /web/app0\n"
                + "    schedule:\n      interval: weekly\n");
        write(".github/CODEOWNERS", "* @acme/platform\n/web/ @acme/frontend\n");
        write(".github/PULL_REQUEST_TEMPLATE.md", "## What\n\n## Why\n\n## Tests\n");
    }

    /* ---------------- Java / Maven ---------------- */

    private void javaServices(int budget) {
        int perModule = 450;
        int modules = Math.max(2, budget / perModule);
        StringBuilder moduleList = new StringBuilder();
        for (int m = 0; m < modules; m++) {
            moduleList.append("    <module>services/").append(name(m)).append("</module>\n");
        }
        write("pom.xml", pom("acme-platform", "pom", "<modules>\n" + moduleList + "  </modules>\n", ""));
        int start = written;
        for (int m = 0; m < modules && written - start < budget; m++) {
            int moduleBudget = (budget - (written - start)) / (modules - m);
            javaModule(name(m), moduleBudget);
        }
    }

    private String pom(String artifact, String packaging, String modules, String dependencies) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>" + artifact
                + "</artifactId>\n  <version>2.3.0</version>\n  <packaging>" + packaging + "</packaging>\n  " + modules
                + "  <dependencies>\n" + dependencies + "  </dependencies>\n</project>\n";
    }

    private void javaModule(String module, int budget) {
        String dir = "services/" + module + "/";
        int start = written;
        String deps = "    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId><version>3.8.4</version></dependency>\n"
                + "    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency>\n";
        write(dir + "pom.xml", pom(module, "jar", "", deps));
        write(dir + "Dockerfile", "FROM eclipse-temurin:17-jre\nCOPY target/" + module + ".jar /app.jar\nUSER 1000\n"
                + "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
        write(dir + "src/main/resources/application.properties", "quarkus.http.port=8080\nacme." + module + ".enabled=true\n");
        String pkgBase = "com/acme/" + module.replaceAll("[^a-z0-9]", "") + "/";
        int p = 0;
        while (written - start < budget) {
            String pkg = pkgBase + pick(new String[] {"api", "domain", "infra", "service", "config", "util"}) + p;
            int classes = 6 + random.nextInt(10);
            for (int c = 0; c < classes && written - start < budget; c++) {
                String cls = cap(pick(NOUNS)) + pick(ROLES) + c;
                write(dir + "src/main/java/" + pkg + "/" + cls + ".java", javaClass(pkg, cls));
                if (random.nextInt(3) > 0 && written - start < budget) {
                    write(dir + "src/test/java/" + pkg + "/" + cls + "Test.java", javaTest(pkg, cls));
                }
            }
            p++;
        }
    }

    private String javaClass(String pkg, String cls) {
        StringBuilder b = new StringBuilder("package " + pkg.replace('/', '.') + ";\n\nimport java.util.List;\n\n/** "
                + sentence(10) + " */\npublic class " + cls + " {\n");
        int methods = 2 + random.nextInt(6);
        for (int m = 0; m < methods; m++) {
            b.append("    public int compute").append(m).append("(List<Integer> values) {\n")
                    .append("        int total = ").append(random.nextInt(100)).append(";\n")
                    .append("        for (int v : values) {\n            total += v * ").append(m + 1).append(";\n        }\n")
                    .append("        return total;\n    }\n\n");
        }
        return b.append("}\n").toString();
    }

    private String javaTest(String pkg, String cls) {
        StringBuilder b = new StringBuilder("package " + pkg.replace('/', '.') + ";\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import java.util.List;\n\nimport org.junit.jupiter.api.Test;\n\nclass " + cls + "Test {\n");
        int tests = 1 + random.nextInt(5);
        for (int t = 0; t < tests; t++) {
            b.append("    @Test\n    void computes").append(t).append("() {\n        assertEquals(")
                    .append(t).append(", new ").append(cls).append("().compute0(List.of()) * 0 + ").append(t)
                    .append(");\n    }\n\n");
        }
        return b.append("}\n").toString();
    }

    /* ---------------- JS / TS ---------------- */

    private void webApps(int budget, int nodeModulesBudget) {
        int apps = Math.max(1, budget / 900);
        int start = written;
        for (int a = 0; a < apps; a++) {
            String dir = "web/app" + a + "/";
            boolean vitest = a % 2 == 1;
            write(dir + "package.json", "{\n  \"name\": \"@acme/app" + a + "\",\n  \"version\": \"2.3.0\",\n  \"private\": true,\n"
                    + "  \"scripts\": {\n    \"build\": \"tsc -p .\",\n    \"test\": \"" + (vitest ? "vitest run" : "jest") + "\",\n"
                    + "    \"lint\": \"eslint src\"\n  },\n  \"dependencies\": {\n    \"react\": \"^18.3.1\",\n    \"react-dom\": \"^18.3.1\"\n  },\n"
                    + "  \"devDependencies\": {\n    \"typescript\": \"^5.4.5\",\n    \"eslint\": \"^8.57.0\",\n    \""
                    + (vitest ? "vitest\": \"^1.6.0\"" : "jest\": \"^29.7.0\"") + "\n  }\n}\n");
            write(dir + "tsconfig.json", "{\n  \"compilerOptions\": {\n    \"target\": \"ES2022\",\n    \"strict\": true,\n"
                    + "    \"jsx\": \"react-jsx\",\n    \"outDir\": \"dist\"\n  },\n  \"include\": [\"src\"]\n}\n");
            write(dir + ".eslintrc.json", "{\n  \"extends\": [\"eslint:recommended\"]\n}\n");
            write(dir + "Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
                    + "USER node\nCMD [\"node\", \"dist/index.js\"]\n");
            int appBudget = (budget - (written - start)) / (apps - a);
            int appStart = written;
            int f = 0;
            while (written - appStart < appBudget) {
                String area = pick(new String[] {"components", "lib", "hooks", "pages", "store", "api"});
                String sub = dir + "src/" + area + "/" + pick(NOUNS) + (f / 12) + "/";
                String base = cap(pick(NOUNS)) + cap(area.substring(0, area.length() - 1)) + f;
                boolean tsx = area.equals("components") || area.equals("pages");
                write(sub + base + (tsx ? ".tsx" : ".ts"), tsx
                        ? "import React from 'react';\n\nexport function " + base + "(props: { title: string }) {\n  return <div className=\"" + base.toLowerCase(Locale.ROOT) + "\">{props.title}</div>;\n}\n"
                        : "export function " + base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1) + "(values: number[]): number {\n  return values.reduce((a, b) => a + b, " + random.nextInt(10) + ");\n}\n");
                if (random.nextInt(3) == 0 && written - appStart < appBudget) {
                    write(sub + "__tests__/" + base + ".test.ts", (vitest ? "import { describe, it, expect } from 'vitest';\n" : "")
                            + "describe('" + base + "', () => {\n  it('works', () => {\n    expect(1 + 1).toBe(2);\n  });\n"
                            + "  it('still works', () => {\n    expect([1].length).toBe(1);\n  });\n});\n");
                }
                f++;
            }
        }
        // A node_modules tree: every walker must skip it, so it costs nothing but disk.
        int nm = 0;
        while (nm < nodeModulesBudget) {
            String pkg = "web/app0/node_modules/" + pick(NOUNS) + "-lib" + (nm / 20) + "/";
            write(pkg + (nm % 20 == 0 ? "package.json" : "lib/file" + nm + ".js"), nm % 20 == 0
                    ? "{\"name\": \"" + pick(NOUNS) + "-lib\", \"version\": \"1.0." + nm + "\"}\n"
                    : "module.exports = function f" + nm + "() { return " + nm + "; };\n");
            nm++;
        }
    }

    /* ---------------- Python ---------------- */

    private void pythonPackages(int budget) {
        int packages = Math.max(1, budget / 700);
        int start = written;
        for (int p = 0; p < packages; p++) {
            String pkg = "py_" + name(p).replaceAll("[^a-z0-9]", "");
            String dir = "python/" + pkg + "/";
            write(dir + "pyproject.toml", "[project]\nname = \"" + pkg + "\"\nversion = \"2.3.0\"\nrequires-python = \">=3.11\"\n"
                    + "dependencies = [\"requests>=2.31\", \"pydantic>=2.7\"]\n\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n\n"
                    + "[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n");
            write(dir + "requirements.txt", "requests==2.31.0\npydantic==2.7.1\nfastapi==0.111.0\n");
            write(dir + "Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n"
                    + "USER 1000\nCMD [\"python\", \"-m\", \"" + pkg + "\"]\n");
            write(dir + "src/" + pkg + "/__init__.py", "\"\"\"" + sentence(6) + "\"\"\"\n");
            int pkgBudget = (budget - (written - start)) / (packages - p);
            int pkgStart = written;
            int f = 0;
            while (written - pkgStart < pkgBudget) {
                String sub = dir + "src/" + pkg + "/" + pick(NOUNS) + (f / 10) + "/";
                String mod = pick(NOUNS) + "_" + f;
                if (f % 10 == 0) {
                    write(sub + "__init__.py", "");
                }
                write(sub + mod + ".py", "from dataclasses import dataclass\n\n\n@dataclass\nclass " + cap(pick(NOUNS)) + f + ":\n"
                        + "    value: int = " + random.nextInt(100) + "\n\n    def total(self, items: list[int]) -> int:\n"
                        + "        return sum(items) + self.value\n");
                if (random.nextInt(3) == 0 && written - pkgStart < pkgBudget) {
                    write(dir + "tests/" + pick(NOUNS) + (f / 15) + "/test_" + mod + ".py", "import pytest\n\n\ndef test_" + mod + "():\n"
                            + "    assert 1 + 1 == 2\n\n\ndef test_" + mod + "_again():\n    assert [1]\n");
                }
                f++;
            }
        }
    }

    /* ---------------- Go ---------------- */

    private void goServices(int budget) {
        int services = Math.max(1, budget / 600);
        int start = written;
        for (int s = 0; s < services; s++) {
            String svc = "go" + name(s).replaceAll("[^a-z0-9]", "");
            String dir = "go/" + svc + "/";
            write(dir + "go.mod", "module github.com/acme/" + svc + "\n\ngo 1.22\n\nrequire (\n\tgithub.com/stretchr/testify v1.9.0\n"
                    + "\tgo.uber.org/zap v1.27.0\n)\n");
            write(dir + "cmd/" + svc + "/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"" + svc + "\")\n}\n");
            write(dir + "Dockerfile", "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/" + svc
                    + "\n\nFROM gcr.io/distroless/base\nCOPY --from=build /out/app /app\nUSER nonroot\nENTRYPOINT [\"/app\"]\n");
            int svcBudget = (budget - (written - start)) / (services - s);
            int svcStart = written;
            int f = 0;
            while (written - svcStart < svcBudget) {
                String pkg = pick(NOUNS) + (f / 8);
                String file = dir + "internal/" + pkg + "/" + pick(NOUNS) + f;
                write(file + ".go", "package " + pkg.replaceAll("[^a-z0-9]", "") + "\n\n// Total " + sentence(5) + "\nfunc Total" + f
                        + "(values []int) int {\n\tt := " + random.nextInt(9) + "\n\tfor _, v := range values {\n\t\tt += v\n\t}\n\treturn t\n}\n");
                if (random.nextBoolean() && written - svcStart < svcBudget) {
                    write(file + "_test.go", "package " + pkg.replaceAll("[^a-z0-9]", "") + "\n\nimport \"testing\"\n\nfunc TestTotal" + f
                            + "(t *testing.T) {\n\tif Total" + f + "(nil) < 0 {\n\t\tt.Fatal(\"negative\")\n\t}\n}\n");
                }
                f++;
            }
        }
    }

    /* ---------------- Kubernetes ---------------- */

    private void kubernetes(int budget) {
        int start = written;
        List<String> services = new ArrayList<>();
        int s = 0;
        while (written - start < budget * 3 / 4) {
            String svc = name(s++);
            services.add(svc);
            String dir = "k8s/base/" + svc + "/";
            write(dir + "deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + svc + "\n  labels:\n    app: " + svc
                    + "\nspec:\n  replicas: " + (1 + random.nextInt(4)) + "\n  selector:\n    matchLabels:\n      app: " + svc + "\n  template:\n"
                    + "    metadata:\n      labels:\n        app: " + svc + "\n    spec:\n      containers:\n        - name: " + svc
                    + "\n          image: ghcr.io/acme/" + svc + ":2.3.0\n          ports:\n            - containerPort: 8080\n"
                    + "          resources:\n            limits:\n              memory: 512Mi\n              cpu: 500m\n");
            write(dir + "service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + svc + "\nspec:\n  selector:\n    app: " + svc
                    + "\n  ports:\n    - port: 80\n      targetPort: 8080\n");
            write(dir + "configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + svc + "-config\ndata:\n  LOG_LEVEL: info\n");
            write(dir + "kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                    + "  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\n");
        }
        for (String env : new String[] {"dev", "staging", "prod"}) {
            StringBuilder k = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: acme-" + env + "\nresources:\n");
            services.forEach(svc -> k.append("  - ../../base/").append(svc).append('\n'));
            write("k8s/overlays/" + env + "/kustomization.yaml", k.toString());
        }
        int p = 0;
        while (written - start < budget) {
            String env = new String[] {"dev", "staging", "prod"}[p % 3];
            String svc = services.get(p % services.size());
            write("k8s/overlays/" + env + "/patches/" + svc + "-" + p + ".yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + svc
                    + "\nspec:\n  replicas: " + (1 + p % 5) + "\n");
            p++;
        }
    }

    /* ---------------- Terraform ---------------- */

    private void terraform(int budget) {
        int start = written;
        write("terraform/versions.tf", "terraform {\n  required_version = \">= 1.6\"\n  required_providers {\n    aws = {\n"
                + "      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }\n  }\n}\n");
        int m = 0;
        while (written - start < budget * 2 / 3) {
            String mod = name(m++);
            String dir = "terraform/modules/" + mod + "/";
            write(dir + "main.tf", "resource \"aws_s3_bucket\" \"" + mod + "\" {\n  bucket = \"acme-" + mod + "\"\n}\n\n"
                    + "resource \"aws_iam_role\" \"" + mod + "\" {\n  name               = \"" + mod + "\"\n  assume_role_policy = \"{}\"\n}\n\n"
                    + "resource \"aws_cloudwatch_log_group\" \"" + mod + "\" {\n  name = \"/acme/" + mod + "\"\n}\n");
            write(dir + "variables.tf", "variable \"environment\" {\n  type    = string\n  default = \"dev\"\n}\n");
            write(dir + "outputs.tf", "output \"bucket\" {\n  value = aws_s3_bucket." + mod + ".id\n}\n");
        }
        int e = 0;
        while (written - start < budget) {
            String env = new String[] {"dev", "staging", "prod"}[e % 3];
            String mod = name(e / 3);
            write("terraform/envs/" + env + "/" + mod + ".tf", "module \"" + mod + "\" {\n  source      = \"../../modules/" + mod + "\"\n"
                    + "  environment = \"" + env + "\"\n}\n");
            e++;
        }
    }

    /* ---------------- docs, scripts ---------------- */

    private void docs(int budget) {
        int start = written;
        int f = 0;
        while (written - start < budget) {
            String section = f % 7 == 0 ? "adr" : pick(new String[] {"guides", "reference", "runbooks", "architecture", "api"});
            String file = "docs/" + section + "/" + (section.equals("adr") ? String.format(Locale.ROOT, "%04d-", f) : "") + pick(NOUNS) + "-" + f + ".md";
            write(file, "# " + cap(pick(NOUNS)) + " " + f + "\n\n" + sentence(25) + "\n\n## Details\n\n" + sentence(40) + "\n");
            f++;
        }
    }

    private void scripts(int budget) {
        for (int i = 0; i < budget; i++) {
            write("scripts/" + (i / 50) + "/" + pick(NOUNS) + "-" + i + ".sh", "#!/usr/bin/env bash\nset -euo pipefail\necho \"" + sentence(5) + "\"\n");
        }
    }
}
