package dev.controlplane.project.manifests;

import static dev.controlplane.project.manifests.DepsFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.project.manifests.DependencyReader.ManifestFile;
import dev.controlplane.project.manifests.DependencyReader.Scan;

class DependencyReaderTest {

    @TempDir
    Path dir;

    /** source_file | name | version | dev | manager, in the reader's order. */
    private static List<String> rows(Scan scan) {
        return scan.dependencies().stream()
                .map(d -> d.sourceFile() + " | " + d.name() + " | " + d.version() + " | " + (d.dev() ? "dev" : "runtime")
                        + " | " + d.manager().id())
                .toList();
    }

    private static Scan read(Path root) {
        return DependencyReader.read(root, 24, path -> {
        });
    }

    @Test
    void polyglotProjectDeclaresExactlyThese() {
        Scan scan = read(DepsFixtures.polyglot());
        assertEquals(List.of(
                "Gemfile | rails | ~> 7.1.3 | runtime | bundler",
                "Gemfile | pg | >= 1.1, < 2.0 | runtime | bundler",
                "Gemfile | sidekiq |  | runtime | bundler",
                "Gemfile | bootsnap |  | runtime | bundler",
                "Gemfile | rspec-rails | ~> 6.1 | dev | bundler",
                "Gemfile | rubocop |  | dev | bundler",
                "Gemfile | aws-sdk-s3 |  | runtime | bundler",
                "Gemfile | jruby-openssl |  | runtime | bundler",
                "Gemfile | debug |  | dev | bundler",
                "api/pom.xml | io.quarkus:quarkus-rest |  | runtime | maven",
                "api/pom.xml | io.quarkus:quarkus-rest-client |  | runtime | maven",
                "api/pom.xml | com.fasterxml.jackson.core:jackson-databind | 2.17.1 | runtime | maven",
                "api/pom.xml | com.example:core | 1.4.0 | runtime | maven",
                "api/pom.xml | org.junit.jupiter:junit-jupiter | 5.10.2 | dev | maven",
                "cli-rs/Cargo.toml | serde | 1.0 | runtime | cargo",
                "cli-rs/Cargo.toml | tokio | 1.37 | runtime | cargo",
                "cli-rs/Cargo.toml | reqwest | 0.12 | runtime | cargo",
                "cli-rs/Cargo.toml | polyglot-common | ../common-rs | runtime | cargo",
                "cli-rs/Cargo.toml | ureq | 2.9 | runtime | cargo",
                "cli-rs/Cargo.toml | cc | 1.0 | runtime | cargo",
                "cli-rs/Cargo.toml | criterion | 0.5 | dev | cargo",
                "cli-rs/Cargo.toml | libc | 0.2 | runtime | cargo",
                "core/pom.xml | io.quarkus:quarkus-hibernate-orm-panache |  | runtime | maven",
                "core/pom.xml | org.postgresql:postgresql | 42.7.3 | runtime | maven",
                "core/pom.xml | software.amazon.awssdk:s3 | 2.25.60 | runtime | maven",
                "core/pom.xml | org.example:internal-lib | ${internal.version} | runtime | maven",
                "core/pom.xml | io.quarkus:quarkus-junit |  | dev | maven",
                "core/pom.xml | org.slf4j:slf4j-api | 2.0.13 | dev | maven",
                "package.json | express | ^4.19.2 | runtime | npm",
                "package.json | pg | ^8.11.5 | runtime | npm",
                "package.json | axios | 1.7.2 | runtime | npm",
                "package.json | private-lib | git+https://github.com/example/private-lib.git#v1.2.0 | runtime | npm",
                "package.json | react | ^18.2.0 | runtime | npm",
                "package.json | jest | ^29.7.0 | dev | npm",
                "package.json | eslint | ^9.3.0 | dev | npm",
                "package.json | typescript | ~5.4.5 | dev | npm",
                "pom.xml | org.slf4j:slf4j-api | 2.0.13 | runtime | maven",
                "pyproject.toml | fastapi | >=0.111 | runtime | pip",
                "pyproject.toml | SQLAlchemy | >=2.0,<3 | runtime | pip",
                "pyproject.toml | pydantic |  | runtime | pip",
                "pyproject.toml | mypy | ==1.10.0 | dev | pip",
                "pyproject.toml | asyncpg | >=0.29 | runtime | pip",
                "requirements-dev.txt | pytest | ==8.2.0 | dev | pip",
                "requirements-dev.txt | ruff | >=0.4.4 | dev | pip",
                "requirements-dev.txt | Django | ==5.0.6 | dev | pip",
                "common.txt | redis | >=5.0 | runtime | pip",
                "common.txt | celery | ==5.4.0 | runtime | pip",
                "requirements.txt | Django | ==5.0.6 | runtime | pip",
                "requirements.txt | requests | >=2.31,<3 | runtime | pip",
                "requirements.txt | psycopg2-binary | ==2.9.9 | runtime | pip",
                "requirements.txt | boto3 |  | runtime | pip",
                "requirements.txt | private-tools | git+https://github.com/example/private-tools.git@v2 | runtime | pip",
                "svc-go/go.mod | github.com/gin-gonic/gin | v1.10.0 | runtime | go",
                "svc-go/go.mod | github.com/jackc/pgx/v5 | v5.6.0 | runtime | go",
                "svc-go/go.mod | github.com/stretchr/testify | v1.9.0 | runtime | go"), rows(scan));
        assertEquals(List.of(), scan.warnings());
    }

    @Test
    void polyglotManifestsIncludeNestedModulesAndIncludesButNotVendoredCode() {
        Scan scan = read(DepsFixtures.polyglot());
        assertEquals(List.of("Gemfile", "api/pom.xml", "cli-rs/Cargo.toml", "common.txt", "core/pom.xml",
                "package.json", "pom.xml", "pyproject.toml", "requirements-dev.txt", "requirements.txt",
                "svc-go/go.mod"), scan.dependencyFiles().stream().map(ManifestFile::path).toList());
        assertEquals(List.of("package-lock.json", "svc-go/go.sum"),
                scan.lockFiles().stream().map(ManifestFile::path).toList());
        assertEquals(PackageManager.PIP, scan.dependencyFiles().get(3).manager()); // common.txt, reached by -r
        assertTrue(scan.dependencies().stream().noneMatch(d -> d.name().contains("must")),
                "node_modules/ and vendor/ are never read");
    }

    @Test
    void everyFileReadIsWatched() {
        java.util.Set<String> watched = new java.util.LinkedHashSet<>();
        DependencyReader.read(DepsFixtures.polyglot(), 24, watched::add);
        assertTrue(watched.containsAll(List.of("api/pom.xml", "core/pom.xml",
                "svc-go/go.mod", "svc-go/go.sum", "cli-rs/Cargo.toml", "common.txt", "package-lock.json")));
    }

    @Test
    void credentialsInDependencyUrlsAreNeverReported() {
        String all = read(DepsFixtures.polyglot()).dependencies().toString();
        assertFalse(all.contains("not-a-real-token"), all);
        assertFalse(all.contains("ci-user"), all);
    }

    @Test
    void malformedManifestsBecomeWarnings() {
        Scan scan = read(DepsFixtures.malformed());
        List<String> warnings = scan.warnings();
        assertEquals(10, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Cargo.toml: invalid TOML"), warnings.get(0));
        assertEquals("Gemfile: unbalanced 'end'", warnings.get(1));
        assertEquals("go.mod: malformed require line", warnings.get(2));
        assertEquals("go.mod: no module directive", warnings.get(3));
        assertTrue(warnings.get(4).startsWith("package.json: invalid JSON"), warnings.get(4));
        assertTrue(warnings.get(5).startsWith("pom.xml: invalid XML"), warnings.get(5));
        assertTrue(warnings.get(6).startsWith("pyproject.toml: invalid TOML"), warnings.get(6));
        assertEquals("requirements.txt: -r missing.txt not found in the project", warnings.get(7));
        assertEquals("requirements.txt: line 3 is not a requirement", warnings.get(8));
        assertEquals("web/package.json: dependencies is not an object", warnings.get(9));
        // the valid parts of the same files are still read
        assertEquals(List.of("Gemfile | rack | ~> 3.0 | runtime | bundler",
                "go.mod | github.com/gin-gonic/gin | v1.10.0 | runtime | go",
                "requirements.txt | flask | ==3.0.3 | runtime | pip",
                "web/package.json | vite | ^5.2.0 | dev | npm"), rows(scan));
        // a malformed manifest still names its manager
        assertEquals(List.of("Cargo.toml", "Gemfile", "go.mod", "package.json", "pom.xml", "pyproject.toml",
                "requirements.txt", "web/package.json"), scan.dependencyFiles().stream().map(ManifestFile::path).toList());
    }

    @Test
    void emptyDirectoryHasNothing() {
        Scan scan = read(dir);
        assertEquals(List.of(), scan.manifests());
        assertEquals(List.of(), scan.dependencies());
        assertEquals(List.of(), scan.warnings());
    }

    @Test
    void missingDirectoryHasNothing() {
        Scan scan = read(dir.resolve("gone"));
        assertEquals(List.of(), scan.manifests());
        assertEquals(List.of(), scan.warnings());
    }

    @Test
    void poetryProjectWithGroups() throws IOException {
        write(dir, "pyproject.toml", """
                [tool.poetry]
                name = "svc"

                [tool.poetry.dependencies]
                python = "^3.11"
                flask = "^3.0"
                requests = { version = "^2.31", extras = ["socks"] }
                mylib = { git = "https://gitlab-ci-token:abc123@gitlab.example.com/team/mylib.git" }

                [tool.poetry.group.dev.dependencies]
                pytest = "^8.2"

                [tool.poetry.group.main.dependencies]
                click = "*"

                [tool.poetry.dev-dependencies]
                black = "24.4.2"
                """);
        write(dir, "poetry.lock", "# lock\n");
        Scan scan = read(dir);
        assertEquals(List.of(
                "pyproject.toml | flask | ^3.0 | runtime | poetry",
                "pyproject.toml | requests | ^2.31 | runtime | poetry",
                "pyproject.toml | mylib | https://gitlab.example.com/team/mylib.git | runtime | poetry",
                "pyproject.toml | black | 24.4.2 | dev | poetry",
                "pyproject.toml | pytest | ^8.2 | dev | poetry",
                "pyproject.toml | click | * | runtime | poetry"), rows(scan));
        assertEquals(List.of(new ManifestFile("poetry.lock", PackageManager.POETRY, true),
                new ManifestFile("pyproject.toml", PackageManager.POETRY, false)), scan.manifests());
    }

    @Test
    void pep735GroupsAndToolOnlyPyproject() throws IOException {
        write(dir, "pyproject.toml", """
                [project]
                name = "lib"
                dependencies = ["attrs>=23"]

                [dependency-groups]
                test = ["pytest>=8", {include-group = "lint"}]
                lint = ["ruff"]
                """);
        write(dir, "frontend/pyproject.toml", "[tool.black]\nline-length = 100\n");
        Scan scan = read(dir);
        assertEquals(List.of("pyproject.toml | attrs | >=23 | runtime | pip",
                "pyproject.toml | pytest | >=8 | dev | pip",
                "pyproject.toml | ruff |  | dev | pip"), rows(scan));
        assertEquals(List.of("pyproject.toml"), scan.manifests().stream().map(ManifestFile::path).toList(),
                "a pyproject that only configures tools is no Python project");
    }

    @Test
    void pipfileAndRequirementsDirectory() throws IOException {
        write(dir, "Pipfile", """
                [[source]]
                url = "https://pypi.org/simple"

                [packages]
                flask = "*"
                sqlalchemy = {version = ">=2.0", extras = ["asyncio"]}

                [dev-packages]
                pytest = "==8.2.0"
                """);
        write(dir, "requirements/base.txt", "httpx==0.27.0\n");
        write(dir, "requirements/test.txt", "-r base.txt\n-r ../../outside.txt\npytest-cov==5.0.0\n");
        Scan scan = read(dir);
        assertEquals(List.of("Pipfile | flask | * | runtime | pipenv",
                "Pipfile | sqlalchemy | >=2.0 | runtime | pipenv",
                "Pipfile | pytest | ==8.2.0 | dev | pipenv",
                "requirements/base.txt | httpx | ==0.27.0 | runtime | pip",
                "requirements/test.txt | pytest-cov | ==5.0.0 | dev | pip"), rows(scan));
        assertEquals(List.of("requirements/test.txt: -r ../../outside.txt not found in the project"), scan.warnings());
    }

    @Test
    void javascriptManagerFollowsTheNearestLockFile() throws IOException {
        String pkg = "{\"dependencies\": {\"lodash\": \"^4.17.21\"}}";
        write(dir, "package.json", pkg);
        write(dir, "yarn.lock", "# yarn lockfile v1\n");
        write(dir, "packages/ui/package.json", pkg); // workspace member: the root yarn.lock
        write(dir, "tools/pnpm-app/package.json", pkg);
        write(dir, "tools/pnpm-app/pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        write(dir, "tools/declared/package.json", "{\"packageManager\": \"pnpm@9.1.0\", \"dependencies\": {}}");
        Scan scan = read(dir);
        assertEquals(List.of(
                new ManifestFile("package.json", PackageManager.YARN, false),
                new ManifestFile("packages/ui/package.json", PackageManager.YARN, false),
                new ManifestFile("tools/declared/package.json", PackageManager.YARN, false),
                new ManifestFile("tools/pnpm-app/package.json", PackageManager.PNPM, false),
                new ManifestFile("tools/pnpm-app/pnpm-lock.yaml", PackageManager.PNPM, true),
                new ManifestFile("yarn.lock", PackageManager.YARN, true)), scan.manifests());
        Files.delete(dir.resolve("yarn.lock"));
        Scan unlocked = read(dir);
        assertEquals(PackageManager.NPM, unlocked.manifests().get(0).manager(), "no lock, no packageManager: npm");
        assertEquals(new ManifestFile("tools/declared/package.json", PackageManager.PNPM, false),
                unlocked.manifests().get(2), "packageManager decides without a lock");
    }

    @Test
    void gradleScriptsInBothDialects() throws IOException {
        write(dir, "gradle.properties", "kotlinVersion=1.9.24\nsigning.password=hunter2\n");
        write(dir, "build.gradle", """
                buildscript {
                    dependencies { classpath 'com.android.tools.build:gradle:8.4.0' }
                }
                ext { junitVersion = '5.10.2' }
                dependencies {
                    implementation 'org.springframework.boot:spring-boot-starter-web:3.3.0'
                    implementation platform('org.springframework.boot:spring-boot-dependencies:3.3.0')
                    implementation "org.jetbrains.kotlin:kotlin-stdlib:$kotlinVersion"
                    runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.3'
                    testImplementation "org.junit.jupiter:junit-jupiter:${junitVersion}"
                    // implementation 'commented:out:1.0'
                    /* testImplementation 'also:commented:1.0' */
                    implementation 'com.google.guava:guava:33.2.0-jre@jar'
                    implementation 'org.example:dynamic:1.+'
                    compileOnly 'org.projectlombok:lombok'
                }
                """);
        write(dir, "app/build.gradle.kts", """
                val ktorVersion = "2.3.11"
                plugins { id("org.jetbrains.kotlin.jvm") version "1.9.24" }
                dependencies {
                    implementation("io.ktor:ktor-server-core:$ktorVersion")
                    implementation(libs.some.catalog.entry)
                    implementation(project(":core"))
                    androidTestImplementation("androidx.test:runner:1.5.2")
                    kapt("com.google.dagger:dagger-compiler:2.51")
                }
                """);
        Scan scan = read(dir);
        assertEquals(List.of(
                "app/build.gradle.kts | io.ktor:ktor-server-core | 2.3.11 | runtime | gradle",
                "app/build.gradle.kts | androidx.test:runner | 1.5.2 | dev | gradle",
                "app/build.gradle.kts | com.google.dagger:dagger-compiler | 2.51 | runtime | gradle",
                "build.gradle | org.springframework.boot:spring-boot-starter-web | 3.3.0 | runtime | gradle",
                "build.gradle | org.jetbrains.kotlin:kotlin-stdlib | 1.9.24 | runtime | gradle",
                "build.gradle | org.junit.jupiter:junit-jupiter | 5.10.2 | dev | gradle",
                "build.gradle | com.google.guava:guava | 33.2.0-jre | runtime | gradle",
                "build.gradle | org.example:dynamic | 1.+ | runtime | gradle",
                "build.gradle | org.projectlombok:lombok |  | runtime | gradle",
                "build.gradle | org.postgresql:postgresql | 42.7.3 | runtime | gradle"), rows(scan));
    }

    @Test
    void dotnetProjects() throws IOException {
        write(dir, "src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <ItemGroup>
                    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" />
                    <PackageReference Include="Serilog.AspNetCore">
                      <Version>8.0.1</Version>
                    </PackageReference>
                    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
                    <PackageReference Update="Ignored.Update" Version="1.0" />
                  </ItemGroup>
                </Project>
                """);
        write(dir, "tests/Api.Tests/Api.Tests.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.10.0" />
                    <PackageReference Include="xunit" Version="2.8.1" />
                  </ItemGroup>
                </Project>
                """);
        Scan scan = read(dir);
        assertEquals(List.of(
                "src/Api/Api.csproj | Npgsql.EntityFrameworkCore.PostgreSQL | 8.0.4 | runtime | dotnet",
                "src/Api/Api.csproj | Serilog.AspNetCore | 8.0.1 | runtime | dotnet",
                "src/Api/Api.csproj | StyleCop.Analyzers | 1.1.118 | dev | dotnet",
                "tests/Api.Tests/Api.Tests.csproj | Microsoft.NET.Test.Sdk | 17.10.0 | dev | dotnet",
                "tests/Api.Tests/Api.Tests.csproj | xunit | 2.8.1 | dev | dotnet"), rows(scan));
    }

    @Test
    void cargoWorkspaceMembersAndGemfileGroupOptions() throws IOException {
        write(dir, "Cargo.toml", """
                [workspace]
                members = ["crates/*"]

                [workspace.dependencies]
                anyhow = "1.0"
                """);
        write(dir, "crates/app/Cargo.toml", """
                [package]
                name = "app"

                [dependencies]
                anyhow = { workspace = true }
                """);
        write(dir, "Gemfile", """
                gem 'puma', '~> 6.4'
                gem "factory_bot", groups: [:development, :test]
                gem("pry", group: :development)
                gem 'lograge', group: [:development, :production]
                group :test do
                  platforms :mri do
                    gem 'simplecov'
                  end
                  gem 'webmock' # stubs HTTP
                end
                gem 'rack-attack'
                """);
        Scan scan = read(dir);
        assertEquals(List.of(
                "Gemfile | puma | ~> 6.4 | runtime | bundler",
                "Gemfile | factory_bot |  | dev | bundler",
                "Gemfile | pry |  | dev | bundler",
                "Gemfile | lograge |  | runtime | bundler",
                "Gemfile | simplecov |  | dev | bundler",
                "Gemfile | webmock |  | dev | bundler",
                "Gemfile | rack-attack |  | runtime | bundler",
                "crates/app/Cargo.toml | anyhow | workspace | runtime | cargo"), rows(scan));
        assertEquals(List.of(), scan.warnings());
    }

    @Test
    void goModSingleLinesAndIndirects() throws IOException {
        write(dir, "go.mod", """
                module example.com/x // the module

                go 1.22

                require golang.org/x/sync v0.7.0 // indirect
                require "github.com/spf13/cobra" v1.8.0
                exclude github.com/old/thing v1.0.0
                tool golang.org/x/tools/cmd/stringer
                """);
        assertEquals(List.of("go.mod | github.com/spf13/cobra | v1.8.0 | runtime | go"), rows(read(dir)));
    }

    @Test
    void oversizedManifestIsSkippedWithAWarning() throws IOException {
        write(dir, "requirements.txt", "flask==3.0.3\n" + "#".repeat(6 * 1024 * 1024));
        write(dir, "package.json", "{\"dependencies\": {\"a\": \"1\"}, \"pad\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}");
        Scan scan = read(dir);
        assertEquals(List.of(), scan.dependencies());
        assertEquals(List.of("package.json: skipped, 6 MB is over the 5 MB limit",
                "requirements.txt: skipped, 6 MB is over the 5 MB limit"), scan.warnings());
    }

    @Test
    void linksOutOfTheProjectAreNotFollowed() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        write(outside, "package.json", "{\"dependencies\": {\"outside\": \"1\"}}");
        write(outside, "secret.txt", "leaked==1.0\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createSymbolicLink(project.resolve("linked"), outside);
        Files.createSymbolicLink(project.resolve("loop"), project);
        write(project, "requirements.txt", "-r linked/secret.txt\nflask==3.0.3\n");
        Scan scan = read(project);
        assertEquals(List.of("requirements.txt | flask | ==3.0.3 | runtime | pip"), rows(scan));
        assertEquals(List.of("requirements.txt: -r linked/secret.txt not found in the project"), scan.warnings());
    }
}
