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
 * The Python (PyPI) part of {@link DependencyCatalogue}: web frameworks, ORMs, drivers, test and lint tools,
 * cloud SDKs and service clients, by normalised package name.
 * Registered once, when the catalogue is first used.
 */
final class PythonCatalogue {

    private PythonCatalogue() {
    }

    static void register() {
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
}
