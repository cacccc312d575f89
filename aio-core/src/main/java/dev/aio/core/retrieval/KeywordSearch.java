package dev.aio.core.retrieval;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import java.util.List;

/**
 * Keyword (e.g. BM25) search over the same records as a vector store, for client-side hybrid
 * search when the {@link dev.aio.core.vector.VectorStore} has no keyword scoring of its own. The
 * {@link Retriever} fuses its ranking with the vector ranking by {@link RrfFusion}.
 *
 * <p>Implementations must honour the tenant and the filter exactly as a vector store does; the
 * retriever checks every hit against its access filter anyway and fails the request when one
 * does not meet it. Thread-safe.
 */
public interface KeywordSearch {

    /** @return a name for messages, e.g. {@code bm25:chunks} */
    String name();

    /**
     * @param text the query text, non-blank
     * @param topK the most hits, at least 1
     * @param tenant the tenant to search in, or {@code null} for records without one
     * @param filter a condition every hit meets, or {@code null}
     * @return hits, highest score first
     */
    List<SearchHit> search(String text, int topK, String tenant, Filter filter);
}
