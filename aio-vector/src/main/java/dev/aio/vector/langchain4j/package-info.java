/**
 * {@link dev.aio.vector.langchain4j.AioEmbeddingStore}: any aio {@link
 * dev.aio.core.vector.VectorStore} as a langchain4j {@code EmbeddingStore<TextSegment>}, filters
 * included. Needs {@code dev.langchain4j:langchain4j-core} on the class path (an optional
 * dependency of this module).
 */
package dev.aio.vector.langchain4j;
