package dev.aio.core.retrieval;

import dev.aio.core.vector.SearchHit;
import java.util.List;

/**
 * Reorders retrieved chunks by a finer relevance judgement than the first-stage search: a
 * cross-encoder, or a language model ({@link LlmReranker}). The {@link Retriever} fetches more
 * candidates than it returns, reranks them and keeps the best.
 *
 * <p>A reranker may only reorder and rescore the hits it is given; the retriever refuses hits it
 * did not pass in, so a reranker can never add a chunk the caller may not see. Thread-safe.
 */
public interface Reranker {

    /** @return a name for messages and lineage, e.g. {@code llm:gpt-4o-mini} */
    String name();

    /**
     * @param query the query text
     * @param hits the candidates, best first by the first stage; not empty
     * @return the same hits (or a subset), best first, each with the reranker's score
     */
    List<SearchHit> rerank(String query, List<SearchHit> hits);
}
