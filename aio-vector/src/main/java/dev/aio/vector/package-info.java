/**
 * {@code VectorStore} implementations: an in-memory exact index (SIMD where the JVM offers it),
 * an embedded, persistent Lucene index with hybrid search, and a Weaviate client, plus an adapter
 * that exposes any of them as a langchain4j {@code EmbeddingStore}. Each store declares its
 * capabilities so unsupported searches and filters fail loudly. The implementation lands with
 * its own issue; until then this module holds no types.
 */
package dev.aio.vector;
