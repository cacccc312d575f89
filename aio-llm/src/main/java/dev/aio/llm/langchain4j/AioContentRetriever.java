package dev.aio.llm.langchain4j;

import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.AccessViolationException;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.llm.langchain4j.internal.SegmentMetadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An aio {@link Retriever} as a langchain4j {@link ContentRetriever}, for
 * {@code AiServices.builder(...).contentRetriever(...)} and langchain4j's RAG augmentors.
 *
 * <p><b>Access.</b> Every retrieval is made for an {@link AccessContext} fixed when the adapter
 * is built, or resolved per query by a function of langchain4j's {@link Query} (typically from
 * its chat memory id or invocation parameters). Nothing in the query can choose or widen it:
 * the retriever ANDs the context's tenant and ACL condition to the configured filter. A resolver
 * that returns {@code null} fails the query with an {@link AccessViolationException} instead of
 * searching without a context.
 *
 * <p><b>Lineage.</b> Each {@link Content}'s {@link TextSegment} carries the hit's lineage
 * metadata ({@code bucket, key, versionId, etag, chunkIndex, start, end, firstPage, ...}) plus
 * {@value #CHUNK_ID} and {@value #TENANT}, so a citation can lead back to the object version.
 * Values langchain4j metadata cannot hold (lists such as the ACL labels) are left out. The
 * content metadata holds the score and the chunk id.
 *
 * <p>Immutable and thread-safe when the retriever and resolver are.
 */
public final class AioContentRetriever implements ContentRetriever {

    /** The segment metadata key holding the chunk's id in its store. */
    public static final String CHUNK_ID = "chunkId";
    /** The segment metadata key holding the chunk's store tenant, when it has one. */
    public static final String TENANT = "tenant";

    private final Retriever retriever;
    private final Function<Query, AccessContext> access;
    private final int topK;
    private final Filter filter;
    private final double minScore;

    private AioContentRetriever(Builder b) {
        this.retriever = b.retriever;
        this.access = b.access;
        this.topK = b.topK;
        this.filter = b.filter;
        this.minScore = b.minScore;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param query langchain4j's query; its text is the question
     * @return up to topK contents, best first
     * @throws AccessViolationException when the resolver gives no context, or the retriever
     *     refuses the request
     */
    @Override
    public List<Content> retrieve(Query query) {
        Objects.requireNonNull(query, "query");
        RetrievalRequest.Builder request = RetrievalRequest.builder(query.text()).topK(topK);
        if (access != null) {
            AccessContext context = access.apply(query);
            if (context == null) {
                throw new AccessViolationException("AioContentRetriever's access resolver gave no AccessContext for "
                        + "the query; refusing to search without one (resolve the user from the query metadata)");
            }
            request.access(context);
        }
        if (filter != null) {
            request.filter(filter);
        }
        if (minScore != Double.NEGATIVE_INFINITY) {
            request.minScore(minScore);
        }
        List<SearchHit> hits = retriever.retrieve(request.build());
        List<Content> contents = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            if (hit.text() == null) {
                continue; // a record without text has nothing to put in a prompt
            }
            TextSegment segment = TextSegment.from(hit.text(), SegmentMetadata.of(hit.record()));
            contents.add(Content.from(segment,
                    Map.of(ContentMetadata.SCORE, hit.score(), ContentMetadata.EMBEDDING_ID, hit.id())));
        }
        return contents;
    }

    @Override
    public String toString() {
        return "AioContentRetriever{" + retriever + ", topK=" + topK + (filter == null ? "" : ", filter=" + filter)
                + (access == null ? ", no access context" : "") + "}";
    }

    /** Builds an {@link AioContentRetriever}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private Retriever retriever;
        private Function<Query, AccessContext> access;
        private int topK = RetrievalRequest.DEFAULT_TOP_K;
        private boolean topKSet;
        private Filter filter;
        private double minScore = Double.NEGATIVE_INFINITY;

        private Builder() {
        }

        /** @param value the retriever to search with, not null @return this */
        public Builder retriever(Retriever value) {
            if (retriever != null) {
                throw new IllegalStateException("AioContentRetriever retriever is already set to " + retriever);
            }
            retriever = Objects.requireNonNull(value, "retriever");
            return this;
        }

        /** @param value the one context every query is made for, not null @return this */
        public Builder access(AccessContext value) {
            Objects.requireNonNull(value, "access");
            return access(q -> value);
        }

        /**
         * @param resolver resolves whom a query is for, e.g. from {@code query.metadata().chatMemoryId()};
         *     returning null fails the query
         * @return this
         */
        public Builder access(Function<Query, AccessContext> resolver) {
            if (access != null) {
                throw new IllegalStateException("AioContentRetriever access is already set");
            }
            access = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** @param value chunks per query, 1 to {@value RetrievalRequest#MAX_TOP_K}; default 5 @return this */
        public Builder topK(int value) {
            if (topKSet) {
                throw new IllegalStateException("AioContentRetriever topK is already set to " + topK);
            }
            if (value < 1 || value > RetrievalRequest.MAX_TOP_K) {
                throw new IllegalArgumentException("topK must be in [1, " + RetrievalRequest.MAX_TOP_K + "], was " + value);
            }
            topK = value;
            topKSet = true;
            return this;
        }

        /** @param value a condition every chunk meets; the access condition is ANDed to it @return this */
        public Builder filter(Filter value) {
            if (filter != null) {
                throw new IllegalStateException("AioContentRetriever filter is already set to " + filter);
            }
            filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        /** @param value the lowest vector similarity a chunk may have @return this */
        public Builder minScore(double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("minScore is NaN");
            }
            minScore = value;
            return this;
        }

        /**
         * @return the adapter
         * @throws IllegalStateException without a retriever, or without an access context for a
         *     multi-tenant retriever
         */
        public AioContentRetriever build() {
            if (retriever == null) {
                throw new IllegalStateException("AioContentRetriever needs retriever(...) before build()");
            }
            if (access == null && retriever.multiTenant()) {
                throw new IllegalStateException("AioContentRetriever over a multi-tenant " + retriever
                        + " needs access(AccessContext) or access(Function<Query, AccessContext>)");
            }
            return new AioContentRetriever(this);
        }
    }
}
