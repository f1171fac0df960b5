package dev.controlplane.project.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DependencyCatalogueTest {

    @Test
    void quarkusRestIsAWebFrameworkAndItsClientAnHttpClient() {
        DependencyCatalogue.Entry rest = DependencyCatalogue.lookup("java", "io.quarkus:quarkus-rest").orElseThrow();
        assertEquals("web_framework", rest.category());
        assertEquals("Quarkus", rest.label());
        assertFalse(rest.isClient());
        // the longer prefix quarkus-rest-client* wins over quarkus-rest*
        DependencyCatalogue.Entry client = DependencyCatalogue.lookup("java", "io.quarkus:quarkus-rest-client-jackson")
                .orElseThrow();
        assertEquals("http_client", client.category());
        assertEquals("http", client.clientType());
    }

    @Test
    void namesAreNormalisedPerEcosystem() {
        assertEquals("database_driver", DependencyCatalogue.category("python", "Psycopg2_Binary"));
        assertEquals("orm", DependencyCatalogue.category("python", "SQLAlchemy"));
        assertEquals("serialization", DependencyCatalogue.category("rust", "serde_json"));
        assertEquals("cache", DependencyCatalogue.category("dotnet", "stackexchange.redis"));
        assertEquals("cloud_sdk", DependencyCatalogue.category("go", "github.com/Azure/azure-sdk-for-go/sdk/storage"));
    }

    @Test
    void prefixesAndArtifactFallback() {
        assertEquals("AWS", DependencyCatalogue.lookup("javascript", "@aws-sdk/client-s3").orElseThrow().service());
        assertEquals("test", DependencyCatalogue.category("python", "pytest-cov"));
        // a relocated/forked groupId still matches on its artifactId
        assertEquals("PostgreSQL", DependencyCatalogue.lookup("java", "com.impossibl.fork:postgresql").orElseThrow()
                .service());
        assertEquals("test", DependencyCatalogue.category("java", "org.example:junit-jupiter-params"));
    }

    @Test
    void sameNameDiffersByEcosystem() {
        assertEquals("PostgreSQL", DependencyCatalogue.lookup("ruby", "pg").orElseThrow().service());
        assertEquals("PostgreSQL", DependencyCatalogue.lookup("javascript", "pg").orElseThrow().service());
        assertTrue(DependencyCatalogue.lookup("python", "pg").isEmpty());
    }

    @Test
    void unknownPackagesAreOther() {
        assertEquals("other", DependencyCatalogue.category("java", "com.example:core"));
        assertEquals("other", DependencyCatalogue.category("cobol", "anything"));
        assertTrue(DependencyCatalogue.lookup("java", null).isEmpty());
    }
}
