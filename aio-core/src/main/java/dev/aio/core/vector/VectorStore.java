package dev.aio.core.vector;

import java.util.Collection;
import java.util.List;

/**
 * Records of an id, a float vector, a text and metadata, searched by vector similarity.
 *
 * <p>Records are identified by tenant and id; a {@code null} tenant is the records without a
 * tenant, and only {@linkplain Capabilities#tenants() multi-tenant} stores accept any other.
 * Every method sees one tenant only: records of other tenants are never returned, counted or
 * deleted.
 *
 * <p>A store declares what it can do in {@link #capabilities()}. Hybrid search, filter
 * operators and tenants it has not declared are refused with an
 * {@link dev.aio.core.UnsupportedCapabilityException} that names the store and the capability,
 * before any work is done; nothing is silently ignored.
 *
 * <p>Implementations are thread-safe and extend {@link AbstractVectorStore}, which validates
 * every argument. Calls after {@link #close()} throw {@link IllegalStateException}.
 *
 * <pre>{@code
 * store.upsert(List.of(VectorRecord.of("doc-1#0", vector, "text", Map.of("lang", "en"))));
 * List<SearchHit> hits = store.search(VectorQuery.builder(query).topK(5)
 *     .filter(Filter.parse("lang == 'en'")).build());
 * }</pre>
 */
public interface VectorStore extends AutoCloseable {

    /** @return a stable name for error messages and lineage, e.g. {@code memory:chunks} */
    String name();

    /** @return what the store can do beyond plain vector search */
    Capabilities capabilities();

    /** @return the length of every vector in the store; 0 until the first record fixes it */
    int dimensions();

    /**
     * Inserts records, replacing any with the same tenant and id. When a batch holds the same
     * tenant and id twice, the later one wins. Visible to searches once the call returns.
     *
     * @param records the records, none null; an empty collection does nothing
     * @throws VectorStoreException when a vector's length differs from {@link #dimensions()}
     * @throws dev.aio.core.UnsupportedCapabilityException for a tenant in a single-tenant store
     */
    void upsert(Collection<VectorRecord> records);

    /**
     * Deletes records by id; ids that are not present are ignored.
     *
     * @param tenant the tenant, or {@code null} for records without one
     * @param ids the ids, none null or blank
     * @return how many records were deleted
     */
    int delete(String tenant, Collection<String> ids);

    /**
     * Deletes records by id from the records without a tenant.
     *
     * @param ids the ids
     * @return how many records were deleted
     */
    default int delete(Collection<String> ids) {
        return delete(null, ids);
    }

    /**
     * Deletes every record of the tenant that matches the filter.
     *
     * @param tenant the tenant, or {@code null}
     * @param filter the condition, not null
     * @return how many records were deleted
     * @throws dev.aio.core.UnsupportedCapabilityException for an undeclared operator
     */
    int delete(String tenant, Filter filter);

    /**
     * Deletes every record without a tenant that matches the filter.
     *
     * @param filter the condition, not null
     * @return how many records were deleted
     */
    default int delete(Filter filter) {
        return delete(null, filter);
    }

    /**
     * Deletes every record of one tenant.
     *
     * @param tenant the tenant, or {@code null} for the records without one
     * @return how many records were deleted
     */
    int deleteAll(String tenant);

    /**
     * Reads records by id.
     *
     * @param tenant the tenant, or {@code null}
     * @param ids the ids
     * @return the records found, in the order of {@code ids}; missing ids are skipped
     */
    List<VectorRecord> get(String tenant, Collection<String> ids);

    /**
     * Reads records without a tenant by id.
     *
     * @param ids the ids
     * @return the records found, in the order of {@code ids}
     */
    default List<VectorRecord> get(Collection<String> ids) {
        return get(null, ids);
    }

    /**
     * Counts the tenant's records that match a filter.
     *
     * @param tenant the tenant, or {@code null}
     * @param filter the condition, or {@code null} for every record
     * @return the count
     */
    long count(String tenant, Filter filter);

    /**
     * Counts the records without a tenant that match a filter.
     *
     * @param filter the condition, or {@code null} for every record
     * @return the count
     */
    default long count(Filter filter) {
        return count(null, filter);
    }

    /** @return the number of records without a tenant */
    default long count() {
        return count(null, null);
    }

    /**
     * Finds the records most similar to the query vector within the query's tenant and filter,
     * with a score of at least its minimum.
     *
     * @param query the query
     * @return at most {@code topK} hits, highest score first
     * @throws VectorStoreException when the query's vector length differs from {@link #dimensions()}
     * @throws dev.aio.core.UnsupportedCapabilityException for undeclared hybrid search, filter
     *     operators or tenants
     */
    List<SearchHit> search(VectorQuery query);

    /** Releases the store's resources; idempotent. */
    @Override
    void close();
}
