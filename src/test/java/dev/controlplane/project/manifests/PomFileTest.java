package dev.controlplane.project.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.project.ProjectModel;
import dev.controlplane.testing.TestFiles;

/** One reader of pom.xml, parsed once per refresh for every consumer. */
class PomFileTest {
    @TempDir
    Path root;

    private static final String POM = """
            <project>
              <groupId>com.acme</groupId><artifactId>app</artifactId><version>1.0</version>
              <properties><junit.version>5.10.0</junit.version></properties>
              <modules><module>core</module><module> </module></modules>
              <dependencies>
                <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                  <version>${junit.version}</version><scope>test</scope></dependency>
              </dependencies>
              <build><plugins>
                <plugin><artifactId>quarkus-maven-plugin</artifactId>
                  <configuration><mainClass>com.acme.Main</mainClass></configuration></plugin>
                <plugin><artifactId>maven-compiler-plugin</artifactId><configuration>
                  <compilerArgs><arg>-Xplugin:ErrorProne</arg></compilerArgs>
                  <annotationProcessorPaths><path><groupId>com.google.errorprone</groupId>
                    <artifactId>error_prone_core</artifactId></path></annotationProcessorPaths>
                </configuration></plugin>
              </plugins></build>
            </project>
            """;

    @Test
    void everyConsumerReadsTheOneParse() {
        Path pom = TestFiles.write(root.resolve("pom.xml"), POM);
        ProjectModel model = new ProjectModel(root);

        PomFile file = PomFile.read(model, pom, root).value();
        assertEquals(List.of("quarkus-maven-plugin", "maven-compiler-plugin"), file.plugins());
        assertEquals(List.of("com.acme.Main"), file.mainClasses());
        assertEquals(List.of("core"), file.modules());
        assertEquals("5.10.0", file.project().properties().get("junit.version"));

        PomFacts facts = PomFacts.read(model, pom, root).value();
        assertEquals(Set.of("quarkus-maven-plugin", "maven-compiler-plugin"), facts.pluginArtifactIds());
        assertTrue(facts.errorProne());
        assertEquals("junit-jupiter", facts.junitArtifact().orElseThrow());

        DependencyReader.Scan scan = DependencyReader.read(model, 8, path -> { });
        Dependency junit = scan.dependencies().get(0);
        assertEquals("org.junit.jupiter:junit-jupiter", junit.name());
        assertEquals("5.10.0", junit.version());
        assertTrue(junit.dev());

        assertEquals(1, model.parsesMade(), "one parse of pom.xml for the three readings");
    }

    @Test
    void aMalformedPomIsAWarning() {
        Path pom = TestFiles.write(root.resolve("pom.xml"), "<project>");
        assertTrue(PomFile.read(new ProjectModel(root), pom, root).warning().contains("pom.xml"));
    }
}
