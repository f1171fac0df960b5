package dev.controlplane.project.manifests;

import static dev.controlplane.project.manifests.DependencyCatalogue.CACHE;
import static dev.controlplane.project.manifests.DependencyCatalogue.CLI;
import static dev.controlplane.project.manifests.DependencyCatalogue.CLOUD_SDK;
import static dev.controlplane.project.manifests.DependencyCatalogue.DATABASE_DRIVER;
import static dev.controlplane.project.manifests.DependencyCatalogue.EMAIL;
import static dev.controlplane.project.manifests.DependencyCatalogue.HTTP_CLIENT;
import static dev.controlplane.project.manifests.DependencyCatalogue.LINT;
import static dev.controlplane.project.manifests.DependencyCatalogue.LOGGING;
import static dev.controlplane.project.manifests.DependencyCatalogue.MESSAGING;
import static dev.controlplane.project.manifests.DependencyCatalogue.OBSERVABILITY;
import static dev.controlplane.project.manifests.DependencyCatalogue.ORM;
import static dev.controlplane.project.manifests.DependencyCatalogue.PAYMENTS;
import static dev.controlplane.project.manifests.DependencyCatalogue.SERIALIZATION;
import static dev.controlplane.project.manifests.DependencyCatalogue.TEMPLATING;
import static dev.controlplane.project.manifests.DependencyCatalogue.TEST;
import static dev.controlplane.project.manifests.DependencyCatalogue.VALIDATION;
import static dev.controlplane.project.manifests.DependencyCatalogue.WEB_FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.client;
import static dev.controlplane.project.manifests.DependencyCatalogue.lib;

/**
 * The classic Java libraries of {@link DependencyCatalogue} by {@code groupId:artifactId} pattern (web
 * frameworks, ORMs, JDBC drivers, messaging, cloud SDKs), then the extensions, starters and APIs of {@link JavaCatalogue}.
 * Maven and Gradle share this {@code java} ecosystem.
 * Registered once, when the catalogue is first used.
 */
final class JavaLibrariesCatalogue {

    private JavaLibrariesCatalogue() {
    }

    static void register() {
        String j = "java";
        lib(j, "io.quarkus:quarkus-rest*", WEB_FRAMEWORK, "Quarkus");
        lib(j, "io.quarkus:quarkus-resteasy*", WEB_FRAMEWORK, "Quarkus");
        lib(j, "org.springframework.boot:spring-boot-starter-web", WEB_FRAMEWORK, "Spring Boot");
        lib(j, "org.springframework.boot:spring-boot-starter-webflux", WEB_FRAMEWORK, "Spring Boot");
        lib(j, "org.springframework:spring-webmvc", WEB_FRAMEWORK, "Spring MVC");
        lib(j, "io.micronaut:micronaut-http-server*", WEB_FRAMEWORK, "Micronaut");
        lib(j, "io.javalin:javalin", WEB_FRAMEWORK, "Javalin");
        lib(j, "io.dropwizard:dropwizard-core", WEB_FRAMEWORK, "Dropwizard");
        lib(j, "io.vertx:vertx-web", WEB_FRAMEWORK, "Vert.x Web");
        lib(j, "io.quarkus:quarkus-hibernate-orm*", ORM, "Hibernate ORM");
        lib(j, "org.hibernate.orm:hibernate-core", ORM, "Hibernate ORM");
        lib(j, "org.hibernate:hibernate-core", ORM, "Hibernate ORM");
        lib(j, "org.springframework.boot:spring-boot-starter-data-jpa", ORM, "Spring Data JPA");
        lib(j, "org.mybatis*:*", ORM, "MyBatis");
        lib(j, "org.jooq:jooq", ORM, "jOOQ");
        lib(j, "org.flywaydb:*", ORM, "Flyway migrations");
        lib(j, "org.liquibase:*", ORM, "Liquibase migrations");
        client(j, "org.postgresql:postgresql", DATABASE_DRIVER, "PostgreSQL JDBC", "PostgreSQL", "database");
        client(j, "io.quarkus:quarkus-jdbc-postgresql", DATABASE_DRIVER, "PostgreSQL JDBC", "PostgreSQL", "database");
        client(j, "io.quarkus:quarkus-reactive-pg-client", DATABASE_DRIVER, "Reactive PostgreSQL", "PostgreSQL", "database");
        client(j, "com.mysql:mysql-connector-j", DATABASE_DRIVER, "MySQL Connector/J", "MySQL", "database");
        client(j, "mysql:mysql-connector-java", DATABASE_DRIVER, "MySQL Connector/J", "MySQL", "database");
        client(j, "io.quarkus:quarkus-jdbc-mysql", DATABASE_DRIVER, "MySQL JDBC", "MySQL", "database");
        client(j, "org.mariadb.jdbc:mariadb-java-client", DATABASE_DRIVER, "MariaDB JDBC", "MariaDB", "database");
        client(j, "org.mongodb:*", DATABASE_DRIVER, "MongoDB driver", "MongoDB", "database");
        client(j, "io.quarkus:quarkus-mongodb-client", DATABASE_DRIVER, "MongoDB client", "MongoDB", "database");
        lib(j, "com.h2database:h2", DATABASE_DRIVER, "H2 (embedded)");
        client(j, "redis.clients:jedis", CACHE, "Jedis", "Redis", "cache");
        client(j, "io.lettuce:lettuce-core", CACHE, "Lettuce", "Redis", "cache");
        client(j, "io.quarkus:quarkus-redis-client", CACHE, "Quarkus Redis client", "Redis", "cache");
        client(j, "org.springframework.boot:spring-boot-starter-data-redis", CACHE, "Spring Data Redis", "Redis", "cache");
        lib(j, "org.junit.jupiter:*", TEST, "JUnit 5");
        lib(j, "junit:junit", TEST, "JUnit 4");
        lib(j, "io.quarkus:quarkus-junit*", TEST, "Quarkus JUnit");
        lib(j, "org.springframework.boot:spring-boot-starter-test", TEST, "Spring Boot Test");
        lib(j, "org.mockito:*", TEST, "Mockito");
        lib(j, "org.assertj:*", TEST, "AssertJ");
        lib(j, "io.rest-assured:*", TEST, "REST Assured");
        lib(j, "org.testcontainers:*", TEST, "Testcontainers");
        lib(j, "org.seleniumhq.selenium:*", TEST, "Selenium");
        lib(j, "com.puppycrawl.tools:checkstyle", LINT, "Checkstyle");
        lib(j, "com.github.spotbugs:*", LINT, "SpotBugs");
        lib(j, "com.google.errorprone:*", LINT, "Error Prone");
        client(j, "software.amazon.awssdk:*", CLOUD_SDK, "AWS SDK v2", "AWS", "cloud");
        client(j, "com.amazonaws:*", CLOUD_SDK, "AWS SDK v1", "AWS", "cloud");
        client(j, "io.quarkiverse.amazonservices:*", CLOUD_SDK, "Quarkus Amazon Services", "AWS", "cloud");
        client(j, "com.google.cloud:*", CLOUD_SDK, "Google Cloud client", "Google Cloud", "cloud");
        client(j, "com.azure:*", CLOUD_SDK, "Azure SDK", "Azure", "cloud");
        client(j, "org.apache.kafka:*", MESSAGING, "Apache Kafka client", "Kafka", "queue");
        client(j, "io.quarkus:quarkus-kafka-client", MESSAGING, "Kafka client", "Kafka", "queue");
        client(j, "io.quarkus:quarkus-messaging-kafka", MESSAGING, "Quarkus Messaging Kafka", "Kafka", "queue");
        client(j, "org.springframework.kafka:*", MESSAGING, "Spring Kafka", "Kafka", "queue");
        client(j, "com.rabbitmq:amqp-client", MESSAGING, "RabbitMQ client", "RabbitMQ", "queue");
        client(j, "io.quarkus:quarkus-messaging-rabbitmq", MESSAGING, "Quarkus Messaging RabbitMQ", "RabbitMQ", "queue");
        client(j, "com.squareup.okhttp3:okhttp", HTTP_CLIENT, "OkHttp", "HTTP APIs", "http");
        client(j, "org.apache.httpcomponents*:*", HTTP_CLIENT, "Apache HttpClient", "HTTP APIs", "http");
        client(j, "io.quarkus:quarkus-rest-client*", HTTP_CLIENT, "Quarkus REST Client", "HTTP APIs", "http");
        client(j, "io.github.openfeign:*", HTTP_CLIENT, "OpenFeign", "HTTP APIs", "http");
        lib(j, "org.slf4j:*", LOGGING, "SLF4J");
        lib(j, "ch.qos.logback:*", LOGGING, "Logback");
        lib(j, "org.apache.logging.log4j:*", LOGGING, "Log4j 2");
        client(j, "io.sentry:*", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
        client(j, "io.opentelemetry:*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        client(j, "io.quarkus:quarkus-opentelemetry", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        lib(j, "io.micrometer:*", OBSERVABILITY, "Micrometer");
        lib(j, "com.fasterxml.jackson.core:*", SERIALIZATION, "Jackson");
        lib(j, "com.fasterxml.jackson.dataformat:*", SERIALIZATION, "Jackson");
        lib(j, "com.google.code.gson:gson", SERIALIZATION, "Gson");
        lib(j, "org.hibernate.validator:*", VALIDATION, "Hibernate Validator");
        lib(j, "info.picocli:picocli", CLI, "picocli");
        lib(j, "io.quarkus:quarkus-picocli", CLI, "picocli");
        lib(j, "io.quarkus:quarkus-qute", TEMPLATING, "Qute");
        lib(j, "org.thymeleaf:*", TEMPLATING, "Thymeleaf");
        lib(j, "org.freemarker:freemarker", TEMPLATING, "FreeMarker");
        client(j, "com.stripe:stripe-java", PAYMENTS, "Stripe SDK", "Stripe", "payments");
        client(j, "com.sendgrid:sendgrid-java", EMAIL, "SendGrid SDK", "SendGrid", "email");
        client(j, "io.quarkus:quarkus-mailer", EMAIL, "Quarkus Mailer", "SMTP", "email");
        client(j, "com.sun.mail:*", EMAIL, "Jakarta Mail", "SMTP", "email");
        // artifactId-only patterns: the same library under another groupId (forks, relocations)
        client(j, "postgresql", DATABASE_DRIVER, "PostgreSQL JDBC", "PostgreSQL", "database");
        lib(j, "junit-jupiter*", TEST, "JUnit 5");
        client(j, "kafka-clients", MESSAGING, "Apache Kafka client", "Kafka", "queue");
        JavaCatalogue.register();
    }
}
