package dev.aio.core.ingest;

import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double: records in a map, filters by {@link Filter#test}, no search (the ingestion
 * tests never search). aio-vector's real stores cannot be used from aio-core's tests.
 */
final class MapVectorStore extends AbstractVectorStore {

    final Map<String, VectorRecord> records = new ConcurrentHashMap<>();

    MapVectorStore() {
        super("map", 0);
    }

    /** @return every id in the store, sorted */
    Set<String> ids() {
        return new TreeSet<>(records.keySet());
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().allFilterOperators().build();
    }

    @Override
    protected void doUpsert(List<VectorRecord> batch) {
        batch.forEach(r -> records.put(r.id(), r));
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += records.remove(id) != null ? 1 : 0;
        }
        return n;
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        List<String> ids = records.values().stream().filter(r -> filter.test(r.metadata())).map(VectorRecord::id)
                .toList();
        return doDelete(tenant, ids);
    }

    @Override
    protected int doDeleteAll(String tenant) {
        int n = records.size();
        records.clear();
        return n;
    }

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        List<VectorRecord> out = new ArrayList<>();
        ids.forEach(id -> {
            VectorRecord r = records.get(id);
            if (r != null) {
                out.add(r);
            }
        });
        return out;
    }

    @Override
    protected long doCount(String tenant, Filter filter) {
        return filter == null ? records.size()
                : records.values().stream().filter(r -> filter.test(r.metadata())).count();
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        throw new UnsupportedOperationException("MapVectorStore does not search");
    }

    @Override
    protected void doClose() {
        // nothing held
    }
}
