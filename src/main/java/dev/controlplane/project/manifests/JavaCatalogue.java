package dev.controlplane.project.manifests;

import static dev.controlplane.project.manifests.DependencyCatalogue.AI;
import static dev.controlplane.project.manifests.DependencyCatalogue.API_DOCS;
import static dev.controlplane.project.manifests.DependencyCatalogue.BUILD;
import static dev.controlplane.project.manifests.DependencyCatalogue.CACHE;
import static dev.controlplane.project.manifests.DependencyCatalogue.CLOUD_SDK;
import static dev.controlplane.project.manifests.DependencyCatalogue.DATABASE_DRIVER;
import static dev.controlplane.project.manifests.DependencyCatalogue.DEPLOYMENT;
import static dev.controlplane.project.manifests.DependencyCatalogue.EMAIL;
import static dev.controlplane.project.manifests.DependencyCatalogue.FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.HTTP_CLIENT;
import static dev.controlplane.project.manifests.DependencyCatalogue.JAKARTA_API;
import static dev.controlplane.project.manifests.DependencyCatalogue.LOGGING;
import static dev.controlplane.project.manifests.DependencyCatalogue.MESSAGING;
import static dev.controlplane.project.manifests.DependencyCatalogue.OBSERVABILITY;
import static dev.controlplane.project.manifests.DependencyCatalogue.ORM;
import static dev.controlplane.project.manifests.DependencyCatalogue.RESILIENCE;
import static dev.controlplane.project.manifests.DependencyCatalogue.RPC;
import static dev.controlplane.project.manifests.DependencyCatalogue.SECURITY;
import static dev.controlplane.project.manifests.DependencyCatalogue.SERIALIZATION;
import static dev.controlplane.project.manifests.DependencyCatalogue.TEMPLATING;
import static dev.controlplane.project.manifests.DependencyCatalogue.TEST;
import static dev.controlplane.project.manifests.DependencyCatalogue.UTILITY;
import static dev.controlplane.project.manifests.DependencyCatalogue.VALIDATION;
import static dev.controlplane.project.manifests.DependencyCatalogue.WEB_FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.client;
import static dev.controlplane.project.manifests.DependencyCatalogue.lib;

/**
 * The Java ecosystem beyond the classic libraries: Quarkus, Spring and Micronaut extensions and starters, Jakarta
 * and MicroProfile APIs, test libraries, JDBC and reactive drivers, observability, messaging and cloud SDKs, by
 * group and artifact patterns. A family's catch-all ({@code io.quarkus:quarkus-*} = a Quarkus extension) is the
 * shortest pattern, so every more specific rule wins over it (longest pattern wins).
 */
final class JavaCatalogue {
    private static final String J = "java";

    private JavaCatalogue() {
    }

    static void register() {
        quarkus();
        spring();
        micronaut();
        apis();
        tests();
        drivers();
        observability();
        messagingAndCloud();
        misc();
    }

    private static void quarkus() {
        lib(J, "io.quarkus:quarkus-*", FRAMEWORK, "Quarkus extension");
        lib(J, "io.quarkus.*:*", FRAMEWORK, "Quarkus");
        lib(J, "io.quarkiverse*:*", FRAMEWORK, "Quarkiverse extension");
        lib(J, "io.quarkus:quarkus-websockets*", WEB_FRAMEWORK, "Quarkus");
        lib(J, "io.quarkus:quarkus-vertx-http", WEB_FRAMEWORK, "Quarkus");
        lib(J, "io.quarkus:quarkus-undertow", WEB_FRAMEWORK, "Quarkus");
        lib(J, "io.quarkus:quarkus-reactive-routes", WEB_FRAMEWORK, "Quarkus");
        lib(J, "io.quarkus:quarkus-hibernate-reactive*", ORM, "Hibernate Reactive");
        lib(J, "io.quarkus:quarkus-panache*", ORM, "Panache");
        lib(J, "io.quarkus:quarkus-flyway", ORM, "Flyway migrations");
        lib(J, "io.quarkus:quarkus-liquibase*", ORM, "Liquibase migrations");
        client(J, "io.quarkus:quarkus-mongodb-panache*", ORM, "MongoDB Panache", "MongoDB", "database");
        client(J, "io.quarkus:quarkus-reactive-mysql-client", DATABASE_DRIVER, "Reactive MySQL", "MySQL", "database");
        client(J, "io.quarkus:quarkus-reactive-mssql-client", DATABASE_DRIVER, "Reactive SQL Server", "SQL Server", "database");
        client(J, "io.quarkus:quarkus-reactive-oracle-client", DATABASE_DRIVER, "Reactive Oracle", "Oracle", "database");
        client(J, "io.quarkus:quarkus-reactive-db2-client", DATABASE_DRIVER, "Reactive Db2", "Db2", "database");
        client(J, "io.quarkus:quarkus-jdbc-*", DATABASE_DRIVER, "JDBC driver", "SQL database", "database");
        lib(J, "io.quarkus:quarkus-jdbc-h2", DATABASE_DRIVER, "H2 (embedded)");
        lib(J, "io.quarkus:quarkus-agroal", DATABASE_DRIVER, "Agroal connection pool");
        lib(J, "io.quarkus:quarkus-hibernate-validator", VALIDATION, "Hibernate Validator");
        lib(J, "io.quarkus:quarkus-smallrye-openapi", API_DOCS, "SmallRye OpenAPI");
        lib(J, "io.quarkus:quarkus-swagger-ui", API_DOCS, "Swagger UI");
        lib(J, "io.quarkus:quarkus-smallrye-health", OBSERVABILITY, "SmallRye Health");
        lib(J, "io.quarkus:quarkus-micrometer*", OBSERVABILITY, "Micrometer");
        lib(J, "io.quarkus:quarkus-smallrye-metrics", OBSERVABILITY, "SmallRye Metrics");
        client(J, "io.quarkus:quarkus-opentelemetry*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        lib(J, "io.quarkus:quarkus-logging-*", LOGGING, "Quarkus logging");
        lib(J, "io.quarkus:quarkus-kubernetes*", DEPLOYMENT, "Kubernetes");
        lib(J, "io.quarkus:quarkus-openshift*", DEPLOYMENT, "OpenShift");
        lib(J, "io.quarkus:quarkus-container-image-*", DEPLOYMENT, "Container image");
        lib(J, "io.quarkus:quarkus-minikube", DEPLOYMENT, "Minikube");
        lib(J, "io.quarkus:quarkus-kind", DEPLOYMENT, "kind");
        lib(J, "io.quarkiverse.helm:*", DEPLOYMENT, "Helm");
        lib(J, "io.quarkus:quarkus-messaging*", MESSAGING, "Quarkus Messaging");
        lib(J, "io.quarkus:quarkus-smallrye-reactive-messaging*", MESSAGING, "SmallRye Reactive Messaging");
        client(J, "io.quarkus:quarkus-smallrye-reactive-messaging-kafka", MESSAGING, "Reactive Messaging Kafka", "Kafka", "queue");
        client(J, "io.quarkus:quarkus-kafka-streams", MESSAGING, "Kafka Streams", "Kafka", "queue");
        client(J, "io.quarkus:quarkus-messaging-amqp", MESSAGING, "Quarkus Messaging AMQP", "AMQP broker", "queue");
        lib(J, "io.quarkus:quarkus-apicurio-registry*", SERIALIZATION, "Apicurio Registry");
        lib(J, "io.quarkus:quarkus-avro", SERIALIZATION, "Avro");
        lib(J, "io.quarkus:quarkus-jackson", SERIALIZATION, "Jackson");
        lib(J, "io.quarkus:quarkus-jsonb", SERIALIZATION, "JSON-B");
        lib(J, "io.quarkus:quarkus-junit*", TEST, "Quarkus JUnit");
        lib(J, "io.quarkus:quarkus-test-*", TEST, "Quarkus test support");
        lib(J, "io.quarkus:quarkus-jacoco", TEST, "JaCoCo coverage");
        lib(J, "io.quarkus:quarkus-panache-mock", TEST, "Panache mocks");
        lib(J, "io.quarkiverse.pact:*", TEST, "Pact contract tests");
        lib(J, "io.quarkiverse.wiremock:*", TEST, "WireMock");
        lib(J, "io.quarkus:quarkus-oidc*", SECURITY, "OpenID Connect");
        lib(J, "io.quarkus:quarkus-smallrye-jwt*", SECURITY, "SmallRye JWT");
        lib(J, "io.quarkus:quarkus-security*", SECURITY, "Quarkus Security");
        lib(J, "io.quarkus:quarkus-elytron*", SECURITY, "Elytron security");
        lib(J, "io.quarkus:quarkus-smallrye-fault-tolerance", RESILIENCE, "SmallRye Fault Tolerance");
        lib(J, "io.quarkus:quarkus-grpc*", RPC, "gRPC");
        lib(J, "io.quarkus:quarkus-smallrye-stork", HTTP_CLIENT, "Stork service discovery");
        lib(J, "io.quarkus:quarkus-cache", CACHE, "Quarkus Cache");
        client(J, "io.quarkus:quarkus-infinispan-client", CACHE, "Infinispan client", "Infinispan", "cache");
        client(J, "io.quarkus:quarkus-elasticsearch*", DATABASE_DRIVER, "Elasticsearch client", "Elasticsearch", "search");
        client(J, "io.quarkus:quarkus-hibernate-search*", ORM, "Hibernate Search", "Elasticsearch", "search");
        lib(J, "io.quarkiverse.langchain4j:*", AI, "LangChain4j");
        client(J, "io.quarkiverse.googlecloudservices:*", CLOUD_SDK, "Quarkus Google Cloud", "Google Cloud", "cloud");
        client(J, "io.quarkiverse.azureservices:*", CLOUD_SDK, "Quarkus Azure services", "Azure", "cloud");
        lib(J, "io.quarkiverse.openapi.generator:*", API_DOCS, "OpenAPI generator");
    }

    private static void spring() {
        lib(J, "org.springframework*:*", FRAMEWORK, "Spring");
        lib(J, "org.springframework.boot:spring-boot-starter*", FRAMEWORK, "Spring Boot starter");
        lib(J, "org.springframework.cloud:*", FRAMEWORK, "Spring Cloud");
        client(J, "org.springframework.boot:spring-boot-starter-data-mongodb*", ORM, "Spring Data MongoDB", "MongoDB", "database");
        lib(J, "org.springframework.boot:spring-boot-starter-data-jdbc", ORM, "Spring Data JDBC");
        lib(J, "org.springframework.boot:spring-boot-starter-data-r2dbc", ORM, "Spring Data R2DBC");
        lib(J, "org.springframework.boot:spring-boot-starter-jdbc", ORM, "Spring JDBC");
        lib(J, "org.springframework.data:*", ORM, "Spring Data");
        client(J, "org.springframework.boot:spring-boot-starter-amqp", MESSAGING, "Spring AMQP", "RabbitMQ", "queue");
        client(J, "org.springframework.amqp:*", MESSAGING, "Spring AMQP", "RabbitMQ", "queue");
        lib(J, "org.springframework.boot:spring-boot-starter-validation", VALIDATION, "Bean Validation");
        lib(J, "org.springframework.boot:spring-boot-starter-actuator", OBSERVABILITY, "Spring Boot Actuator");
        lib(J, "org.springframework.boot:spring-boot-starter-security", SECURITY, "Spring Security");
        lib(J, "org.springframework.boot:spring-boot-starter-oauth2*", SECURITY, "Spring Security OAuth2");
        lib(J, "org.springframework.security:*", SECURITY, "Spring Security");
        lib(J, "org.springframework.boot:spring-boot-starter-thymeleaf", TEMPLATING, "Thymeleaf");
        lib(J, "org.springframework.boot:spring-boot-starter-cache", CACHE, "Spring Cache");
        client(J, "org.springframework.boot:spring-boot-starter-mail", EMAIL, "Spring Mail", "SMTP", "email");
        lib(J, "org.springframework.boot:spring-boot-devtools", BUILD, "Spring Boot DevTools");
        lib(J, "org.springframework.boot:spring-boot-configuration-processor", BUILD, "Configuration processor");
        lib(J, "org.springframework.boot:spring-boot-docker-compose", BUILD, "Docker Compose support");
        lib(J, "org.springframework.boot:spring-boot-testcontainers", TEST, "Testcontainers support");
        lib(J, "org.springframework:spring-test", TEST, "Spring Test");
        lib(J, "org.springframework.restdocs:*", TEST, "Spring REST Docs");
        client(J, "org.springframework.cloud:spring-cloud-starter-openfeign", HTTP_CLIENT, "OpenFeign", "HTTP APIs", "http");
        lib(J, "org.springframework.cloud:spring-cloud-starter-circuitbreaker*", RESILIENCE, "Spring Cloud Circuit Breaker");
        lib(J, "org.springdoc:*", API_DOCS, "springdoc-openapi");
        lib(J, "org.springframework.ai:*", AI, "Spring AI");
        client(J, "io.awspring.cloud:*", CLOUD_SDK, "Spring Cloud AWS", "AWS", "cloud");
        client(J, "com.azure.spring:*", CLOUD_SDK, "Spring Cloud Azure", "Azure", "cloud");
        client(J, "com.google.cloud:spring-cloud-gcp*", CLOUD_SDK, "Spring Cloud GCP", "Google Cloud", "cloud");
    }

    private static void micronaut() {
        lib(J, "io.micronaut*:*", FRAMEWORK, "Micronaut");
        lib(J, "io.micronaut.data:*", ORM, "Micronaut Data");
        lib(J, "io.micronaut.test:*", TEST, "Micronaut Test");
        lib(J, "io.micronaut.validation:*", VALIDATION, "Micronaut Validation");
        lib(J, "io.micronaut.serde:*", SERIALIZATION, "Micronaut Serialization");
        client(J, "io.micronaut:micronaut-http-client*", HTTP_CLIENT, "Micronaut HTTP client", "HTTP APIs", "http");
        lib(J, "io.micronaut:micronaut-management", OBSERVABILITY, "Micronaut Management");
        lib(J, "io.micronaut.micrometer:*", OBSERVABILITY, "Micronaut Micrometer");
        client(J, "io.micronaut.tracing:*", OBSERVABILITY, "Micronaut Tracing", "OpenTelemetry collector", "observability");
        client(J, "io.micronaut.kafka:*", MESSAGING, "Micronaut Kafka", "Kafka", "queue");
        client(J, "io.micronaut.rabbitmq:*", MESSAGING, "Micronaut RabbitMQ", "RabbitMQ", "queue");
        lib(J, "io.micronaut.security:*", SECURITY, "Micronaut Security");
        lib(J, "io.micronaut.sql:*", DATABASE_DRIVER, "Micronaut SQL");
        lib(J, "io.micronaut.openapi:*", API_DOCS, "Micronaut OpenAPI");
        client(J, "io.micronaut.aws:*", CLOUD_SDK, "Micronaut AWS", "AWS", "cloud");
        client(J, "io.micronaut.gcp:*", CLOUD_SDK, "Micronaut GCP", "Google Cloud", "cloud");
        lib(J, "io.micronaut.grpc:*", RPC, "Micronaut gRPC");
    }

    private static void apis() {
        lib(J, "jakarta.*:*", JAKARTA_API, "Jakarta EE API");
        lib(J, "javax.*:*", JAKARTA_API, "Java EE API");
        lib(J, "org.eclipse.microprofile*:*", JAKARTA_API, "MicroProfile API");
        lib(J, "jakarta.validation:*", VALIDATION, "Jakarta Validation");
        lib(J, "javax.validation:*", VALIDATION, "Bean Validation");
        lib(J, "org.glassfish.jersey*:*", WEB_FRAMEWORK, "Jersey");
        lib(J, "org.eclipse.jetty*:*", WEB_FRAMEWORK, "Jetty");
        lib(J, "io.undertow:*", WEB_FRAMEWORK, "Undertow");
        lib(J, "io.helidon*:*", WEB_FRAMEWORK, "Helidon");
        lib(J, "com.sparkjava:*", WEB_FRAMEWORK, "Spark");
    }

    private static void tests() {
        lib(J, "org.junit*:*", TEST, "JUnit");
        lib(J, "org.hamcrest:*", TEST, "Hamcrest");
        lib(J, "org.awaitility:*", TEST, "Awaitility");
        lib(J, "org.wiremock*:*", TEST, "WireMock");
        lib(J, "com.github.tomakehurst:*", TEST, "WireMock");
        lib(J, "au.com.dius.pact*:*", TEST, "Pact");
        lib(J, "net.datafaker:*", TEST, "Datafaker");
        lib(J, "com.github.javafaker:*", TEST, "Java Faker");
        lib(J, "org.instancio:*", TEST, "Instancio");
        lib(J, "io.cucumber:*", TEST, "Cucumber");
        lib(J, "org.testng:*", TEST, "TestNG");
        lib(J, "org.spockframework*:*", TEST, "Spock");
        lib(J, "com.tngtech.archunit:*", TEST, "ArchUnit");
        lib(J, "org.jacoco:*", TEST, "JaCoCo");
        lib(J, "org.xmlunit:*", TEST, "XMLUnit");
        lib(J, "com.jayway.jsonpath:*", TEST, "JsonPath");
        lib(J, "org.skyscreamer:jsonassert", TEST, "JSONassert");
        lib(J, "io.smallrye.reactive:smallrye-reactive-messaging-in-memory", TEST, "In-memory messaging");
        lib(J, "org.mock-server:*", TEST, "MockServer");
        lib(J, "com.microsoft.playwright:*", TEST, "Playwright");
        lib(J, "io.github.bonigarcia:*", TEST, "WebDriverManager");
        lib(J, "org.openjdk.jmh:*", TEST, "JMH");
    }

    private static void drivers() {
        client(J, "com.oracle.database.jdbc:*", DATABASE_DRIVER, "Oracle JDBC", "Oracle", "database");
        client(J, "com.microsoft.sqlserver:*", DATABASE_DRIVER, "SQL Server JDBC", "SQL Server", "database");
        client(J, "com.ibm.db2:*", DATABASE_DRIVER, "Db2 JDBC", "Db2", "database");
        lib(J, "org.xerial:sqlite-jdbc", DATABASE_DRIVER, "SQLite JDBC");
        lib(J, "org.apache.derby:*", DATABASE_DRIVER, "Derby (embedded)");
        lib(J, "org.hsqldb:*", DATABASE_DRIVER, "HSQLDB (embedded)");
        lib(J, "com.zaxxer:HikariCP", DATABASE_DRIVER, "HikariCP pool");
        client(J, "io.r2dbc:*", DATABASE_DRIVER, "R2DBC driver", "SQL database", "database");
        client(J, "org.postgresql:r2dbc-postgresql", DATABASE_DRIVER, "R2DBC PostgreSQL", "PostgreSQL", "database");
        client(J, "io.vertx:vertx-pg-client", DATABASE_DRIVER, "Vert.x PostgreSQL", "PostgreSQL", "database");
        client(J, "io.vertx:vertx-mysql-client", DATABASE_DRIVER, "Vert.x MySQL", "MySQL", "database");
        client(J, "com.datastax.oss:*", DATABASE_DRIVER, "Cassandra driver", "Cassandra", "database");
        client(J, "org.neo4j*:*", DATABASE_DRIVER, "Neo4j driver", "Neo4j", "database");
        client(J, "co.elastic.clients:*", DATABASE_DRIVER, "Elasticsearch client", "Elasticsearch", "search");
        client(J, "org.opensearch.client:*", DATABASE_DRIVER, "OpenSearch client", "OpenSearch", "search");
        client(J, "org.redisson:*", CACHE, "Redisson", "Redis", "cache");
        lib(J, "com.github.ben-manes.caffeine:*", CACHE, "Caffeine");
        lib(J, "org.ehcache:*", CACHE, "Ehcache");
        client(J, "org.infinispan:*", CACHE, "Infinispan", "Infinispan", "cache");
    }

    private static void observability() {
        client(J, "io.opentelemetry*:*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        lib(J, "io.prometheus*:*", OBSERVABILITY, "Prometheus client");
        client(J, "io.jaegertracing:*", OBSERVABILITY, "Jaeger client", "Jaeger", "observability");
        client(J, "io.zipkin*:*", OBSERVABILITY, "Zipkin", "Zipkin", "observability");
        client(J, "co.elastic.apm:*", OBSERVABILITY, "Elastic APM", "Elastic APM", "observability");
        client(J, "com.datadoghq:*", OBSERVABILITY, "Datadog", "Datadog", "observability");
        client(J, "com.newrelic*:*", OBSERVABILITY, "New Relic", "New Relic", "observability");
        lib(J, "net.logstash.logback:*", LOGGING, "Logstash encoder");
        lib(J, "org.jboss.logging:*", LOGGING, "JBoss Logging");
        lib(J, "org.jboss.logmanager:*", LOGGING, "JBoss Log Manager");
        lib(J, "commons-logging:*", LOGGING, "Commons Logging");
    }

    private static void messagingAndCloud() {
        client(J, "org.apache.activemq*:*", MESSAGING, "ActiveMQ client", "ActiveMQ", "queue");
        client(J, "org.apache.pulsar:*", MESSAGING, "Pulsar client", "Pulsar", "queue");
        client(J, "io.nats:*", MESSAGING, "NATS client", "NATS", "queue");
        client(J, "org.eclipse.paho*:*", MESSAGING, "Paho MQTT", "MQTT broker", "queue");
        lib(J, "io.smallrye.reactive:smallrye-reactive-messaging*", MESSAGING, "SmallRye Reactive Messaging");
        lib(J, "org.apache.camel*:*", MESSAGING, "Apache Camel");
        lib(J, "io.apicurio*:*", SERIALIZATION, "Apicurio Registry");
        lib(J, "io.confluent:*", SERIALIZATION, "Confluent Schema Registry");
        lib(J, "org.apache.avro:*", SERIALIZATION, "Avro");
        client(J, "com.google.firebase:*", CLOUD_SDK, "Firebase", "Google Cloud", "cloud");
        lib(J, "io.fabric8:*", DEPLOYMENT, "Fabric8 Kubernetes client");
        lib(J, "io.kubernetes:*", DEPLOYMENT, "Kubernetes client");
        lib(J, "dev.langchain4j:*", AI, "LangChain4j");
        client(J, "com.openai:*", AI, "OpenAI SDK", "OpenAI", "http");
        client(J, "com.azure:azure-ai-openai", AI, "Azure OpenAI", "Azure", "cloud");
    }

    private static void misc() {
        lib(J, "com.fasterxml.jackson*:*", SERIALIZATION, "Jackson");
        lib(J, "org.yaml:snakeyaml", SERIALIZATION, "SnakeYAML");
        lib(J, "com.google.protobuf:*", RPC, "Protocol Buffers");
        lib(J, "io.grpc:*", RPC, "gRPC");
        lib(J, "io.smallrye*:*", FRAMEWORK, "SmallRye");
        lib(J, "io.vertx:*", FRAMEWORK, "Vert.x");
        lib(J, "io.netty:*", FRAMEWORK, "Netty");
        lib(J, "io.projectreactor*:*", FRAMEWORK, "Project Reactor");
        lib(J, "io.reactivex*:*", FRAMEWORK, "RxJava");
        lib(J, "com.google.inject*:*", FRAMEWORK, "Guice");
        lib(J, "com.google.dagger:*", FRAMEWORK, "Dagger");
        lib(J, "io.github.resilience4j:*", RESILIENCE, "Resilience4j");
        lib(J, "dev.failsafe:*", RESILIENCE, "Failsafe");
        lib(J, "org.projectlombok:*", BUILD, "Lombok");
        lib(J, "org.mapstruct:*", BUILD, "MapStruct");
        lib(J, "org.immutables:*", BUILD, "Immutables");
        lib(J, "com.google.auto*:*", BUILD, "Google Auto");
        lib(J, "com.google.guava:*", UTILITY, "Guava");
        lib(J, "org.apache.commons:*", UTILITY, "Apache Commons");
        lib(J, "commons-*:*", UTILITY, "Apache Commons");
        lib(J, "com.google.code.findbugs:*", UTILITY, "JSR-305 annotations");
        lib(J, "org.jetbrains:annotations", UTILITY, "JetBrains annotations");
        lib(J, "org.jspecify:*", UTILITY, "JSpecify");
        lib(J, "org.checkerframework:*", UTILITY, "Checker Framework");
        lib(J, "io.jsonwebtoken:*", SECURITY, "JJWT");
        lib(J, "com.nimbusds:*", SECURITY, "Nimbus JOSE");
        lib(J, "org.bouncycastle:*", SECURITY, "Bouncy Castle");
        lib(J, "io.swagger*:*", API_DOCS, "Swagger");
        lib(J, "org.openapitools:*", API_DOCS, "OpenAPI Generator");
        lib(J, "org.jetbrains.kotlin:*", FRAMEWORK, "Kotlin");
        lib(J, "org.jetbrains.kotlinx:*", FRAMEWORK, "Kotlin libraries");
    }
}
