package dev.controlplane.project.manifests;

import static dev.controlplane.project.manifests.DependencyCatalogue.CACHE;
import static dev.controlplane.project.manifests.DependencyCatalogue.CLI;
import static dev.controlplane.project.manifests.DependencyCatalogue.CLOUD_SDK;
import static dev.controlplane.project.manifests.DependencyCatalogue.DATABASE_DRIVER;
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
import static dev.controlplane.project.manifests.DependencyCatalogue.WEB_FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.client;
import static dev.controlplane.project.manifests.DependencyCatalogue.lib;

/**
 * The Go, Rust, Ruby and .NET parts of {@link DependencyCatalogue}: the well-known frameworks, test libraries and
 * service clients of each, by module path, crate, gem or NuGet package name.
 * Registered once, when the catalogue is first used.
 */
final class OtherEcosystemsCatalogue {

    private OtherEcosystemsCatalogue() {
    }

    static void register() {
        go();
        rust();
        ruby();
        dotnet();
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
