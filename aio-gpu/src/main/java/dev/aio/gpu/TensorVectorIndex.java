package dev.aio.gpu;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.gpu.internal.HostRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact vector store whose vectors live as one matrix on a DJL PyTorch device (a GPU when DJL
 * sees one): a search is one matrix product of the query with every stored vector and a top-k on
 * the device, and {@link #search(List)} answers a batch of queries with a single product.
 *
 * <p>For {@link Similarity#COSINE} the rows are stored normalised, so the product is the cosine.
 * Tenants and filters are evaluated on the host against each record's metadata (every
 * {@link dev.aio.core.vector.FilterOperator}, with {@link Filter#test}'s semantics) into a mask
 * that sends excluded rows to minus infinity before the top-k. Hybrid search is refused. Records,
 * texts and metadata stay on the heap; only the vectors are on the device, uploaded when written.
 *
 * <p>Thread-safe: searches run in parallel, writes wait for them. Each search computes in a
 * native-memory scope that is closed before it returns. {@link #close()} frees the device matrix.
 *
 * <pre>{@code
 * try (TensorVectorIndex index = TensorVectorIndex.builder().build()) {
 *     index.upsert(records);
 *     List<SearchHit> hits = index.search(VectorQuery.of(query, 10));
 * }
 * }</pre>
 */
public final class TensorVectorIndex extends AbstractVectorStore {

    /** The default name, as in error messages. */
    public static final String DEFAULT_NAME = "tensor";

    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .allFilterOperators().tenants(true).persistent(false).build();

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Similarity similarity;
    private final NDManager manager;
    private final int initialCapacity;
    private HostRecords host;
    /** {@code [capacity, dims]}; rows at and above {@code host.size()} are stale. Null until the first upsert. */
    private NDArray matrix;

    TensorVectorIndex(TensorVectorIndexBuilder b, NDManager manager) {
        super(b.name, b.dimensions);
        this.similarity = b.similarity;
        this.manager = manager;
        this.initialCapacity = b.initialCapacity;
    }

    /** @return a builder for a cosine index named {@value #DEFAULT_NAME} on the automatically chosen device */
    public static TensorVectorIndexBuilder builder() {
        return new TensorVectorIndexBuilder();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** @return the similarity this index scores with */
    public Similarity similarity() {
        return similarity;
    }

    /** @return the device holding the vectors */
    public Device device() {
        return manager.getDevice();
    }

    // ---- writes ----------------------------------------------------------------------------

    @Override
    protected void doUpsert(List<VectorRecord> records) {
        lock.writeLock().lock();
        try {
            if (host == null) {
                host = new HostRecords(dimensions(), initialCapacity);
            }
            for (VectorRecord r : records) {
                host.upsert(r);
            }
            sync();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        lock.writeLock().lock();
        try {
            int n = 0;
            if (host != null) {
                for (String id : ids) {
                    n += host.delete(tenant, id) ? 1 : 0;
                }
                sync();
            }
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        return deleteMatching(tenant, filter);
    }

    @Override
    protected int doDeleteAll(String tenant) {
        return deleteMatching(tenant, null);
    }

    private int deleteMatching(String tenant, Filter filter) {
        lock.writeLock().lock();
        try {
            if (host == null) {
                return 0;
            }
            int n = host.delete(tenant, filter);
            sync();
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Uploads the rows written since the last sync; a grown capacity re-uploads the whole matrix. */
    private void sync() {
        int from = host.dirtyFrom();
        int to = host.dirtyTo();
        if (matrix == null || matrix.getShape().get(0) < host.capacity()) {
            NDArray grown = manager.create(host.deviceRows(0, host.capacity(), similarity),
                    new Shape(host.capacity(), dimensions()));
            if (matrix != null) {
                matrix.close();
            }
            matrix = grown;
        } else if (from < to) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray rows = scope.create(host.deviceRows(from, to, similarity), new Shape(to - from, dimensions()));
                matrix.set(new NDIndex(from + ":" + to), rows);
            }
        }
        host.clean();
    }

    // ---- reads -----------------------------------------------------------------------------

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        lock.readLock().lock();
        try {
            List<VectorRecord> out = new ArrayList<>(ids.size());
            if (host != null) {
                for (String id : ids) {
                    VectorRecord r = host.get(tenant, id);
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected long doCount(String tenant, Filter filter) {
        lock.readLock().lock();
        try {
            return host == null ? 0 : host.count(tenant, filter);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        return searchAll(List.of(query)).get(0);
    }

    /**
     * Answers several queries with one matrix product and one top-k on the device. Each query
     * is validated as {@link #search(VectorQuery)} validates it; each may have its own top-k,
     * filter, tenant and minimum score.
     *
     * @param queries the queries, none null
     * @return per query, at most its {@code topK} hits, highest score first
     * @throws VectorStoreException when a query's vector length differs from {@link #dimensions()}
     * @throws UnsupportedCapabilityException for a hybrid query
     * @throws IllegalStateException when the index is closed
     */
    public List<List<SearchHit>> search(List<VectorQuery> queries) {
        ensureOpen();
        for (VectorQuery q : queries) {
            java.util.Objects.requireNonNull(q, "query");
            if (q.hybrid().isPresent()) {
                throw new UnsupportedCapabilityException(name(), "hybrid search with " + q.hybrid().get().fusion()
                        + " fusion", "it has no keyword scoring; search by vector only");
            }
            if (dimensions() != 0 && q.dimensions() != dimensions()) {
                throw new VectorStoreException(name(), "query vector has " + q.dimensions() + " dimensions but the "
                        + "store holds vectors of " + dimensions(), null);
            }
        }
        if (dimensions() == 0) {
            List<List<SearchHit>> empty = new ArrayList<>();
            queries.forEach(q -> empty.add(List.of()));
            return empty;
        }
        return searchAll(queries);
    }

    private List<List<SearchHit>> searchAll(List<VectorQuery> queries) {
        lock.readLock().lock();
        try {
            ensureOpen();
            int n = host == null ? 0 : host.size();
            List<List<SearchHit>> out = new ArrayList<>(queries.size());
            if (n == 0 || queries.isEmpty()) {
                queries.forEach(q -> out.add(List.of()));
                return out;
            }
            int count = queries.size();
            int dims = dimensions();
            int k = 0;
            float[] flat = new float[count * dims];
            boolean[] masks = null;
            for (int i = 0; i < count; i++) {
                VectorQuery q = queries.get(i);
                k = Math.max(k, Math.min(q.topK(), n));
                HostRecords.queryRow(q.vectorUnsafe(), similarity, flat, i * dims);
                if (host.restricted(q.tenant(), q.filter().orElse(null))) {
                    if (masks == null) {
                        masks = new boolean[count * n];
                        for (int j = 0; j < i; j++) {
                            java.util.Arrays.fill(masks, j * n, (j + 1) * n, true);
                        }
                    }
                    host.mask(q.tenant(), q.filter().orElse(null), masks, i * n);
                } else if (masks != null) {
                    java.util.Arrays.fill(masks, i * n, (i + 1) * n, true);
                }
            }
            float[] scores;
            long[] slots;
            try (NDManager scope = manager.newSubManager()) {
                NDArray rows = matrix.get(new NDIndex("0:" + n));
                rows.attach(scope);
                NDArray q = scope.create(flat, new Shape(count, dims));
                NDArray s = q.matMul(rows.transpose());
                if (masks != null) {
                    NDArray keep = scope.create(masks, new Shape(count, n));
                    s = NDArrays.where(keep, s, scope.full(s.getShape(), Float.NEGATIVE_INFINITY, DataType.FLOAT32));
                }
                NDList top = s.topK(k, 1, true, true);
                scores = top.get(0).toFloatArray();
                slots = top.get(1).toType(DataType.INT64, false).toLongArray();
            }
            for (int i = 0; i < count; i++) {
                VectorQuery q = queries.get(i);
                List<SearchHit> hits = new ArrayList<>(Math.min(q.topK(), k));
                for (int j = i * k; j < i * k + Math.min(q.topK(), k); j++) {
                    float score = scores[j];
                    if (score == Float.NEGATIVE_INFINITY || score < q.minScore()) {
                        break; // masked out, or below the minimum: so is everything after it
                    }
                    hits.add(new SearchHit(host.record((int) slots[j]), score));
                }
                out.add(hits);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected void doClose() {
        lock.writeLock().lock();
        try {
            host = null;
            matrix = null;
            manager.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "TensorVectorIndex[" + name() + ", " + similarity + ", " + device() + "]";
    }
}
