package dev.aio.core.vector;

import java.util.Objects;
import java.util.Optional;

/**
 * What to search for: a query vector, how many hits, and optionally a filter, a minimum score,
 * a tenant and a keyword half for hybrid search. Immutable and thread-safe; build it with
 * {@link #builder(float[])} and derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * VectorQuery q = VectorQuery.builder(embedding)
 *     .topK(5)
 *     .filter(Filter.parse("lang == 'en' && year >= 2020"))
 *     .minScore(0.3)
 *     .build();
 * }</pre>
 */
public final class VectorQuery {

    /** The number of hits when {@link Builder#topK(int)} is not called. */
    public static final int DEFAULT_TOP_K = 10;
    /** The largest {@code topK} a query may ask for. */
    public static final int MAX_TOP_K = 10_000;

    private final float[] vector;
    private final int topK;
    private final Filter filter;
    private final double minScore;
    private final HybridSearch hybrid;
    private final String tenant;

    private VectorQuery(Builder b) {
        this.vector = b.vector;
        this.topK = b.topK;
        this.filter = b.filter;
        this.minScore = b.minScore;
        this.hybrid = b.hybrid;
        this.tenant = b.tenant;
    }

    /**
     * @param vector the query vector: finite floats, at least one; copied
     * @return a builder with {@value #DEFAULT_TOP_K} hits and nothing else set
     * @throws IllegalArgumentException for an empty vector or a non-finite element
     */
    public static Builder builder(float[] vector) {
        return new Builder(vector);
    }

    /**
     * @param vector the query vector
     * @param topK the number of hits, 1 to {@value #MAX_TOP_K}
     * @return a plain top-k query
     */
    public static VectorQuery of(float[] vector, int topK) {
        return builder(vector).topK(topK).build();
    }

    /** @return a builder holding this query's settings, each of which may be set once more */
    public Builder toBuilder() {
        Builder b = new Builder(vector);
        b.topK = topK;
        b.filter = filter;
        b.minScore = minScore;
        b.hybrid = hybrid;
        b.tenant = tenant;
        return b;
    }

    /** @return a copy of the query vector */
    public float[] vector() {
        return vector.clone();
    }

    /**
     * The query vector itself, for stores; callers must not modify it.
     *
     * @return the query vector, not copied
     */
    public float[] vectorUnsafe() {
        return vector;
    }

    /** @return the query vector's length */
    public int dimensions() {
        return vector.length;
    }

    /** @return the most hits to return, 1 to {@value #MAX_TOP_K} */
    public int topK() {
        return topK;
    }

    /** @return the filter every hit satisfies, if any */
    public Optional<Filter> filter() {
        return Optional.ofNullable(filter);
    }

    /** @return the lowest score a hit may have; {@code -Infinity} when not set */
    public double minScore() {
        return minScore;
    }

    /** @return the keyword half of a hybrid search, if any */
    public Optional<HybridSearch> hybrid() {
        return Optional.ofNullable(hybrid);
    }

    /** @return the tenant to search in; {@code null} for the records without a tenant */
    public String tenant() {
        return tenant;
    }

    @Override
    public String toString() {
        return "VectorQuery{dimensions=" + vector.length + ", topK=" + topK
                + (filter == null ? "" : ", filter=" + filter)
                + (minScore == Double.NEGATIVE_INFINITY ? "" : ", minScore=" + minScore)
                + (hybrid == null ? "" : ", hybrid=" + hybrid)
                + (tenant == null ? "" : ", tenant=" + tenant) + "}";
    }

    /**
     * Builds a {@link VectorQuery}. Each setting may be set once; a second call, an out-of-range
     * value or a null fails at once with a message naming the value. Not thread-safe.
     */
    public static final class Builder {
        private final float[] vector;
        private int topK = DEFAULT_TOP_K;
        private Filter filter;
        private double minScore = Double.NEGATIVE_INFINITY;
        private HybridSearch hybrid;
        private String tenant;
        private boolean topKSet;
        private boolean filterSet;
        private boolean minScoreSet;
        private boolean hybridSet;
        private boolean tenantSet;

        private Builder(float[] vector) {
            Objects.requireNonNull(vector, "query vector");
            if (vector.length == 0) {
                throw new IllegalArgumentException("query vector is empty");
            }
            for (int i = 0; i < vector.length; i++) {
                if (!Float.isFinite(vector[i])) {
                    throw new IllegalArgumentException("query vector has " + vector[i] + " at index " + i);
                }
            }
            this.vector = vector.clone();
        }

        private static void once(boolean set, String what, Object current) {
            if (set) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }

        /**
         * @param topK the most hits to return, 1 to {@value #MAX_TOP_K}
         * @return this builder
         */
        public Builder topK(int topK) {
            once(topKSet, "topK", this.topK);
            if (topK < 1 || topK > MAX_TOP_K) {
                throw new IllegalArgumentException("topK must be in [1, " + MAX_TOP_K + "], was " + topK);
            }
            this.topK = topK;
            topKSet = true;
            return this;
        }

        /**
         * @param filter a condition every hit satisfies, not null
         * @return this builder
         */
        public Builder filter(Filter filter) {
            once(filterSet, "filter", this.filter);
            this.filter = Objects.requireNonNull(filter, "filter");
            filterSet = true;
            return this;
        }

        /**
         * @param minScore the lowest score a hit may have, not NaN
         * @return this builder
         */
        public Builder minScore(double minScore) {
            once(minScoreSet, "minScore", this.minScore);
            if (Double.isNaN(minScore)) {
                throw new IllegalArgumentException("minScore is NaN");
            }
            this.minScore = minScore;
            minScoreSet = true;
            return this;
        }

        /**
         * @param hybrid the keyword text and fusion, not null; only stores whose capabilities
         *     list the fusion accept it
         * @return this builder
         */
        public Builder hybrid(HybridSearch hybrid) {
            once(hybridSet, "hybrid", this.hybrid);
            this.hybrid = Objects.requireNonNull(hybrid, "hybrid");
            hybridSet = true;
            return this;
        }

        /**
         * @param tenant a non-blank tenant; only multi-tenant stores accept it
         * @return this builder
         */
        public Builder tenant(String tenant) {
            once(tenantSet, "tenant", this.tenant);
            Objects.requireNonNull(tenant, "tenant");
            if (tenant.isBlank()) {
                throw new IllegalArgumentException("tenant is blank");
            }
            this.tenant = tenant;
            tenantSet = true;
            return this;
        }

        /** @return the query */
        public VectorQuery build() {
            return new VectorQuery(this);
        }
    }
}
