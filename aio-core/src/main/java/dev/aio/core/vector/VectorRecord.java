package dev.aio.core.vector;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a {@link VectorStore}: an id, a float vector, an optional text and typed
 * metadata, in an optional tenant. Immutable and thread-safe; the vector is copied in and out.
 *
 * <p>Metadata values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or an
 * immutable {@code List<String>}; ints, shorts and bytes become longs, floats become doubles.
 * Null values and other types are refused, naming the key.
 *
 * <p>Within a store a record is identified by its tenant and id: upserting the same pair again
 * replaces it.
 */
public final class VectorRecord {

    private final String id;
    private final float[] vector;
    private final String text;
    private final Map<String, Object> metadata;
    private final String tenant;

    private VectorRecord(String id, float[] vector, String text, Map<String, ?> metadata, String tenant) {
        this.id = requireId(id);
        Objects.requireNonNull(vector, () -> "vector of record '" + id + "'");
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector of record '" + id + "' is empty");
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("vector of record '" + id + "' has " + vector[i] + " at index " + i);
            }
        }
        this.vector = vector.clone();
        this.text = text;
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(metadata, "metadata").forEach((k, v) -> {
            FilterValues.requireKey(k);
            copy.put(k, FilterValues.metadata(k, v));
        });
        this.metadata = Collections.unmodifiableMap(copy);
        if (tenant != null && tenant.isBlank()) {
            throw new IllegalArgumentException("tenant of record '" + id + "' is blank; use null for no tenant");
        }
        this.tenant = tenant;
    }

    static String requireId(String id) {
        Objects.requireNonNull(id, "record id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("record id is blank");
        }
        return id;
    }

    /**
     * A record without text, metadata or tenant.
     *
     * @param id a non-blank id
     * @param vector finite floats, at least one
     * @return the record
     */
    public static VectorRecord of(String id, float[] vector) {
        return new VectorRecord(id, vector, null, Map.of(), null);
    }

    /**
     * A record with text and metadata and no tenant.
     *
     * @param id a non-blank id
     * @param vector finite floats, at least one
     * @param text the text the vector was made from, or {@code null}
     * @param metadata typed values (see the class comment)
     * @return the record
     */
    public static VectorRecord of(String id, float[] vector, String text, Map<String, ?> metadata) {
        return new VectorRecord(id, vector, text, metadata, null);
    }

    /**
     * @param tenant a non-blank tenant, or {@code null} for none
     * @return a copy of this record in that tenant
     */
    public VectorRecord withTenant(String tenant) {
        return new VectorRecord(id, vector, text, metadata, tenant);
    }

    /** @return the id, unique within the tenant */
    public String id() {
        return id;
    }

    /** @return a copy of the vector */
    public float[] vector() {
        return vector.clone();
    }

    /** @return the vector's length */
    public int dimensions() {
        return vector.length;
    }

    /** @return the text, or {@code null} */
    public String text() {
        return text;
    }

    /** @return the metadata, unmodifiable, in insertion order */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the tenant, or {@code null} for none */
    public String tenant() {
        return tenant;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VectorRecord)) {
            return false;
        }
        VectorRecord r = (VectorRecord) o;
        return id.equals(r.id) && Arrays.equals(vector, r.vector) && Objects.equals(text, r.text)
                && metadata.equals(r.metadata) && Objects.equals(tenant, r.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(vector), text, metadata, tenant);
    }

    @Override
    public String toString() {
        return "VectorRecord{id=" + id + (tenant == null ? "" : ", tenant=" + tenant) + ", dimensions=" + vector.length
                + ", metadata=" + metadata + (text == null ? "" : ", text=" + abbreviate(text)) + "}";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "...'";
    }
}
