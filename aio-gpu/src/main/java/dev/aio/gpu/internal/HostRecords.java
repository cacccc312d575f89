package dev.aio.gpu.internal;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorRecord;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The heap side of a tensor index: ids, tenants, texts, metadata and the original vectors in
 * slots {@code 0 .. size-1}, in the same order as the device matrix's rows. Deleting moves the
 * last slot into the hole. It remembers which slots changed since {@link #clean()} so the owner
 * uploads only those rows. Not thread-safe: the owner guards it with a read-write lock.
 */
public final class HostRecords {

    private record Key(String tenant, String id) {
    }

    private final int dims;
    private final Map<Key, Integer> slots = new HashMap<>();
    private float[] vectors;
    private String[] ids;
    private String[] tenants;
    private String[] texts;
    private Map<String, Object>[] metadata;
    private int size;
    private int tenanted;
    private int dirtyFrom = Integer.MAX_VALUE;
    private int dirtyTo;

    /**
     * @param dims the vector length
     * @param capacity the initial number of slots
     */
    public HostRecords(int dims, int capacity) {
        this.dims = dims;
        grow(Math.max(16, capacity));
    }

    @SuppressWarnings("unchecked")
    private void grow(int capacity) {
        vectors = vectors == null ? new float[capacity * dims] : Arrays.copyOf(vectors, capacity * dims);
        ids = ids == null ? new String[capacity] : Arrays.copyOf(ids, capacity);
        tenants = tenants == null ? new String[capacity] : Arrays.copyOf(tenants, capacity);
        texts = texts == null ? new String[capacity] : Arrays.copyOf(texts, capacity);
        metadata = metadata == null ? new Map[capacity] : Arrays.copyOf(metadata, capacity);
    }

    /** @return records held */
    public int size() {
        return size;
    }

    /** @return slots allocated; the device matrix has at least this many rows */
    public int capacity() {
        return ids.length;
    }

    /** @return the first slot changed since {@link #clean()} */
    public int dirtyFrom() {
        return dirtyFrom;
    }

    /** @return one past the last slot changed since {@link #clean()} */
    public int dirtyTo() {
        return dirtyTo;
    }

    /** Forgets the changed slots, once they are on the device. */
    public void clean() {
        dirtyFrom = Integer.MAX_VALUE;
        dirtyTo = 0;
    }

    private void touch(int slot) {
        dirtyFrom = Math.min(dirtyFrom, slot);
        dirtyTo = Math.max(dirtyTo, slot + 1);
    }

    /** @param r a record of this index's dimensions; replaces one with the same tenant and id */
    public void upsert(VectorRecord r) {
        Key key = new Key(r.tenant(), r.id());
        Integer slot = slots.get(key);
        if (slot == null) {
            if (size == ids.length) {
                grow(ids.length + (ids.length >> 1));
            }
            slot = size++;
            slots.put(key, slot);
            tenanted += r.tenant() != null ? 1 : 0;
        }
        System.arraycopy(r.vector(), 0, vectors, slot * dims, dims);
        ids[slot] = r.id();
        tenants[slot] = r.tenant();
        texts[slot] = r.text();
        metadata[slot] = r.metadata();
        touch(slot);
    }

    /** @param tenant the tenant or null @param id the id @return whether a record was deleted */
    public boolean delete(String tenant, String id) {
        Integer slot = slots.remove(new Key(tenant, id));
        if (slot == null) {
            return false;
        }
        removeSlot(slot);
        return true;
    }

    /** @param tenant the tenant or null @param filter the filter, or null for all of the tenant @return how many were deleted */
    public int delete(String tenant, Filter filter) {
        int n = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (accepts(i, tenant, filter)) {
                slots.remove(new Key(tenants[i], ids[i]));
                removeSlot(i);
                n++;
            }
        }
        return n;
    }

    private void removeSlot(int slot) {
        tenanted -= tenants[slot] != null ? 1 : 0;
        int last = --size;
        if (slot != last) {
            System.arraycopy(vectors, last * dims, vectors, slot * dims, dims);
            ids[slot] = ids[last];
            tenants[slot] = tenants[last];
            texts[slot] = texts[last];
            metadata[slot] = metadata[last];
            slots.put(new Key(tenants[slot], ids[slot]), slot);
            touch(slot);
        }
        ids[last] = null;
        tenants[last] = null;
        texts[last] = null;
        metadata[last] = null;
    }

    /** @param tenant the tenant or null @param id the id @return the record, or null */
    public VectorRecord get(String tenant, String id) {
        Integer slot = slots.get(new Key(tenant, id));
        return slot == null ? null : record(slot);
    }

    /** @param slot a slot below {@link #size()} @return its record, vector copied */
    public VectorRecord record(int slot) {
        VectorRecord r = VectorRecord.of(ids[slot], Arrays.copyOfRange(vectors, slot * dims, (slot + 1) * dims),
                texts[slot], metadata[slot]);
        return tenants[slot] == null ? r : r.withTenant(tenants[slot]);
    }

    /** @param tenant the tenant or null @param filter the filter or null @return matching records */
    public long count(String tenant, Filter filter) {
        if (!restricted(tenant, filter)) {
            return size;
        }
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += accepts(i, tenant, filter) ? 1 : 0;
        }
        return n;
    }

    /**
     * @param tenant the query's tenant or null
     * @param filter the query's filter or null
     * @return whether some record may be excluded, so a mask is needed
     */
    public boolean restricted(String tenant, Filter filter) {
        return filter != null || tenant != null || tenanted > 0;
    }

    /**
     * Writes {@code true} for each slot the tenant and filter accept.
     *
     * @param tenant the tenant or null
     * @param filter the filter or null
     * @param mask receives {@link #size()} booleans
     * @param offset where the first goes
     */
    public void mask(String tenant, Filter filter, boolean[] mask, int offset) {
        for (int i = 0; i < size; i++) {
            mask[offset + i] = accepts(i, tenant, filter);
        }
    }

    private boolean accepts(int slot, String tenant, Filter filter) {
        return Objects.equals(tenants[slot], tenant) && (filter == null || filter.test(metadata[slot]));
    }

    /**
     * The device form of slots {@code from .. to-1}: normalised for cosine, as stored otherwise;
     * slots at and above {@link #size()} are zero.
     *
     * @param from the first slot
     * @param to one past the last
     * @param similarity the index's similarity
     * @return {@code (to - from) * dims} floats
     */
    public float[] deviceRows(int from, int to, Similarity similarity) {
        float[] out = new float[(to - from) * dims];
        int live = Math.max(0, Math.min(to, size) - from);
        System.arraycopy(vectors, from * dims, out, 0, live * dims);
        if (similarity == Similarity.COSINE) {
            for (int r = 0; r < live; r++) {
                normalise(out, r * dims, dims);
            }
        }
        return out;
    }

    /**
     * Copies a query vector into a batch row, normalised for cosine.
     *
     * @param query the query
     * @param similarity the index's similarity
     * @param out the batch
     * @param offset where the row starts
     */
    public static void queryRow(float[] query, Similarity similarity, float[] out, int offset) {
        System.arraycopy(query, 0, out, offset, query.length);
        if (similarity == Similarity.COSINE) {
            normalise(out, offset, query.length);
        }
    }

    private static void normalise(float[] v, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            sum += (double) v[i] * v[i];
        }
        // A zero vector stays zero and scores 0 against everything, as in the in-memory store.
        float scale = sum == 0 ? 0f : (float) (1.0 / Math.sqrt(sum));
        for (int i = off; i < off + n; i++) {
            v[i] *= scale;
        }
    }
}
