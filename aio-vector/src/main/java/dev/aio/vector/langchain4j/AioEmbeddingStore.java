package dev.aio.vector.langchain4j;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.langchain4j.internal.Langchain4jFilters;
import dev.aio.vector.langchain4j.internal.Langchain4jMetadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Any aio {@link VectorStore} as a langchain4j {@code EmbeddingStore<TextSegment>}, so
 * langchain4j retrievers and ingestors can use aio's stores. Filters are translated to aio
 * filters and run inside the store; a filter the store cannot run (or langchain4j's
 * case-sensitive {@code ContainsString}) fails instead of being ignored: with
 * {@link UnsupportedOperationException}, as langchain4j's stores do, whose cause is aio's
 * {@link UnsupportedCapabilityException} naming the store and capability; an unsupported filter
 * operator inside the store surfaces as aio's exception directly. Scores are langchain4j relevance scores, {@code (cosine + 1) / 2},
 * so the wrapped store should score by cosine. Optionally confined to one tenant.
 *
 * <p>Thread-safe as the wrapped store is; closing the wrapped store is the caller's job.
 */
public final class AioEmbeddingStore implements EmbeddingStore<TextSegment> {

    private final VectorStore store;
    private final String tenant;

    private AioEmbeddingStore(VectorStore store, String tenant) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenant = tenant;
    }

    /** @param store the aio store @return an adapter over the store's records without a tenant */
    public static AioEmbeddingStore of(VectorStore store) {
        return new AioEmbeddingStore(store, null);
    }

    /**
     * @param store a multi-tenant aio store
     * @param tenant the tenant every call is confined to
     * @return the adapter
     */
    public static AioEmbeddingStore of(VectorStore store, String tenant) {
        return new AioEmbeddingStore(store, Objects.requireNonNull(tenant, "tenant"));
    }

    private VectorRecord record(String id, Embedding embedding, TextSegment segment) {
        VectorRecord r = segment == null ? VectorRecord.of(id, embedding.vector())
                : VectorRecord.of(id, embedding.vector(), segment.text(), Langchain4jMetadata.toAio(segment.metadata()));
        return tenant == null ? r : r.withTenant(tenant);
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        store.upsert(List.of(record(id, embedding, null)));
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        store.upsert(List.of(record(id, embedding, segment)));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        List<String> ids = generateIds(embeddings.size());
        addAll(ids, embeddings, null);
        return ids;
    }

    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(embeddings, "embeddings");
        if (ids.size() != embeddings.size() || (segments != null && segments.size() != embeddings.size())) {
            throw new IllegalArgumentException("ids, embeddings and segments differ in size: " + ids.size() + ", "
                    + embeddings.size() + ", " + (segments == null ? "-" : segments.size()));
        }
        List<VectorRecord> records = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            records.add(record(ids.get(i), embeddings.get(i), segments == null ? null : segments.get(i)));
        }
        store.upsert(records);
    }

    @Override
    public void remove(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id cannot be null or blank");
        }
        store.delete(tenant, List.of(id));
    }

    @Override
    public void removeAll(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("ids cannot be null or empty");
        }
        store.delete(tenant, ids);
    }

    @Override
    public void removeAll(Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter cannot be null");
        }
        store.delete(tenant, filter(filter));
    }

    @Override
    public void removeAll() {
        store.deleteAll(tenant);
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        VectorQuery.Builder q = VectorQuery.builder(request.queryEmbedding().vector())
                .topK(Math.min(request.maxResults(), VectorQuery.MAX_TOP_K));
        if (request.minScore() > 0) {
            q.minScore(2 * request.minScore() - 1);
        }
        if (request.filter() != null) {
            q.filter(filter(request.filter()));
        }
        if (tenant != null) {
            q.tenant(tenant);
        }
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
        for (SearchHit hit : store.search(q.build())) {
            VectorRecord r = hit.record();
            TextSegment segment = r.text() == null ? null
                    : TextSegment.from(r.text(), Langchain4jMetadata.fromAio(r.metadata()));
            matches.add(new EmbeddingMatch<>(RelevanceScore.fromCosineSimilarity(hit.score()), r.id(),
                    Embedding.from(r.vector()), segment));
        }
        return new EmbeddingSearchResult<>(matches);
    }

    /** langchain4j signals an unsupported filter with UnsupportedOperationException; keep aio's as the cause. */
    private dev.aio.core.vector.Filter filter(Filter filter) {
        try {
            return Langchain4jFilters.toAio(store.name(), filter);
        } catch (UnsupportedCapabilityException e) {
            throw new UnsupportedOperationException(e.getMessage(), e);
        }
    }

    /** @return the wrapped store */
    public VectorStore store() {
        return store;
    }

    @Override
    public String toString() {
        return "AioEmbeddingStore{" + store.name() + (tenant == null ? "" : ", tenant=" + tenant) + "}";
    }
}
