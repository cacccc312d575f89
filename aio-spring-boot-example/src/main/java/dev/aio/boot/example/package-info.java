/**
 * An example Spring Boot service on {@code aio-spring-boot-starter}: {@code GET /ask?q=...} and
 * {@code POST /ingest}, configured in {@code application.properties}.
 */
package dev.aio.boot.example;
