package dev.aio.core.ingest;

import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delegates to a store and, after every delete by ids, checks that each key those ids belonged
 * to still has chunks in the index if the object still exists: a changed object must never be
 * missing between the upsert of its new chunks and the deletion of its old ones.
 */
final class WatchingVectorStore implements VectorStore {

    private final VectorStore delegate;
    private final ObjectStore objects;
    private final String bucket;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();

    WatchingVectorStore(VectorStore delegate, ObjectStore objects, String bucket) {
        this.delegate = delegate;
        this.objects = objects;
        this.bucket = bucket;
    }

    List<String> violations() {
        return violations;
    }

    int deletesChecked() {
        return checked.get();
    }

    @Override
    public int delete(String tenant, Collection<String> ids) {
        Set<String> keys = new TreeSet<>();
        delegate.get(tenant, ids).forEach(r -> keys.add((String) r.metadata().get(Lineage.KEY)));
        int n = delegate.delete(tenant, ids);
        for (String key : keys) {
            checked.incrementAndGet();
            if (objects.exists(bucket, key) && delegate.count(tenant, Filter.eq(Lineage.KEY, key)) == 0) {
                violations.add(key + " had no chunks after deleting " + ids.size() + " stale ones");
            }
        }
        return n;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public void upsert(Collection<VectorRecord> records) {
        delegate.upsert(records);
    }

    @Override
    public int delete(String tenant, Filter filter) {
        return delegate.delete(tenant, filter);
    }

    @Override
    public int deleteAll(String tenant) {
        return delegate.deleteAll(tenant);
    }

    @Override
    public List<VectorRecord> get(String tenant, Collection<String> ids) {
        return delegate.get(tenant, ids);
    }

    @Override
    public long count(String tenant, Filter filter) {
        return delegate.count(tenant, filter);
    }

    @Override
    public List<SearchHit> search(VectorQuery query) {
        return delegate.search(query);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
