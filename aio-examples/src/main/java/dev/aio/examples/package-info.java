/**
 * Runnable, tested examples of aio. {@link dev.aio.examples.CoreDemo} is the plain-Java demo of
 * the engine: the real ingestion of sample documents into an in-memory index with the offline
 * MiniLM embedder, an ingest report with a dead letter and its reason, a Mermaid diagram and an
 * extractive answer with citations to {@code bucket/key@version}.
 */
package dev.aio.examples;
