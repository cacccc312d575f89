/**
 * Retrieval: {@link dev.aio.core.retrieval.Retriever} turns a question into the chunks that
 * answer it (vector search, hybrid search in the store or by client-side
 * {@link dev.aio.core.retrieval.RrfFusion}, {@link dev.aio.core.retrieval.Mmr} diversity and a
 * {@link dev.aio.core.retrieval.Reranker}), and enforces access: an
 * {@link dev.aio.core.retrieval.AccessContext} becomes a filter the caller can neither remove
 * nor widen.
 *
 * <p>Rerankers: {@link dev.aio.core.retrieval.LlmReranker} asks a language model. A
 * cross-encoder (such as ms-marco-MiniLM) needs an inference runtime that aio-core does not
 * depend on, and no cross-encoder model artifact is available offline from Maven Central, so
 * none ships here; a provider module can implement {@link dev.aio.core.retrieval.Reranker} with
 * one.
 */
package dev.aio.core.retrieval;
