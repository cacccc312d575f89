package dev.aio.core.vector;

import dev.aio.core.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The base of every {@link VectorStore} provider: the public methods are final; they check that
 * the store is open, validate the arguments, fix the store's dimensions on the first upsert,
 * refuse what {@link #capabilities()} does not declare, and then call the protected
 * {@code do...} hooks, which see only valid input. Search results are checked against the
 * contract (at most {@code topK}, highest first, none below the minimum score), so a provider
 * bug fails loudly instead of returning wrong answers.
 *
 * <p>Subclasses must be thread-safe.
 */
public abstract class AbstractVectorStore implements VectorStore {

    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int dimensions;

    /**
     * @param name the store's name for messages, not blank
     * @param dimensions the vector length, or 0 to take it from the first upsert
     */
    protected AbstractVectorStore(String name, int dimensions) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("vector store name is blank");
        }
        if (dimensions < 0) {
            throw new IllegalArgumentException("dimensions must be positive or 0 (not yet known), was " + dimensions);
        }
        this.name = name;
        this.dimensions = dimensions;
    }

    // ---- hooks -----------------------------------------------------------------------------

    /** @param records valid records of the store's dimensions, unique by tenant and id */
    protected abstract void doUpsert(List<VectorRecord> records);

    /** @param tenant a declared tenant or null @param ids distinct, non-blank ids @return how many were deleted */
    protected abstract int doDelete(String tenant, List<String> ids);

    /** @param tenant a declared tenant or null @param filter a supported filter @return how many were deleted */
    protected abstract int doDelete(String tenant, Filter filter);

    /** @param tenant a declared tenant or null @return how many records of the tenant were deleted */
    protected abstract int doDeleteAll(String tenant);

    /** @param tenant a declared tenant or null @param ids distinct ids @return the records found, any order */
    protected abstract List<VectorRecord> doGet(String tenant, List<String> ids);

    /** @param tenant a declared tenant or null @param filter a supported filter or null @return the count */
    protected abstract long doCount(String tenant, Filter filter);

    /**
     * @param query a query whose dimensions, tenant, filter and hybrid part the store supports
     * @return at most topK hits with score at least the minimum, highest first
     */
    protected abstract List<SearchHit> doSearch(VectorQuery query);

    /** Releases resources; called once. */
    protected abstract void doClose();

    // ---- template --------------------------------------------------------------------------

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int dimensions() {
        return dimensions;
    }

    /**
     * Fixes the dimensions, e.g. from a restored snapshot, when not yet known.
     *
     * @param dims the vector length
     * @throws VectorStoreException when different dimensions are already fixed
     */
    protected final synchronized void fixDimensions(int dims) {
        if (dimensions == 0) {
            dimensions = dims;
        } else if (dimensions != dims) {
            throw mismatch("record", dims);
        }
    }

    @Override
    public final void upsert(Collection<VectorRecord> records) {
        ensureOpen();
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            return;
        }
        Map<List<String>, VectorRecord> unique = new LinkedHashMap<>();
        for (VectorRecord r : records) {
            Objects.requireNonNull(r, "record");
            checkTenant(r.tenant());
            unique.remove(key(r));
            unique.put(key(r), r);
        }
        int dims = dimensions;
        if (dims == 0) {
            fixDimensions(unique.values().iterator().next().dimensions());
            dims = dimensions;
        }
        for (VectorRecord r : unique.values()) {
            if (r.dimensions() != dims) {
                throw mismatch("record '" + r.id() + "'", r.dimensions());
            }
        }
        doUpsert(new ArrayList<>(unique.values()));
    }

    private static List<String> key(VectorRecord r) {
        return java.util.Arrays.asList(r.tenant(), r.id());
    }

    @Override
    public final int delete(String tenant, Collection<String> ids) {
        ensureOpen();
        checkTenant(tenant);
        List<String> distinct = ids(ids);
        return distinct.isEmpty() ? 0 : doDelete(tenant, distinct);
    }

    @Override
    public final int delete(String tenant, Filter filter) {
        ensureOpen();
        checkTenant(tenant);
        Objects.requireNonNull(filter, "filter (to delete everything, delete by ids)");
        checkFilter(filter);
        return doDelete(tenant, filter);
    }

    @Override
    public final int deleteAll(String tenant) {
        ensureOpen();
        checkTenant(tenant);
        return doDeleteAll(tenant);
    }

    @Override
    public final List<VectorRecord> get(String tenant, Collection<String> ids) {
        ensureOpen();
        checkTenant(tenant);
        List<String> distinct = ids(ids);
        if (distinct.isEmpty()) {
            return List.of();
        }
        Map<String, VectorRecord> byId = new LinkedHashMap<>();
        for (VectorRecord r : doGet(tenant, distinct)) {
            byId.put(r.id(), r);
        }
        List<VectorRecord> out = new ArrayList<>(byId.size());
        for (String id : distinct) {
            VectorRecord r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public final long count(String tenant, Filter filter) {
        ensureOpen();
        checkTenant(tenant);
        if (filter != null) {
            checkFilter(filter);
        }
        return doCount(tenant, filter);
    }

    @Override
    public final List<SearchHit> search(VectorQuery query) {
        ensureOpen();
        Objects.requireNonNull(query, "query");
        checkTenant(query.tenant());
        query.filter().ifPresent(this::checkFilter);
        query.hybrid().ifPresent(h -> {
            if (!capabilities().hybridFusions().contains(h.fusion())) {
                throw new UnsupportedCapabilityException(name, "hybrid search with " + h.fusion() + " fusion",
                        capabilities().hybrid() ? "use one of " + capabilities().hybridFusions()
                                : "it has no keyword scoring; search by vector only, or use a store with hybrid search");
            }
        });
        int dims = dimensions;
        if (dims == 0) {
            return List.of();
        }
        if (query.dimensions() != dims) {
            throw mismatch("query vector", query.dimensions());
        }
        List<SearchHit> hits = doSearch(query);
        checkHits(query, hits);
        return hits;
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            doClose();
        }
    }

    /** @return whether {@link #close()} was called */
    protected final boolean isClosed() {
        return closed.get();
    }

    /** @throws IllegalStateException when the store is closed */
    protected final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("vector store '" + name + "' is closed");
        }
    }

    // ---- checks ----------------------------------------------------------------------------

    private void checkTenant(String tenant) {
        if (tenant != null && !capabilities().tenants()) {
            throw new UnsupportedCapabilityException(name, "tenants (asked for tenant '" + tenant + "')",
                    "leave the tenant out, or filter on a metadata key instead");
        }
    }

    private void checkFilter(Filter filter) {
        Set<FilterOperator> missing = filter.operators();
        missing.removeAll(capabilities().filterOperators());
        if (!missing.isEmpty()) {
            FilterOperator first = missing.iterator().next();
            throw new UnsupportedCapabilityException(name, "the filter operator '" + first.symbol() + "' (" + first
                    + ") in filter " + filter, "it supports " + capabilities().filterOperators());
        }
    }

    private static List<String> ids(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(VectorRecord.requireId(id));
        }
        return new ArrayList<>(distinct);
    }

    private VectorStoreException mismatch(String what, int actual) {
        return new VectorStoreException(name, what + " has " + actual + " dimensions but the store holds vectors of "
                + dimensions + "; embed with the same model as the stored records", null);
    }

    private void checkHits(VectorQuery query, List<SearchHit> hits) {
        if (hits == null) {
            throw new IllegalStateException("vector store '" + name + "' returned null from doSearch");
        }
        if (hits.size() > query.topK()) {
            throw new IllegalStateException("vector store '" + name + "' returned " + hits.size()
                    + " hits for topK " + query.topK());
        }
        double previous = Double.POSITIVE_INFINITY;
        for (SearchHit h : hits) {
            if (h.score() > previous || h.score() < query.minScore() || Double.isNaN(h.score())) {
                throw new IllegalStateException("vector store '" + name + "' returned hits out of order or below "
                        + "minScore " + query.minScore() + ": " + h.id() + " scored " + h.score());
            }
            previous = h.score();
        }
    }
}
