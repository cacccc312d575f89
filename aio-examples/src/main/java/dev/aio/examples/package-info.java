/**
 * Runnable, tested examples of aio, each a plain Java program with a {@code main} method.
 * <ul>
 *   <li>{@link dev.aio.examples.CoreDemo}: the engine with nothing to install; the real ingestion
 *       of sample documents into an in-memory index with the offline MiniLM embedder, an ingest
 *       report with a dead letter and its reason, a Mermaid diagram and an extractive answer with
 *       citations to {@code bucket/key@version}.</li>
 *   <li>{@link dev.aio.examples.MinioWeaviateRag}: a prefix of any S3 API server ingested
 *       incrementally into Weaviate, then an answer with citations.</li>
 *   <li>{@link dev.aio.examples.EventDrivenSync}: an index kept in step with a bucket by a polling
 *       watch and by object events, through overwrites, deletions and replayed events.</li>
 *   <li>{@link dev.aio.examples.AgentWithAioTools}: a langchain4j agent whose search tool is
 *       aio's.</li>
 * </ul>
 */
package dev.aio.examples;
