package dev.controlplane.project.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small built-in catalogue of well-known packages: what kind of library each is ({@link #category}) and, for
 * clients of external services (databases, caches, queues, cloud APIs, HTTP, email, payments, observability),
 * which service it talks to. Shared by the audit cards so both classify a package the same way.
 *
 * <p>Names are matched after {@link Dependency#normalize} (lower case; PyPI and crates.io spellings unified).
 * A pattern ending in {@code *} is a prefix; the longest matching pattern wins. Java patterns are
 * {@code groupId:artifactId} (either part may end in {@code *}); a Java pattern without {@code :} matches the
 * artifactId alone and is tried only after the full coordinates. Maven and Gradle share the {@code java}
 * ecosystem.
 */
public final class DependencyCatalogue {
    public static final String WEB_FRAMEWORK = "web_framework";
    public static final String UI_FRAMEWORK = "ui_framework";
    public static final String ORM = "orm";
    public static final String DATABASE_DRIVER = "database_driver";
    public static final String CACHE = "cache";
    public static final String TEST = "test";
    public static final String LINT = "lint";
    public static final String BUILD = "build";
    public static final String CLOUD_SDK = "cloud_sdk";
    public static final String MESSAGING = "messaging";
    public static final String HTTP_CLIENT = "http_client";
    public static final String LOGGING = "logging";
    public static final String OBSERVABILITY = "observability";
    public static final String SERIALIZATION = "serialization";
    public static final String VALIDATION = "validation";
    public static final String CLI = "cli";
    public static final String TEMPLATING = "templating";
    public static final String EMAIL = "email";
    public static final String PAYMENTS = "payments";
    /** Framework cores, extensions and starters that are none of the more specific kinds. */
    public static final String FRAMEWORK = "framework";
    /** Jakarta EE, Java EE and MicroProfile API jars. */
    public static final String JAKARTA_API = "jakarta_api";
    public static final String DEPLOYMENT = "deployment";
    public static final String SECURITY = "security";
    public static final String API_DOCS = "api_docs";
    public static final String RESILIENCE = "resilience";
    public static final String RPC = "rpc";
    public static final String AI = "ai";
    public static final String UTILITY = "utility";
    /** Anything the catalogue does not know. */
    public static final String OTHER = "other";

    /**
     * What the catalogue knows of a package.
     *
     * @param category   one of the category constants above
     * @param label      a display name ({@code Quarkus}, {@code PostgreSQL driver}); for web frameworks the
     *                   framework's name, as listed in {@code audit:deps.frameworks}
     * @param service    the external service a client library talks to ({@code PostgreSQL}, {@code AWS}), or
     *                   null for a library that is not such a client
     * @param clientType {@code database}, {@code cache}, {@code queue}, {@code cloud}, {@code http},
     *                   {@code email}, {@code payments}, {@code observability}, {@code search}; null when not a client
     */
    public record Entry(String category, String label, String service, String clientType) {
        public boolean isClient() {
            return service != null;
        }
    }

    private record Rule(String pattern, Entry entry) {
        /** A Java {@code groupId:artifactId} pattern (else an artifactId, or a name in other ecosystems). */
        boolean coordinates() {
            return pattern.contains(":");
        }
    }

    private static final Map<String, List<Rule>> RULES = new HashMap<>();

    private DependencyCatalogue() {
    }

    /** The catalogue entry of a package, if it is a known one. */
    public static Optional<Entry> lookup(String ecosystem, String name) {
        List<Rule> rules = RULES.get(ecosystem);
        if (rules == null || name == null) {
            return Optional.empty();
        }
        String normalized = Dependency.normalize(ecosystem, name);
        int colon = normalized.indexOf(':');
        if (!"java".equals(ecosystem) || colon < 0) {
            return best(rules, normalized, rule -> true);
        }
        Optional<Entry> byCoordinates = best(rules, normalized, Rule::coordinates);
        return byCoordinates.isPresent() ? byCoordinates
                : best(rules, normalized.substring(colon + 1), rule -> !rule.coordinates());
    }

    /** The category of a package ({@link #OTHER} when unknown). */
    public static String category(String ecosystem, String name) {
        return lookup(ecosystem, name).map(Entry::category).orElse(OTHER);
    }

    private static Optional<Entry> best(List<Rule> rules, String name, Predicate<Rule> applicable) {
        Rule best = null;
        for (Rule rule : rules) {
            if (applicable.test(rule) && matches(rule.pattern(), name)
                    && (best == null || specificity(rule) > specificity(best))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best).map(Rule::entry);
    }

    private static int specificity(Rule rule) {
        // An exact name beats any prefix; among prefixes the longer one is the more specific.
        return rule.pattern().endsWith("*") ? rule.pattern().length() : 10_000;
    }

    private static boolean matches(String pattern, String name) {
        int colon = pattern.indexOf(':');
        if (colon >= 0) {
            if (!name.contains(":")) {
                return false;
            }
            int nameColon = name.indexOf(':');
            return part(pattern.substring(0, colon), name.substring(0, nameColon))
                    && part(pattern.substring(colon + 1), name.substring(nameColon + 1));
        }
        return part(pattern, name);
    }

    private static boolean part(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(value);
    }

    static void lib(String ecosystem, String pattern, String category, String label) {
        RULES.computeIfAbsent(ecosystem, e -> new ArrayList<>())
                .add(new Rule(Dependency.normalize(ecosystem, pattern), new Entry(category, label, null, null)));
    }

    static void client(String ecosystem, String pattern, String category, String label, String service,
            String type) {
        RULES.computeIfAbsent(ecosystem, e -> new ArrayList<>())
                .add(new Rule(Dependency.normalize(ecosystem, pattern), new Entry(category, label, service, type)));
    }

    static {
        python();
        javascript();
        java();
        go();
        rust();
        ruby();
        dotnet();
    }

    private static void python() {
        String py = "python";
        lib(py, "django", WEB_FRAMEWORK, "Django");
        lib(py, "flask", WEB_FRAMEWORK, "Flask");
        lib(py, "fastapi", WEB_FRAMEWORK, "FastAPI");
        lib(py, "starlette", WEB_FRAMEWORK, "Starlette");
        lib(py, "tornado", WEB_FRAMEWORK, "Tornado");
        lib(py, "pyramid", WEB_FRAMEWORK, "Pyramid");
        lib(py, "djangorestframework", WEB_FRAMEWORK, "Django REST framework");
        lib(py, "sqlalchemy", ORM, "SQLAlchemy");
        lib(py, "peewee", ORM, "peewee");
        lib(py, "tortoise-orm", ORM, "Tortoise ORM");
        lib(py, "sqlmodel", ORM, "SQLModel");
        lib(py, "alembic", ORM, "Alembic migrations");
        client(py, "psycopg2", DATABASE_DRIVER, "psycopg2", "PostgreSQL", "database");
        client(py, "psycopg2-binary", DATABASE_DRIVER, "psycopg2", "PostgreSQL", "database");
        client(py, "psycopg", DATABASE_DRIVER, "psycopg 3", "PostgreSQL", "database");
        client(py, "asyncpg", DATABASE_DRIVER, "asyncpg", "PostgreSQL", "database");
        client(py, "pymysql", DATABASE_DRIVER, "PyMySQL", "MySQL", "database");
        client(py, "mysqlclient", DATABASE_DRIVER, "mysqlclient", "MySQL", "database");
        client(py, "pymongo", DATABASE_DRIVER, "PyMongo", "MongoDB", "database");
        client(py, "motor", DATABASE_DRIVER, "Motor", "MongoDB", "database");
        client(py, "redis", CACHE, "redis-py", "Redis", "cache");
        client(py, "elasticsearch", DATABASE_DRIVER, "Elasticsearch client", "Elasticsearch", "search");
        lib(py, "pytest", TEST, "pytest");
        lib(py, "pytest-*", TEST, "pytest plugin");
        lib(py, "hypothesis", TEST, "Hypothesis");
        lib(py, "coverage", TEST, "coverage.py");
        lib(py, "tox", TEST, "tox");
        lib(py, "ruff", LINT, "Ruff");
        lib(py, "flake8", LINT, "Flake8");
        lib(py, "pylint", LINT, "Pylint");
        lib(py, "black", LINT, "Black");
        lib(py, "isort", LINT, "isort");
        lib(py, "mypy", LINT, "mypy");
        client(py, "boto3", CLOUD_SDK, "AWS SDK (boto3)", "AWS", "cloud");
        client(py, "botocore", CLOUD_SDK, "AWS SDK (botocore)", "AWS", "cloud");
        client(py, "google-cloud-*", CLOUD_SDK, "Google Cloud client", "Google Cloud", "cloud");
        client(py, "azure-*", CLOUD_SDK, "Azure SDK", "Azure", "cloud");
        client(py, "celery", MESSAGING, "Celery", "Celery broker", "queue");
        client(py, "kafka-python", MESSAGING, "kafka-python", "Kafka", "queue");
        client(py, "confluent-kafka", MESSAGING, "Confluent Kafka", "Kafka", "queue");
        client(py, "pika", MESSAGING, "Pika", "RabbitMQ", "queue");
        client(py, "requests", HTTP_CLIENT, "Requests", "HTTP APIs", "http");
        client(py, "httpx", HTTP_CLIENT, "HTTPX", "HTTP APIs", "http");
        client(py, "aiohttp", HTTP_CLIENT, "aiohttp", "HTTP APIs", "http");
        client(py, "urllib3", HTTP_CLIENT, "urllib3", "HTTP APIs", "http");
        lib(py, "loguru", LOGGING, "Loguru");
        lib(py, "structlog", LOGGING, "structlog");
        client(py, "sentry-sdk", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
        client(py, "opentelemetry-*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        lib(py, "pydantic", VALIDATION, "Pydantic");
        lib(py, "marshmallow", SERIALIZATION, "marshmallow");
        lib(py, "orjson", SERIALIZATION, "orjson");
        lib(py, "click", CLI, "Click");
        lib(py, "typer", CLI, "Typer");
        lib(py, "jinja2", TEMPLATING, "Jinja");
        client(py, "stripe", PAYMENTS, "Stripe SDK", "Stripe", "payments");
        client(py, "sendgrid", EMAIL, "SendGrid SDK", "SendGrid", "email");
    }

    private static void javascript() {
        String js = "javascript";
        lib(js, "express", WEB_FRAMEWORK, "Express");
        lib(js, "fastify", WEB_FRAMEWORK, "Fastify");
        lib(js, "koa", WEB_FRAMEWORK, "Koa");
        lib(js, "@nestjs/core", WEB_FRAMEWORK, "NestJS");
        lib(js, "@hapi/hapi", WEB_FRAMEWORK, "hapi");
        lib(js, "next", WEB_FRAMEWORK, "Next.js");
        lib(js, "nuxt", WEB_FRAMEWORK, "Nuxt");
        lib(js, "hono", WEB_FRAMEWORK, "Hono");
        lib(js, "react", UI_FRAMEWORK, "React");
        lib(js, "vue", UI_FRAMEWORK, "Vue");
        lib(js, "svelte", UI_FRAMEWORK, "Svelte");
        lib(js, "@angular/core", UI_FRAMEWORK, "Angular");
        lib(js, "prisma", ORM, "Prisma");
        lib(js, "@prisma/client", ORM, "Prisma");
        lib(js, "typeorm", ORM, "TypeORM");
        lib(js, "sequelize", ORM, "Sequelize");
        lib(js, "mongoose", ORM, "Mongoose");
        lib(js, "drizzle-orm", ORM, "Drizzle");
        lib(js, "knex", ORM, "Knex");
        client(js, "pg", DATABASE_DRIVER, "node-postgres", "PostgreSQL", "database");
        client(js, "mysql2", DATABASE_DRIVER, "mysql2", "MySQL", "database");
        client(js, "mongodb", DATABASE_DRIVER, "MongoDB driver", "MongoDB", "database");
        client(js, "redis", CACHE, "node-redis", "Redis", "cache");
        client(js, "ioredis", CACHE, "ioredis", "Redis", "cache");
        lib(js, "jest", TEST, "Jest");
        lib(js, "vitest", TEST, "Vitest");
        lib(js, "mocha", TEST, "Mocha");
        lib(js, "cypress", TEST, "Cypress");
        lib(js, "@playwright/test", TEST, "Playwright");
        lib(js, "@testing-library/*", TEST, "Testing Library");
        lib(js, "eslint", LINT, "ESLint");
        lib(js, "eslint-*", LINT, "ESLint plugin");
        lib(js, "@typescript-eslint/*", LINT, "typescript-eslint");
        lib(js, "prettier", LINT, "Prettier");
        lib(js, "@biomejs/biome", LINT, "Biome");
        lib(js, "typescript", BUILD, "TypeScript");
        lib(js, "vite", BUILD, "Vite");
        lib(js, "webpack", BUILD, "webpack");
        lib(js, "esbuild", BUILD, "esbuild");
        client(js, "aws-sdk", CLOUD_SDK, "AWS SDK v2", "AWS", "cloud");
        client(js, "@aws-sdk/*", CLOUD_SDK, "AWS SDK v3", "AWS", "cloud");
        client(js, "@google-cloud/*", CLOUD_SDK, "Google Cloud client", "Google Cloud", "cloud");
        client(js, "@azure/*", CLOUD_SDK, "Azure SDK", "Azure", "cloud");
        client(js, "firebase-admin", CLOUD_SDK, "Firebase Admin", "Firebase", "cloud");
        client(js, "kafkajs", MESSAGING, "KafkaJS", "Kafka", "queue");
        client(js, "amqplib", MESSAGING, "amqplib", "RabbitMQ", "queue");
        client(js, "bullmq", MESSAGING, "BullMQ", "Redis", "queue");
        client(js, "axios", HTTP_CLIENT, "Axios", "HTTP APIs", "http");
        client(js, "node-fetch", HTTP_CLIENT, "node-fetch", "HTTP APIs", "http");
        client(js, "got", HTTP_CLIENT, "Got", "HTTP APIs", "http");
        client(js, "undici", HTTP_CLIENT, "undici", "HTTP APIs", "http");
        lib(js, "winston", LOGGING, "winston");
        lib(js, "pino", LOGGING, "pino");
        client(js, "@sentry/*", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
        client(js, "dd-trace", OBSERVABILITY, "Datadog tracer", "Datadog", "observability");
        client(js, "@opentelemetry/*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        lib(js, "zod", VALIDATION, "Zod");
        lib(js, "joi", VALIDATION, "Joi");
        lib(js, "commander", CLI, "Commander");
        lib(js, "yargs", CLI, "yargs");
        lib(js, "ejs", TEMPLATING, "EJS");
        lib(js, "handlebars", TEMPLATING, "Handlebars");
        lib(js, "pug", TEMPLATING, "Pug");
        client(js, "nodemailer", EMAIL, "Nodemailer", "SMTP", "email");
        client(js, "@sendgrid/mail", EMAIL, "SendGrid SDK", "SendGrid", "email");
        client(js, "stripe", PAYMENTS, "Stripe SDK", "Stripe", "payments");
    }

    private static void java() {
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

    private static void go() {
        String go = "go";
        lib(go, "github.com/gin-gonic/gin", WEB_FRAMEWORK, "Gin");
        lib(go, "github.com/labstack/echo*", WEB_FRAMEWORK, "Echo");
        lib(go, "github.com/gofiber/fiber*", WEB_FRAMEWORK, "Fiber");
        lib(go, "github.com/go-chi/chi*", WEB_FRAMEWORK, "chi");
        lib(go, "github.com/gorilla/mux", WEB_FRAMEWORK, "Gorilla mux");
        lib(go, "gorm.io/gorm", ORM, "GORM");
        lib(go, "entgo.io/ent", ORM, "ent");
        client(go, "github.com/jackc/pgx*", DATABASE_DRIVER, "pgx", "PostgreSQL", "database");
        client(go, "github.com/lib/pq", DATABASE_DRIVER, "pq", "PostgreSQL", "database");
        client(go, "gorm.io/driver/postgres", DATABASE_DRIVER, "GORM PostgreSQL driver", "PostgreSQL", "database");
        client(go, "github.com/go-sql-driver/mysql", DATABASE_DRIVER, "Go MySQL driver", "MySQL", "database");
        client(go, "go.mongodb.org/mongo-driver*", DATABASE_DRIVER, "MongoDB Go driver", "MongoDB", "database");
        client(go, "github.com/redis/go-redis*", CACHE, "go-redis", "Redis", "cache");
        client(go, "github.com/go-redis/redis*", CACHE, "go-redis", "Redis", "cache");
        lib(go, "github.com/stretchr/testify", TEST, "testify");
        lib(go, "github.com/onsi/ginkgo*", TEST, "Ginkgo");
        lib(go, "github.com/onsi/gomega", TEST, "Gomega");
        client(go, "github.com/aws/aws-sdk-go*", CLOUD_SDK, "AWS SDK for Go", "AWS", "cloud");
        client(go, "cloud.google.com/go*", CLOUD_SDK, "Google Cloud client", "Google Cloud", "cloud");
        client(go, "github.com/azure/azure-sdk-for-go*", CLOUD_SDK, "Azure SDK for Go", "Azure", "cloud");
        client(go, "github.com/segmentio/kafka-go", MESSAGING, "kafka-go", "Kafka", "queue");
        client(go, "github.com/ibm/sarama", MESSAGING, "Sarama", "Kafka", "queue");
        client(go, "github.com/nats-io/nats.go", MESSAGING, "NATS client", "NATS", "queue");
        client(go, "github.com/rabbitmq/amqp091-go", MESSAGING, "AMQP 0.9.1 client", "RabbitMQ", "queue");
        client(go, "github.com/go-resty/resty*", HTTP_CLIENT, "Resty", "HTTP APIs", "http");
        lib(go, "go.uber.org/zap", LOGGING, "zap");
        lib(go, "github.com/sirupsen/logrus", LOGGING, "Logrus");
        lib(go, "github.com/rs/zerolog", LOGGING, "zerolog");
        lib(go, "github.com/spf13/cobra", CLI, "Cobra");
        lib(go, "github.com/urfave/cli*", CLI, "urfave/cli");
        client(go, "github.com/getsentry/sentry-go", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
        client(go, "go.opentelemetry.io/otel*", OBSERVABILITY, "OpenTelemetry", "OpenTelemetry collector", "observability");
        client(go, "github.com/stripe/stripe-go*", PAYMENTS, "Stripe SDK", "Stripe", "payments");
    }

    private static void rust() {
        String rs = "rust";
        lib(rs, "actix-web", WEB_FRAMEWORK, "Actix Web");
        lib(rs, "axum", WEB_FRAMEWORK, "axum");
        lib(rs, "rocket", WEB_FRAMEWORK, "Rocket");
        lib(rs, "warp", WEB_FRAMEWORK, "warp");
        lib(rs, "diesel", ORM, "Diesel");
        lib(rs, "sea-orm", ORM, "SeaORM");
        client(rs, "sqlx", DATABASE_DRIVER, "SQLx", "SQL database", "database");
        client(rs, "tokio-postgres", DATABASE_DRIVER, "tokio-postgres", "PostgreSQL", "database");
        client(rs, "postgres", DATABASE_DRIVER, "postgres", "PostgreSQL", "database");
        client(rs, "mongodb", DATABASE_DRIVER, "MongoDB driver", "MongoDB", "database");
        client(rs, "redis", CACHE, "redis-rs", "Redis", "cache");
        client(rs, "reqwest", HTTP_CLIENT, "reqwest", "HTTP APIs", "http");
        client(rs, "ureq", HTTP_CLIENT, "ureq", "HTTP APIs", "http");
        client(rs, "aws-sdk-*", CLOUD_SDK, "AWS SDK for Rust", "AWS", "cloud");
        client(rs, "aws-config", CLOUD_SDK, "AWS SDK for Rust", "AWS", "cloud");
        client(rs, "rdkafka", MESSAGING, "rust-rdkafka", "Kafka", "queue");
        client(rs, "lapin", MESSAGING, "lapin", "RabbitMQ", "queue");
        lib(rs, "serde", SERIALIZATION, "Serde");
        lib(rs, "serde-json", SERIALIZATION, "serde_json");
        lib(rs, "clap", CLI, "clap");
        lib(rs, "tracing", LOGGING, "tracing");
        lib(rs, "log", LOGGING, "log");
        lib(rs, "env-logger", LOGGING, "env_logger");
        lib(rs, "criterion", TEST, "Criterion");
        lib(rs, "proptest", TEST, "proptest");
        lib(rs, "mockall", TEST, "mockall");
        lib(rs, "tera", TEMPLATING, "Tera");
        lib(rs, "askama", TEMPLATING, "Askama");
        client(rs, "sentry", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
    }

    private static void ruby() {
        String rb = "ruby";
        lib(rb, "rails", WEB_FRAMEWORK, "Ruby on Rails");
        lib(rb, "sinatra", WEB_FRAMEWORK, "Sinatra");
        lib(rb, "hanami", WEB_FRAMEWORK, "Hanami");
        lib(rb, "activerecord", ORM, "Active Record");
        lib(rb, "sequel", ORM, "Sequel");
        client(rb, "pg", DATABASE_DRIVER, "pg", "PostgreSQL", "database");
        client(rb, "mysql2", DATABASE_DRIVER, "mysql2", "MySQL", "database");
        client(rb, "mongo", DATABASE_DRIVER, "MongoDB driver", "MongoDB", "database");
        client(rb, "redis", CACHE, "redis-rb", "Redis", "cache");
        lib(rb, "rspec", TEST, "RSpec");
        lib(rb, "rspec-*", TEST, "RSpec");
        lib(rb, "minitest", TEST, "Minitest");
        lib(rb, "capybara", TEST, "Capybara");
        lib(rb, "rubocop", LINT, "RuboCop");
        lib(rb, "rubocop-*", LINT, "RuboCop plugin");
        client(rb, "aws-sdk-*", CLOUD_SDK, "AWS SDK for Ruby", "AWS", "cloud");
        client(rb, "google-cloud-*", CLOUD_SDK, "Google Cloud client", "Google Cloud", "cloud");
        client(rb, "sidekiq", MESSAGING, "Sidekiq", "Redis", "queue");
        client(rb, "bunny", MESSAGING, "Bunny", "RabbitMQ", "queue");
        client(rb, "faraday", HTTP_CLIENT, "Faraday", "HTTP APIs", "http");
        client(rb, "httparty", HTTP_CLIENT, "HTTParty", "HTTP APIs", "http");
        client(rb, "stripe", PAYMENTS, "Stripe SDK", "Stripe", "payments");
        client(rb, "sentry-ruby", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
        lib(rb, "thor", CLI, "Thor");
    }

    private static void dotnet() {
        String net = "dotnet";
        lib(net, "Microsoft.AspNetCore.*", WEB_FRAMEWORK, "ASP.NET Core");
        lib(net, "Microsoft.EntityFrameworkCore*", ORM, "Entity Framework Core");
        lib(net, "Dapper", ORM, "Dapper");
        client(net, "Npgsql*", DATABASE_DRIVER, "Npgsql", "PostgreSQL", "database");
        client(net, "Microsoft.Data.SqlClient", DATABASE_DRIVER, "SqlClient", "SQL Server", "database");
        client(net, "StackExchange.Redis", CACHE, "StackExchange.Redis", "Redis", "cache");
        lib(net, "xunit*", TEST, "xUnit.net");
        lib(net, "NUnit*", TEST, "NUnit");
        lib(net, "Microsoft.NET.Test.Sdk", TEST, ".NET Test SDK");
        lib(net, "Moq", TEST, "Moq");
        client(net, "AWSSDK.*", CLOUD_SDK, "AWS SDK for .NET", "AWS", "cloud");
        client(net, "Azure.*", CLOUD_SDK, "Azure SDK", "Azure", "cloud");
        client(net, "Confluent.Kafka", MESSAGING, "Confluent Kafka", "Kafka", "queue");
        client(net, "RabbitMQ.Client", MESSAGING, "RabbitMQ client", "RabbitMQ", "queue");
        lib(net, "Serilog*", LOGGING, "Serilog");
        lib(net, "Newtonsoft.Json", SERIALIZATION, "Json.NET");
        client(net, "Sentry*", OBSERVABILITY, "Sentry SDK", "Sentry", "observability");
    }
}
