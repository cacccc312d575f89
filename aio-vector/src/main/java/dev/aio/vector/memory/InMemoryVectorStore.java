package dev.aio.vector.memory;

import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.vector.internal.FlatIndex;
import dev.aio.vector.internal.GraphSettings;
import dev.aio.vector.internal.VectorOps;
import dev.aio.vector.internal.VectorOpsProvider;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A vector store in memory. By default it is exact: every search scores every record of the
 * tenant that passes the filter, so recall is 1 (or, with {@linkplain Builder#int8Quantization(boolean)
 * int8 quantization}, nearly 1 after float rescoring). With {@linkplain Builder#approximate(HnswOptions)
 * approximate search} it also keeps an HNSW graph and searches that instead, trading a little recall
 * for much less work per query on large stores; filters and tenants stay exact (see
 * {@link Builder#approximate(HnswOptions)}).
 *
 * <p>Scoring uses {@code jdk.incubator.vector} when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, and an unrolled scalar loop otherwise; {@link
 * #arithmetic()} says which. It supports every {@link dev.aio.core.vector.FilterOperator}
 * (through {@link Filter#test}) and tenants; it has no keyword scoring, so hybrid queries are
 * refused. It is not persistent: {@link #snapshot(Path)} writes a file that
 * {@link Builder#restoreFrom(Path)} reads back.
 *
 * <p>Thread-safe: searches, reads and counts run in parallel; a write waits for running reads
 * and is seen whole or not at all.
 *
 * <pre>{@code
 * try (InMemoryVectorStore store = InMemoryVectorStore.builder().build()) {
 *     store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0}, "text", Map.of("lang", "en"))));
 *     List<SearchHit> hits = store.search(VectorQuery.of(new float[] {1, 0.1f}, 5));
 * }
 * }</pre>
 */
public final class InMemoryVectorStore extends AbstractVectorStore {

    /** The default name, as in error messages. */
    public static final String DEFAULT_NAME = "memory";
    /** Candidates scanned in int8 per requested hit before rescoring, by default. */
    public static final int DEFAULT_OVERSAMPLE = 4;

    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .allFilterOperators().tenants(true).persistent(false).build();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Similarity similarity;
    private final boolean quantized;
    private final int oversample;
    private final VectorOps ops;
    private final HnswOptions hnsw;
    private volatile int searchEffort;
    private FlatIndex index;

    private InMemoryVectorStore(Builder b, FlatIndex restored) {
        super(b.name, restored != null ? restored.dimensions() : b.dimensions);
        this.similarity = restored != null ? restored.similarity() : b.similarity;
        this.quantized = b.quantized;
        this.oversample = b.oversample;
        this.ops = b.simd ? VectorOpsProvider.best() : VectorOpsProvider.scalar();
        this.hnsw = b.hnsw;
        this.searchEffort = b.hnsw == null ? 0 : b.hnsw.searchEffort();
        this.index = restored;
    }

    /** @return a builder for a cosine store without quantization, named {@value #DEFAULT_NAME} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** @return the similarity this store scores with */
    public Similarity similarity() {
        return similarity;
    }

    /** @return whether searches scan int8 codes and rescore with floats */
    public boolean quantized() {
        return quantized;
    }

    /** @return whether searches use the HNSW graph (see {@link Builder#approximate(HnswOptions)}) */
    public boolean approximate() {
        return hnsw != null;
    }

    /** @return the graph search's breadth (ef) now in force; 0 for an exact store */
    public int searchEffort() {
        return searchEffort;
    }

    /**
     * Changes the graph search's breadth (ef) for searches that start from now on: higher raises
     * recall and lowers queries per second. Thread-safe; searches in flight keep theirs.
     *
     * @param effort candidates a search keeps, in [1, 100000]
     * @throws IllegalStateException when the store was not built with approximate search
     */
    public void searchEffort(int effort) {
        if (hnsw == null) {
            throw new IllegalStateException("store '" + name() + "' searches exactly; build it with approximate(...)"
                    + " to set a search effort");
        }
        HnswOptions.checkSearchEffort(effort);
        this.searchEffort = effort;
    }

    private static GraphSettings graphSettings(HnswOptions hnsw) {
        return hnsw == null ? null : new GraphSettings(hnsw.maxConnections(), hnsw.beamWidth());
    }

    /** @return the arithmetic in use, e.g. {@code panama-512} or {@code scalar-unrolled} */
    public String arithmetic() {
        return ops.name();
    }

    private FlatIndex index() {
        if (index == null) {
            index = new FlatIndex(dimensions(), similarity, quantized, ops, graphSettings(hnsw));
        }
        return index;
    }

    @Override
    protected void doUpsert(List<VectorRecord> records) {
        lock.writeLock().lock();
        try {
            FlatIndex target = index();
            for (VectorRecord r : records) {
                target.upsert(r);
            }
            index = target.compacted();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        lock.writeLock().lock();
        try {
            if (index == null) {
                return 0;
            }
            int n = 0;
            for (String id : ids) {
                if (index.delete(tenant, id)) {
                    n++;
                }
            }
            index = index.compacted();
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        lock.writeLock().lock();
        try {
            return index == null ? 0 : deleteAndCompact(tenant, filter);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected int doDeleteAll(String tenant) {
        lock.writeLock().lock();
        try {
            return index == null ? 0 : deleteAndCompact(tenant, null);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int deleteAndCompact(String tenant, Filter filter) {
        int n = index.delete(tenant, filter);
        index = index.compacted();
        return n;
    }

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        lock.readLock().lock();
        try {
            List<VectorRecord> out = new ArrayList<>(ids.size());
            if (index != null) {
                for (String id : ids) {
                    VectorRecord r = index.get(tenant, id);
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
            return index == null ? 0 : index.count(tenant, filter);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        lock.readLock().lock();
        try {
            if (index == null) {
                return List.of();
            }
            return index.search(query.vectorUnsafe(), query.topK(), query.tenant(), query.filter().orElse(null),
                    query.minScore(), oversample, searchEffort);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    protected void doClose() {
        lock.writeLock().lock();
        try {
            index = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Writes every record (all tenants) to a file, replacing it atomically: the file is written
     * beside the target (a unique temporary name), forced to disk and then moved over it, so a
     * crash leaves the old snapshot or the new one, never a mix. Writes wait while the snapshot
     * is taken; searches do not.
     *
     * @param file the snapshot file
     * @return the number of records written
     * @throws VectorStoreException when the file cannot be written
     */
    public long snapshot(Path file) {
        ensureOpen();
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        Path temp = null;
        lock.readLock().lock();
        try {
            temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            FlatIndex data = index != null ? index : new FlatIndex(Math.max(1, dimensions()), similarity, false, ops);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(
                        new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
                data.write(out);
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return data.size();
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new VectorStoreException(name(), "writing the snapshot " + target + " failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The snapshot already failed; its message matters more than the leftover file.
            }
        }
    }

    private static FlatIndex read(Builder b, Path file) {
        VectorOps ops = b.simd ? VectorOpsProvider.best() : VectorOpsProvider.scalar();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            FlatIndex restored = FlatIndex.read(in, b.quantized, ops, graphSettings(b.hnsw));
            long expected = crc.getValue();
            if (new DataInputStream(raw).readLong() != expected || raw.read() != -1) {
                throw new IOException("checksum mismatch; the file is damaged");
            }
            if (b.similaritySet && restored.similarity() != b.similarity) {
                throw new VectorStoreException(b.name, "the snapshot " + file + " scores with " + restored.similarity()
                        + " but the builder asked for " + b.similarity + "; leave similarity unset when restoring", null);
            }
            if (b.dimensions != 0 && restored.dimensions() != b.dimensions) {
                throw new VectorStoreException(b.name, "the snapshot " + file + " holds vectors of "
                        + restored.dimensions() + " dimensions but the builder asked for " + b.dimensions, null);
            }
            return restored;
        } catch (EOFException e) {
            throw new VectorStoreException(b.name, "the snapshot " + file + " is truncated", e);
        } catch (IOException e) {
            throw new VectorStoreException(b.name, "the snapshot " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Builds an {@link InMemoryVectorStore}. Each setting may be given once; invalid values fail
     * at once with a message naming them. Not thread-safe.
     */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private int dimensions;
        private Similarity similarity = Similarity.COSINE;
        private boolean similaritySet;
        private boolean quantized;
        private int oversample = DEFAULT_OVERSAMPLE;
        private boolean simd = true;
        private Path restoreFrom;
        private HnswOptions hnsw;

        private Builder() {
        }

        /**
         * Turns on approximate search: the store keeps an HNSW graph beside the records (about
         * {@code 8 * 2M} bytes per record), linking each record as it is upserted, and answers
         * searches from it. Filters and tenants stay exact: every record is tested first; when
         * at most a few thousand match they are scored exactly, otherwise the graph is searched
         * with only matches admissible and a breadth widened by the filter's selectivity, with an
         * exact fallback if it still comes back short. Deleted and replaced records stay in the
         * graph as waypoints until they outnumber live ones, when the next write rebuilds it.
         * Snapshots hold the records, not the graph: restoring rebuilds it.
         *
         * <p>With {@link #int8Quantization(boolean)} as well, searches walk the graph on the int8
         * codes (a quarter of the memory read per visited record, which bounds searches of
         * graphs larger than the CPU cache) and rescore the candidates they keep with the floats,
         * so returned scores stay exact; inserts link with floats either way.
         *
         * @param options the graph's settings, e.g. {@link HnswOptions#defaults()}
         * @return this builder
         */
        public Builder approximate(HnswOptions options) {
            this.hnsw = Objects.requireNonNull(options, "options");
            return this;
        }

        /** @param name the name for messages, not blank @return this builder */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name is blank");
            }
            this.name = name;
            return this;
        }

        /**
         * @param dimensions the vector length, positive; by default the first upsert sets it
         * @return this builder
         */
        public Builder dimensions(int dimensions) {
            if (dimensions <= 0) {
                throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** @param similarity how to score, {@link Similarity#COSINE} by default @return this builder */
        public Builder similarity(Similarity similarity) {
            this.similarity = Objects.requireNonNull(similarity, "similarity");
            this.similaritySet = true;
            return this;
        }

        /**
         * Keeps int8 codes beside the floats (a quarter more memory) and scans them, then rescores
         * the best {@code topK * oversample} candidates with the floats.
         *
         * @param enabled whether to quantize; off by default
         * @return this builder
         */
        public Builder int8Quantization(boolean enabled) {
            this.quantized = enabled;
            return this;
        }

        /**
         * @param oversample candidates per requested hit rescored after an int8 scan, 1 to 100;
         *     {@value #DEFAULT_OVERSAMPLE} by default
         * @return this builder
         */
        public Builder oversample(int oversample) {
            if (oversample < 1 || oversample > 100) {
                throw new IllegalArgumentException("oversample must be in [1, 100], was " + oversample);
            }
            this.oversample = oversample;
            return this;
        }

        /**
         * @param enabled whether to use SIMD when the JVM has {@code jdk.incubator.vector} (the
         *     default); {@code false} forces the scalar loop
         * @return this builder
         */
        public Builder simd(boolean enabled) {
            this.simd = enabled;
            return this;
        }

        /**
         * @param snapshot a file written by {@link InMemoryVectorStore#snapshot(Path)}, loaded
         *     by {@link #build()}; its similarity and dimensions are used
         * @return this builder
         */
        public Builder restoreFrom(Path snapshot) {
            this.restoreFrom = Objects.requireNonNull(snapshot, "snapshot");
            return this;
        }

        /**
         * @return the store, ready for use
         * @throws VectorStoreException when the snapshot to restore is missing, corrupt or
         *     conflicts with the settings
         */
        public InMemoryVectorStore build() {
            FlatIndex restored = restoreFrom == null ? null : read(this, restoreFrom);
            return new InMemoryVectorStore(this, restored);
        }
    }
}
