/**
 * {@code VectorStore} implementations of the SPI in {@link dev.aio.core.vector}:
 * {@link dev.aio.vector.memory.InMemoryVectorStore}, an exact in-memory index (SIMD where the JVM
 * offers it, optional int8 quantization, snapshots); {@link dev.aio.vector.lucene.LuceneVectorStore},
 * an embedded Lucene index (HNSW, BM25, hybrid fusion, durable in a directory); and
 * {@link dev.aio.vector.langchain4j.AioEmbeddingStore}, which exposes any of them as a langchain4j
 * {@code EmbeddingStore}. The Weaviate client is not written yet. Each store declares its
 * capabilities so unsupported searches and filters fail loudly.
 *
 * <p>Every store runs the shared contract suite {@code dev.aio.vector.testing.VectorStoreContract},
 * shipped in this module's test-jar.
 */
package dev.aio.vector;
