package dev.aio.core.retrieval;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.model.Embedder;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the chunks that answer a query: embeds it, searches the {@link VectorStore} with the
 * request's topK, filter and minimum score, and optionally combines keyword search, reranks and
 * diversifies.
 *
 * <p><b>Hybrid search.</b> When the request asks for it, the store does it if its
 * {@link Capabilities#hybrid() capabilities} allow (RRF if offered, else weighted 0.5); otherwise
 * the retriever fuses its vector search with its {@link KeywordSearch} by {@link RrfFusion}; with
 * neither, the request is refused with an {@link UnsupportedCapabilityException}.
 *
 * <p><b>Access control.</b> A retriever built with {@link Builder#multiTenant()} refuses any
 * request without an {@link AccessContext}; any retriever enforces a context it is given. For a
 * request with one, it searches only the
 * context's tenant (the store's tenant when the store isolates tenants, else records whose
 * {@value #TENANT_KEY} metadata equals it) and only chunks whose
 * {@link dev.aio.core.ingest.Lineage#ACL} labels include the principal, one of its groups or
 * {@link AccessContext#EVERYONE}. That condition is ANDed to the caller's filter, so no filter
 * can widen it, and every hit from the store, the keyword search and the reranker is checked
 * against it again: a component that ignores it fails the request with an
 * {@link AccessViolationException} instead of leaking. Chunks without labels are never returned
 * to a request with a context (deny by default).
 *
 * <p>Order of work: first-stage search of {@link RetrievalRequest#candidates()} hits when a
 * reranker or MMR follows (else topK), then rerank, then MMR, then the best topK.
 *
 * <p>Immutable and thread-safe when its components are. It does not own them: closing them is
 * the caller's business.
 */
public final class Retriever {

    /** The metadata key holding a record's tenant when the store does not isolate tenants. */
    public static final String TENANT_KEY = "tenant";

    private final Embedder embedder;
    private final VectorStore store;
    private final KeywordSearch keywords;
    private final Reranker reranker;
    private final boolean multiTenant;
    private final int rrfK;

    private Retriever(Builder b) {
        this.embedder = b.embedder;
        this.store = b.store;
        this.keywords = b.keywords;
        this.reranker = b.reranker;
        this.multiTenant = b.multiTenant;
        this.rrfK = b.rrfK == 0 ? RrfFusion.DEFAULT_K : b.rrfK;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether every request needs an {@link AccessContext} */
    public boolean multiTenant() {
        return multiTenant;
    }

    /**
     * @param query the question
     * @param access whom it is for
     * @return up to {@value RetrievalRequest#DEFAULT_TOP_K} chunks, best first
     */
    public List<SearchHit> retrieve(String query, AccessContext access) {
        return retrieve(RetrievalRequest.of(query, access));
    }

    /**
     * @param request the request
     * @return up to {@code topK} chunks, best first (in MMR's pick order when MMR was asked for)
     * @throws AccessViolationException when a multi-tenant retriever gets no access context, or
     *     a component returns a chunk outside it
     * @throws UnsupportedCapabilityException for hybrid search with neither a hybrid store nor
     *     a keyword search, or a filter operator the store lacks
     */
    public List<SearchHit> retrieve(RetrievalRequest request) {
        AccessGuard guard = guard(request);
        float[] vector = embedder.embed(request.query());
        boolean refine = reranker != null || request.mmrLambda().isPresent();
        int fetch = refine ? request.candidates() : request.topK();
        Filter filter = guard.combine(request.filter().orElse(null));

        List<SearchHit> hits;
        if (!request.hybrid()) {
            hits = store.search(query(vector, fetch, filter, guard).minScore(request.minScore()).build());
            guard.check(hits, "vector store '" + store.name() + "'");
        } else if (store.capabilities().hybrid()) {
            Set<HybridSearch.Fusion> fusions = store.capabilities().hybridFusions();
            HybridSearch hybrid = fusions.contains(HybridSearch.Fusion.RRF) ? HybridSearch.rrf(request.query())
                    : HybridSearch.weighted(request.query(), 0.5);
            hits = store.search(query(vector, fetch, filter, guard).hybrid(hybrid).build());
            guard.check(hits, "vector store '" + store.name() + "'");
        } else if (keywords != null) {
            List<SearchHit> byVector = store.search(
                    query(vector, fetch, filter, guard).minScore(request.minScore()).build());
            guard.check(byVector, "vector store '" + store.name() + "'");
            List<SearchHit> byKeyword = keywords.search(request.query(), fetch, guard.namespace(), filter);
            guard.check(byKeyword, "keyword search '" + keywords.name() + "'");
            hits = RrfFusion.fuse(List.of(byVector, byKeyword), rrfK, fetch);
        } else {
            throw new UnsupportedCapabilityException(store.name(), "hybrid search",
                    "give the Retriever a KeywordSearch for client-side RRF fusion, or use a store with hybrid search");
        }

        if (reranker != null && !hits.isEmpty()) {
            hits = rerank(request.query(), hits, guard);
        }
        if (request.mmrLambda().isPresent()) {
            return Mmr.select(vector, hits, request.topK(), request.mmrLambda().getAsDouble());
        }
        return hits.size() > request.topK() ? List.copyOf(hits.subList(0, request.topK())) : hits;
    }

    private AccessGuard guard(RetrievalRequest request) {
        if (request.access().isEmpty()) {
            if (multiTenant) {
                throw new AccessViolationException("Retriever over '" + store.name() + "' is multi-tenant: every "
                        + "request needs an AccessContext (principal, tenant, groups); got none for " + request);
            }
            return AccessGuard.open();
        }
        return AccessGuard.of(request.access().get(), store.capabilities().tenants());
    }

    private static VectorQuery.Builder query(float[] vector, int topK, Filter filter, AccessGuard guard) {
        VectorQuery.Builder q = VectorQuery.builder(vector).topK(Math.min(topK, VectorQuery.MAX_TOP_K));
        if (filter != null) {
            q.filter(filter);
        }
        if (guard.namespace() != null) {
            q.tenant(guard.namespace());
        }
        return q;
    }

    private List<SearchHit> rerank(String query, List<SearchHit> hits, AccessGuard guard) {
        List<SearchHit> reranked = reranker.rerank(query, hits);
        // A reranker may reorder and drop, never add: anything new could come from anywhere.
        Set<List<String>> given = new HashSet<>();
        hits.forEach(h -> given.add(java.util.Arrays.asList(h.record().tenant(), h.id())));
        for (SearchHit h : reranked) {
            if (!given.contains(java.util.Arrays.asList(h.record().tenant(), h.id()))) {
                throw new AccessViolationException("reranker '" + reranker.name() + "' returned chunk '" + h.id()
                        + "' that it was not given; a reranker may only reorder its input");
            }
        }
        guard.check(reranked, "reranker '" + reranker.name() + "'");
        return reranked;
    }

    @Override
    public String toString() {
        return "Retriever{store=" + store.name() + ", embedder=" + embedder.modelId()
                + (keywords == null ? "" : ", keywords=" + keywords.name())
                + (reranker == null ? "" : ", reranker=" + reranker.name()) + (multiTenant ? ", multiTenant" : "")
                + "}";
    }

    /** Builds a {@link Retriever}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private Embedder embedder;
        private VectorStore store;
        private KeywordSearch keywords;
        private Reranker reranker;
        private boolean multiTenant;
        private int rrfK;

        private Builder() {
        }

        private static <T> T once(String name, T current, T value) {
            java.util.Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException("Retriever " + name + " is already set to " + current);
            }
            return value;
        }

        /** @param value embeds queries; the model the records were embedded with @return this */
        public Builder embedder(Embedder value) {
            embedder = once("embedder", embedder, value);
            return this;
        }

        /** @param value where the chunks are @return this */
        public Builder vectorStore(VectorStore value) {
            store = once("vectorStore", store, value);
            return this;
        }

        /** @param value keyword search for client-side hybrid search @return this */
        public Builder keywordSearch(KeywordSearch value) {
            keywords = once("keywordSearch", keywords, value);
            return this;
        }

        /** @param value reorders the candidates @return this */
        public Builder reranker(Reranker value) {
            reranker = once("reranker", reranker, value);
            return this;
        }

        /** Requires an {@link AccessContext} on every request and keeps tenants apart. @return this */
        public Builder multiTenant() {
            if (multiTenant) {
                throw new IllegalStateException("Retriever multiTenant is already set");
            }
            multiTenant = true;
            return this;
        }

        /** @param k the RRF rank constant for client-side fusion, positive; default 60 @return this */
        public Builder rrfK(int k) {
            if (rrfK != 0) {
                throw new IllegalStateException("Retriever rrfK is already set to " + rrfK);
            }
            if (k <= 0) {
                throw new IllegalArgumentException("RRF k must be positive, was " + k);
            }
            rrfK = k;
            return this;
        }

        /**
         * @return the retriever
         * @throws IllegalStateException naming what is missing
         */
        public Retriever build() {
            if (embedder == null || store == null) {
                throw new IllegalStateException("Retriever needs " + (embedder == null ? "embedder" : "vectorStore")
                        + "(...) before build()");
            }
            return new Retriever(this);
        }
    }
}
