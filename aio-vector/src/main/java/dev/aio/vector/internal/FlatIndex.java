package dev.aio.vector.internal;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of an exact in-memory index in flat, structure-of-arrays form: vector {@code i}
 * occupies {@code vectors[i * dimensions .. (i + 1) * dimensions)}, so a scan reads memory
 * sequentially. Deleting moves the last slot into the hole. With quantization, int8 codes and
 * per-vector scales sit beside the floats; searches scan the codes and rescore the best
 * candidates with the floats.
 *
 * <p>With {@link GraphSettings}, an {@link HnswGraph} over the slots answers unfiltered and
 * broadly filtered searches approximately (see {@link GraphSearch}). Its links name slots, so
 * slots then never move: a delete leaves a tombstone (the vector stays as a waypoint for the
 * graph), a replaced record gets a new slot, and {@link #compacted()} rebuilds once tombstones
 * outnumber live records.
 *
 * <p>Not thread-safe: the owner guards it with a read-write lock (searches and reads share it).
 */
public final class FlatIndex {

    private static final long MAGIC = 0x41494f564d454d31L; // "AIOVMEM1"
    private static final int VERSION = 1;

    private record Key(String tenant, String id) {
    }

    private final int dims;
    private final Similarity similarity;
    private final boolean quantized;
    private final VectorOps ops;
    private final GraphSettings graphSettings;
    private final HnswGraph graph;
    private final Map<Key, Integer> slotsByKey = new HashMap<>();

    private int size;
    private float[] vectors;
    private float[] inverseNorms;
    private byte[] codes;
    private float[] scales;
    private String[] ids;
    private String[] tenants;
    private String[] texts;
    private Map<String, Object>[] metadata;
    private int tenantedRecords;
    private int dead;

    /**
     * @param dimensions the vector length
     * @param similarity how to score
     * @param quantized whether to keep int8 codes and scan them
     * @param ops the arithmetic to use
     */
    public FlatIndex(int dimensions, Similarity similarity, boolean quantized, VectorOps ops) {
        this(dimensions, similarity, quantized, ops, null);
    }

    /**
     * @param dimensions the vector length
     * @param similarity how to score
     * @param quantized whether to keep int8 codes and scan them in exact searches
     * @param ops the arithmetic to use
     * @param graph the approximate-search graph's settings, or null for exact search only
     */
    public FlatIndex(int dimensions, Similarity similarity, boolean quantized, VectorOps ops, GraphSettings graph) {
        this.dims = dimensions;
        this.similarity = Objects.requireNonNull(similarity);
        this.quantized = quantized;
        this.ops = Objects.requireNonNull(ops);
        this.graphSettings = graph;
        this.graph = graph == null ? null
                : new HnswGraph(this, ops, graph.maxConnections(), graph.beamWidth(), similarity == Similarity.COSINE);
        allocate(16);
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        vectors = vectors == null ? new float[capacity * dims] : Arrays.copyOf(vectors, capacity * dims);
        inverseNorms = inverseNorms == null ? new float[capacity] : Arrays.copyOf(inverseNorms, capacity);
        ids = ids == null ? new String[capacity] : Arrays.copyOf(ids, capacity);
        tenants = tenants == null ? new String[capacity] : Arrays.copyOf(tenants, capacity);
        texts = texts == null ? new String[capacity] : Arrays.copyOf(texts, capacity);
        metadata = metadata == null ? new Map[capacity] : Arrays.copyOf(metadata, capacity);
        if (quantized) {
            codes = codes == null ? new byte[capacity * dims] : Arrays.copyOf(codes, capacity * dims);
            scales = scales == null ? new float[capacity] : Arrays.copyOf(scales, capacity);
        }
    }

    /** @return the number of records */
    public int size() {
        return size - dead;
    }

    /** The slots in use, tombstones included. */
    int slots() {
        return size;
    }

    /** The vectors by slot; reallocated as the index grows, so read it again after writes. */
    float[] vectorData() {
        return vectors;
    }

    /** The inverse norms by slot, as {@link #vectorData()}. */
    float[] inverseNormData() {
        return inverseNorms;
    }

    /** The int8 codes by slot, or null without quantization; as {@link #vectorData()}. */
    byte[] codeData() {
        return codes;
    }

    /** The int8 scales by slot, or null without quantization; as {@link #vectorData()}. */
    float[] scaleData() {
        return scales;
    }

    /** Whether a slot holds a record (not a tombstone). */
    boolean live(int slot) {
        return ids[slot] != null;
    }

    /** @return whether some records carry a tenant */
    boolean hasTenantedRecords() {
        return tenantedRecords > 0;
    }

    /** @return the graph's settings, or null when this index searches exactly only */
    public GraphSettings graphSettings() {
        return graphSettings;
    }

    /** @return the vector length */
    public int dimensions() {
        return dims;
    }

    /** @return the similarity */
    public Similarity similarity() {
        return similarity;
    }

    /** @param r a record of this index's dimensions; replaces one with the same tenant and id */
    public void upsert(VectorRecord r) {
        Key key = new Key(r.tenant(), r.id());
        Integer existing = slotsByKey.get(key);
        int slot;
        if (existing != null && graph != null) {
            // The graph linked the old vector; a new slot gets links of its own.
            removeSlot(existing);
            existing = null;
        }
        if (existing != null) {
            slot = existing;
        } else {
            if (size == ids.length) {
                allocate(Math.max(16, ids.length + (ids.length >> 1)));
            }
            slot = size++;
            slotsByKey.put(key, slot);
            if (r.tenant() != null) {
                tenantedRecords++;
            }
        }
        float[] v = r.vector();
        System.arraycopy(v, 0, vectors, slot * dims, dims);
        double norm = Math.sqrt(ops.dot(v, 0, v, 0, dims));
        inverseNorms[slot] = norm == 0 ? 0f : (float) (1.0 / norm);
        if (quantized) {
            scales[slot] = Int8Quantizer.quantize(v, 0, dims, codes, slot * dims);
        }
        ids[slot] = r.id();
        tenants[slot] = r.tenant();
        texts[slot] = r.text();
        metadata[slot] = r.metadata();
        if (graph != null) {
            graph.insert(slot);
        }
    }

    /** @param tenant the tenant or null @param id the id @return whether a record was deleted */
    public boolean delete(String tenant, String id) {
        Integer slot = slotsByKey.remove(new Key(tenant, id));
        if (slot == null) {
            return false;
        }
        removeSlot(slot);
        return true;
    }

    private void removeSlot(int slot) {
        if (tenants[slot] != null) {
            tenantedRecords--;
        }
        if (graph != null) {
            ids[slot] = null;
            tenants[slot] = null;
            texts[slot] = null;
            metadata[slot] = null;
            dead++;
            return;
        }
        int last = --size;
        if (slot != last) {
            System.arraycopy(vectors, last * dims, vectors, slot * dims, dims);
            inverseNorms[slot] = inverseNorms[last];
            if (quantized) {
                System.arraycopy(codes, last * dims, codes, slot * dims, dims);
                scales[slot] = scales[last];
            }
            ids[slot] = ids[last];
            tenants[slot] = tenants[last];
            texts[slot] = texts[last];
            metadata[slot] = metadata[last];
            slotsByKey.put(new Key(tenants[slot], ids[slot]), slot);
        }
        ids[last] = null;
        tenants[last] = null;
        texts[last] = null;
        metadata[last] = null;
    }

    /** @param tenant the tenant or null @param filter the filter, or null for all of the tenant's records @return how many were deleted */
    public int delete(String tenant, Filter filter) {
        int deleted = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (ids[i] != null && accepts(i, tenant, filter, true)) {
                slotsByKey.remove(new Key(tenants[i], ids[i]));
                removeSlot(i);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * @return this index, or, once tombstones outnumber live records, a new index of the live
     *     records with the same settings and a rebuilt graph, which the owner uses instead
     */
    public FlatIndex compacted() {
        if (graph == null || dead == 0 || dead <= size - dead) {
            return this;
        }
        FlatIndex fresh = new FlatIndex(dims, similarity, quantized, ops, graphSettings);
        for (int i = 0; i < size; i++) {
            if (ids[i] != null) {
                fresh.upsert(record(i));
            }
        }
        return fresh;
    }

    /** @param tenant the tenant or null @param id the id @return the record, or null */
    public VectorRecord get(String tenant, String id) {
        Integer slot = slotsByKey.get(new Key(tenant, id));
        return slot == null ? null : record(slot);
    }

    /** @param tenant the tenant or null @param filter the filter or null @return the number of matches */
    public long count(String tenant, Filter filter) {
        if (filter == null && tenantedRecords == 0) {
            return tenant == null ? size - dead : 0;
        }
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (ids[i] != null && accepts(i, tenant, filter, true)) {
                n++;
            }
        }
        return n;
    }

    /** Whether a live slot belongs to the tenant (when checked) and passes the filter (when given). */
    boolean accepts(int slot, String tenant, Filter filter, boolean checkTenant) {
        return (!checkTenant || Objects.equals(tenants[slot], tenant)) && (filter == null || filter.test(metadata[slot]));
    }

    VectorRecord record(int slot) {
        float[] v = Arrays.copyOfRange(vectors, slot * dims, (slot + 1) * dims);
        VectorRecord r = VectorRecord.of(ids[slot], v, texts[slot], metadata[slot]);
        return tenants[slot] == null ? r : r.withTenant(tenants[slot]);
    }

    /**
     * Exact top-k search; with quantization, an int8 scan of {@code topK * oversample}
     * candidates followed by float rescoring.
     *
     * @param query the query vector, of this index's dimensions
     * @param topK the most hits
     * @param tenant the tenant or null
     * @param filter the filter or null
     * @param minScore the lowest score to return
     * @param oversample candidates per hit scanned in int8 before rescoring, at least 1
     * @return the hits, highest score first
     */
    public List<SearchHit> search(float[] query, int topK, String tenant, Filter filter, double minScore,
            int oversample) {
        return exactSearch(query, topK, tenant, filter, minScore, oversample);
    }

    /**
     * With a graph, an approximate search (see {@link GraphSearch}); without one, as
     * {@link #search(float[], int, String, Filter, double, int)}.
     *
     * @param searchEffort the graph search's breadth (ef), at least {@code topK} is used
     */
    public List<SearchHit> search(float[] query, int topK, String tenant, Filter filter, double minScore,
            int oversample, int searchEffort) {
        if (graph == null) {
            return exactSearch(query, topK, tenant, filter, minScore, oversample);
        }
        return GraphSearch.search(this, graph, query, topK, tenant, filter, minScore, oversample, searchEffort);
    }

    List<SearchHit> exactSearch(float[] query, int topK, String tenant, Filter filter, double minScore,
            int oversample) {
        boolean checkTenant = tenant != null || tenantedRecords > 0;
        boolean restricted = checkTenant || filter != null;
        boolean skipDead = dead > 0;
        boolean cosine = similarity == Similarity.COSINE;
        TopK best = new TopK(topK);
        if (quantized && size - dead > topK) {
            TopK candidates = new TopK(Math.min(size, Math.max(topK * oversample, topK + 8)));
            short[] queryCodes = new short[dims];
            Int8Quantizer.quantize(query, queryCodes);
            for (int i = 0, off = 0; i < size; i++, off += dims) {
                if ((skipDead && ids[i] == null) || (restricted && !accepts(i, tenant, filter, checkTenant))) {
                    continue;
                }
                float s = ops.dotInt8(queryCodes, codes, off, dims) * scales[i];
                if (cosine) {
                    s *= inverseNorms[i];
                }
                if (s > candidates.threshold()) {
                    candidates.offer(s, i);
                }
            }
            int[] slots = new int[candidates.size()];
            candidates.drainDescending(slots, new float[slots.length]);
            for (int slot : slots) {
                best.offer(score(query, slot, cosine), slot);
            }
        } else {
            for (int i = 0, off = 0; i < size; i++, off += dims) {
                if ((skipDead && ids[i] == null) || (restricted && !accepts(i, tenant, filter, checkTenant))) {
                    continue;
                }
                float s = ops.dot(query, 0, vectors, off, dims);
                if (cosine) {
                    s *= inverseNorms[i];
                }
                if (s > best.threshold()) {
                    best.offer(s, i);
                }
            }
        }
        int[] slots = new int[best.size()];
        float[] scores = new float[slots.length];
        best.drainDescending(slots, scores);
        return hits(slots, scores, slots.length, queryFactor(query), minScore);
    }

    /** The query's inverse norm for cosine (0 for a zero vector), else 1. */
    float queryFactor(float[] query) {
        if (similarity != Similarity.COSINE) {
            return 1f;
        }
        double norm = Math.sqrt(ops.dot(query, 0, query, 0, dims));
        return norm == 0 ? 0f : (float) (1.0 / norm);
    }

    /** Hits for the first {@code n} slots (best first), scores multiplied by {@code factor}, down to minScore. */
    List<SearchHit> hits(int[] slots, float[] scores, int n, float factor, double minScore) {
        List<SearchHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double score = scores[i] * factor;
            if (score < minScore) {
                break;
            }
            hits.add(new SearchHit(record(slots[i]), score));
        }
        return hits;
    }

    private float score(float[] query, int slot, boolean cosine) {
        float s = ops.dot(query, 0, vectors, slot * dims, dims);
        return cosine ? s * inverseNorms[slot] : s;
    }

    // ---- snapshots -------------------------------------------------------------------------

    /**
     * Writes every record; see {@link #read}.
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(dims);
        out.writeInt(similarity.ordinal());
        out.writeInt(size - dead);
        ByteBuffer scratch = SnapshotCodec.scratch(dims);
        for (int i = 0; i < size; i++) {
            if (ids[i] == null) {
                continue;
            }
            SnapshotCodec.writeString(out, tenants[i]);
            SnapshotCodec.writeString(out, ids[i]);
            SnapshotCodec.writeString(out, texts[i]);
            SnapshotCodec.writeMetadata(out, metadata[i]);
            SnapshotCodec.writeFloats(out, vectors, i * dims, dims, scratch);
        }
    }

    /**
     * Reads what {@link #write} wrote into a new index.
     *
     * @param in the stream
     * @param quantized whether the new index keeps int8 codes
     * @param ops the arithmetic to use
     * @param graph the new index's graph settings, or null for exact search only; the graph is
     *     rebuilt from the vectors
     * @return the index
     * @throws IOException when the stream is not a snapshot, is of another version, or is truncated
     */
    public static FlatIndex read(DataInputStream in, boolean quantized, VectorOps ops, GraphSettings graph)
            throws IOException {
        if (in.readLong() != MAGIC) {
            throw new IOException("not an aio in-memory vector store snapshot (wrong magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("snapshot format version " + version + " is not supported (expected " + VERSION + ")");
        }
        int dims = in.readInt();
        int similarity = in.readInt();
        int count = in.readInt();
        if (dims <= 0 || count < 0 || similarity < 0 || similarity >= Similarity.values().length) {
            throw new IOException("snapshot header is corrupt: dimensions " + dims + ", count " + count);
        }
        FlatIndex index = new FlatIndex(dims, Similarity.values()[similarity], quantized, ops, graph);
        ByteBuffer scratch = SnapshotCodec.scratch(dims);
        float[] v = new float[dims];
        for (int i = 0; i < count; i++) {
            String tenant = SnapshotCodec.readString(in);
            String id = SnapshotCodec.readString(in);
            String text = SnapshotCodec.readString(in);
            Map<String, Object> meta = SnapshotCodec.readMetadata(in);
            SnapshotCodec.readFloats(in, v, 0, dims, scratch);
            VectorRecord r = VectorRecord.of(id, v, text, meta);
            index.upsert(tenant == null ? r : r.withTenant(tenant));
        }
        return index;
    }
}
