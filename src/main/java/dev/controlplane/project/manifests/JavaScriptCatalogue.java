package dev.controlplane.project.manifests;

import static dev.controlplane.project.manifests.DependencyCatalogue.BUILD;
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
import static dev.controlplane.project.manifests.DependencyCatalogue.TEMPLATING;
import static dev.controlplane.project.manifests.DependencyCatalogue.TEST;
import static dev.controlplane.project.manifests.DependencyCatalogue.UI_FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.VALIDATION;
import static dev.controlplane.project.manifests.DependencyCatalogue.WEB_FRAMEWORK;
import static dev.controlplane.project.manifests.DependencyCatalogue.client;
import static dev.controlplane.project.manifests.DependencyCatalogue.lib;

/**
 * The JavaScript (npm) part of {@link DependencyCatalogue}: frameworks, ORMs, drivers, test, lint and build
 * tools, cloud SDKs and service clients, by package name (scoped names as written, {@code @scope/name}).
 * Registered once, when the catalogue is first used.
 */
final class JavaScriptCatalogue {

    private JavaScriptCatalogue() {
    }

    static void register() {
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
}
