package dev.aio.core.ingest;

import dev.aio.core.model.Embedder;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates a crash at the n-th stage boundary: every call that changes the ledger or the index,
 * or embeds, is a boundary; from the n-th on, each one throws before doing anything, as if the
 * process had died there (nothing after the crash point takes effect).
 */
final class Faults {

    /** The injected failure. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("injected crash at " + where);
        }
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> boundaries = new ArrayList<>();
    private volatile int crashAt = Integer.MAX_VALUE;

    void crashAt(int boundary) {
        calls.set(0);
        crashAt = boundary;
    }

    void off() {
        crashAt = Integer.MAX_VALUE;
    }

    int boundariesSeen() {
        return calls.get();
    }

    synchronized List<String> names() {
        return List.copyOf(boundaries);
    }

    private void boundary(String where) {
        int n = calls.incrementAndGet();
        synchronized (this) {
            boundaries.add(where);
        }
        if (n >= crashAt) {
            throw new Crash(where + " (#" + n + ")");
        }
    }

    Ledger ledger(Ledger real) {
        return new Ledger() {
            @Override
            public Optional<LedgerEntry> get(String store, String bucket, String key) {
                return real.get(store, bucket, key);
            }

            @Override
            public List<LedgerEntry> list(String store, String bucket, String prefix) {
                return real.list(store, bucket, prefix);
            }

            @Override
            public void put(LedgerEntry entry) {
                boundary("ledger.put");
                real.put(entry);
            }

            @Override
            public boolean remove(String store, String bucket, String key) {
                boundary("ledger.remove");
                return real.remove(store, bucket, key);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    Embedder embedder(Embedder real) {
        return new Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                boundary("embed");
                return real.embed(texts);
            }

            @Override
            public int dimensions() {
                return real.dimensions();
            }

            @Override
            public String modelId() {
                return real.modelId();
            }

            @Override
            public String fingerprint() {
                return real.fingerprint();
            }

            @Override
            public int maxTokens() {
                return real.maxTokens();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    VectorStore vectors(VectorStore real) {
        return new VectorStore() {
            @Override
            public void upsert(Collection<VectorRecord> records) {
                boundary("vectors.upsert");
                real.upsert(records);
            }

            @Override
            public int delete(String tenant, Collection<String> ids) {
                boundary("vectors.delete");
                return real.delete(tenant, ids);
            }

            @Override
            public int delete(String tenant, Filter filter) {
                boundary("vectors.deleteByFilter");
                return real.delete(tenant, filter);
            }

            @Override
            public int deleteAll(String tenant) {
                boundary("vectors.deleteAll");
                return real.deleteAll(tenant);
            }

            @Override
            public String name() {
                return real.name();
            }

            @Override
            public Capabilities capabilities() {
                return real.capabilities();
            }

            @Override
            public int dimensions() {
                return real.dimensions();
            }

            @Override
            public List<VectorRecord> get(String tenant, Collection<String> ids) {
                return real.get(tenant, ids);
            }

            @Override
            public long count(String tenant, Filter filter) {
                return real.count(tenant, filter);
            }

            @Override
            public List<SearchHit> search(VectorQuery query) {
                return real.search(query);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
