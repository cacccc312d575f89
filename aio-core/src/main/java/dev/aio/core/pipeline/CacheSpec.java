package dev.aio.core.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The size and expiry of a map stage's result cache (backed by Caffeine). Immutable.
 *
 * <pre>{@code
 * .map("embed-query", embedder::embed)
 * .cached(query -> query.text(), CacheSpec.maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)))
 * }</pre>
 */
public final class CacheSpec {

    private final long maximumSize;
    private final Duration expireAfterWrite;

    private CacheSpec(long maximumSize, Duration expireAfterWrite) {
        this.maximumSize = maximumSize;
        this.expireAfterWrite = expireAfterWrite;
    }

    /**
     * A cache holding at most {@code entries} results, evicting the least useful first.
     *
     * @param entries at least 1
     * @return the spec
     */
    public static CacheSpec maximumSize(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("cache maximumSize must be at least 1, got " + entries);
        }
        return new CacheSpec(entries, null);
    }

    /**
     * Expires each result a fixed time after it was computed.
     *
     * @param ttl positive
     * @return a new spec
     */
    public CacheSpec expireAfterWrite(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("cache expireAfterWrite must be positive, got " + ttl);
        }
        if (expireAfterWrite != null) {
            throw new IllegalStateException("expireAfterWrite was already set to " + expireAfterWrite);
        }
        return new CacheSpec(maximumSize, ttl);
    }

    /** @return the most entries the cache holds */
    public long maximumSize() {
        return maximumSize;
    }

    /** @return the time to live after a write, or {@code null} for none */
    public Duration expireAfterWrite() {
        return expireAfterWrite;
    }

    /** @return the settings as shown in {@link Pipeline#spec()} */
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("maximumSize", maximumSize);
        if (expireAfterWrite != null) {
            spec.put("expireAfterWriteMillis", expireAfterWrite.toMillis());
        }
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheSpec && ((CacheSpec) o).maximumSize == maximumSize
                && Objects.equals(((CacheSpec) o).expireAfterWrite, expireAfterWrite);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumSize, expireAfterWrite);
    }

    @Override
    public String toString() {
        return "CacheSpec" + toSpec();
    }
}
