/**
 * Bridges between aio's model SPIs and langchain4j's, both ways.
 *
 * <ul>
 *   <li>{@link dev.aio.llm.langchain4j.Langchain4jLanguageModel} and
 *       {@link dev.aio.llm.langchain4j.Langchain4jEmbedder}: any langchain4j chat, streaming chat
 *       or embedding model as an aio {@code LanguageModel} or {@code Embedder}, with failures
 *       mapped onto aio's retriable / non-retriable tree and keys masked.</li>
 *   <li>{@link dev.aio.llm.langchain4j.AioChatModel} and
 *       {@link dev.aio.llm.langchain4j.AioEmbeddingModel}: aio models as langchain4j's.</li>
 *   <li>{@link dev.aio.llm.langchain4j.AioContentRetriever}: aio's retriever as a langchain4j
 *       {@code ContentRetriever}, each query made for an access context it cannot widen.</li>
 *   <li>{@link dev.aio.llm.langchain4j.AioTools}: search and read-only object tools for
 *       langchain4j agents, bound to one access context and {@link dev.aio.llm.langchain4j.ObjectScope}
 *       (needs {@code dev.langchain4j:langchain4j} on the classpath).</li>
 * </ul>
 *
 * <p>Ready-made builders for hosted and local providers live in {@code dev.aio.llm.openai},
 * {@code dev.aio.llm.anthropic} and {@code dev.aio.llm.ollama}.
 */
package dev.aio.llm.langchain4j;
