package dev.aio.examples;

import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import java.util.Collection;
import java.util.List;

/**
 * A test spy around a real vector store: counts the writes (upserts and deletes) and runs a
 * check after each, so a test can look at the index between the steps of one ingestion.
 */
final class ObservedVectorStore implements VectorStore {

    private final VectorStore delegate;
    /** Runs after every upsert or delete, on the writing thread. */
    volatile Runnable afterWrite = () -> { };
    /** Upserts and deletes so far. */
    volatile int writes;

    ObservedVectorStore(VectorStore delegate) {
        this.delegate = delegate;
    }

    private synchronized <T> T written(T result) {
        writes++;
        afterWrite.run();
        return result;
    }

    @Override
    public String name() {
        return "observed:" + delegate.name();
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
    public synchronized void upsert(Collection<VectorRecord> records) {
        delegate.upsert(records);
        written(null);
    }

    @Override
    public synchronized int delete(String tenant, Collection<String> ids) {
        return written(delegate.delete(tenant, ids));
    }

    @Override
    public synchronized int delete(String tenant, Filter filter) {
        return written(delegate.delete(tenant, filter));
    }

    @Override
    public synchronized int deleteAll(String tenant) {
        return written(delegate.deleteAll(tenant));
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
        // The delegate is the test's to close.
    }
}
