package dev.aio.core.retrieval;

import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double: an exact (brute-force cosine) vector store with real tenant isolation and, when
 * asked, store-side hybrid search (keyword scoring by {@link WordKeywordSearch#score}, fused by
 * RRF). aio-vector's stores cannot be used from aio-core's tests. Records every query it got.
 * With {@code ignoreAccess} it ignores tenants and filters, as a buggy provider would.
 */
public final class ExactVectorStore extends AbstractVectorStore {

    private final Map<List<String>, VectorRecord> records = new ConcurrentHashMap<>();
    private final Capabilities capabilities;
    private final boolean ignoreAccess;
    /** Every query searched, in order. */
    public final List<VectorQuery> queries = Collections.synchronizedList(new ArrayList<>());

    private ExactVectorStore(String name, Capabilities capabilities, boolean ignoreAccess) {
        super(name, 0);
        this.capabilities = capabilities;
        this.ignoreAccess = ignoreAccess;
    }

    /** @return a store with every filter operator and tenants, no hybrid */
    public static ExactVectorStore withTenants() {
        return new ExactVectorStore("exact", Capabilities.builder().allFilterOperators().tenants(true).build(), false);
    }

    /** @return a store with every filter operator, no tenants, no hybrid */
    public static ExactVectorStore singleTenant() {
        return new ExactVectorStore("exact", Capabilities.builder().allFilterOperators().build(), false);
    }

    /** @return a store with every filter operator, tenants and RRF hybrid */
    public static ExactVectorStore hybrid() {
        return new ExactVectorStore("exact-hybrid", Capabilities.builder().allFilterOperators().tenants(true)
                .hybrid(HybridSearch.Fusion.RRF).build(), false);
    }

    /** @return a tenant-declaring store that returns every record whatever the tenant and filter */
    public static ExactVectorStore leaky() {
        return new ExactVectorStore("leaky", Capabilities.builder().allFilterOperators().tenants(true).build(), true);
    }

    /** @return every record of every tenant */
    public List<VectorRecord> all() {
        return new ArrayList<>(records.values());
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    protected void doUpsert(List<VectorRecord> batch) {
        batch.forEach(r -> records.put(key(r.tenant(), r.id()), r));
    }

    private static List<String> key(String tenant, String id) {
        return Arrays.asList(tenant, id);
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += records.remove(key(tenant, id)) != null ? 1 : 0;
        }
        return n;
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        return doDelete(tenant, inTenant(tenant, filter).stream().map(VectorRecord::id).toList());
    }

    @Override
    protected int doDeleteAll(String tenant) {
        return doDelete(tenant, inTenant(tenant, null).stream().map(VectorRecord::id).toList());
    }

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        List<VectorRecord> out = new ArrayList<>();
        for (String id : ids) {
            VectorRecord r = records.get(key(tenant, id));
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    protected long doCount(String tenant, Filter filter) {
        return inTenant(tenant, filter).size();
    }

    private List<VectorRecord> inTenant(String tenant, Filter filter) {
        return records.values().stream()
                .filter(r -> ignoreAccess || java.util.Objects.equals(r.tenant(), tenant))
                .filter(r -> ignoreAccess || filter == null || filter.test(r.metadata())).toList();
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        queries.add(query);
        List<VectorRecord> candidates = inTenant(query.tenant(), query.filter().orElse(null));
        List<SearchHit> byVector = new ArrayList<>();
        for (VectorRecord r : candidates) {
            double s = Mmr.cosine(query.vectorUnsafe(), r.vector());
            if (s >= query.minScore()) {
                byVector.add(new SearchHit(r, s));
            }
        }
        byVector.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        if (query.hybrid().isEmpty()) {
            return byVector.subList(0, Math.min(query.topK(), byVector.size()));
        }
        List<SearchHit> byWords = WordKeywordSearch.rank(candidates, query.hybrid().get().text());
        return RrfFusion.fuse(List.of(byVector, byWords), query.hybrid().get().rrfK(), query.topK());
    }

    @Override
    protected void doClose() {
        records.clear();
    }
}
