package dev.aio.core.retrieval;

import dev.aio.core.vector.Filter;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One question to a {@link Retriever}: the query text, how many chunks, and optionally a filter,
 * a minimum score, hybrid search, MMR diversity and the {@link AccessContext} it is made for.
 * Immutable and thread-safe; build it with {@link #builder(String)}.
 *
 * <pre>{@code
 * RetrievalRequest r = RetrievalRequest.builder("how do refunds work?")
 *     .topK(5).filter(Filter.parse("lang == 'en'")).hybrid().mmr(0.7)
 *     .access(AccessContext.of("user:alice", "acme", "group:support"))
 *     .build();
 * }</pre>
 */
public final class RetrievalRequest {

    /** The number of chunks when {@link Builder#topK(int)} is not called. */
    public static final int DEFAULT_TOP_K = 5;
    /** The largest {@code topK} a request may ask for. */
    public static final int MAX_TOP_K = 1_000;
    /** How many candidates per returned chunk are fetched for MMR or reranking by default. */
    public static final int DEFAULT_CANDIDATE_FACTOR = 4;

    private final String query;
    private final int topK;
    private final Filter filter;
    private final double minScore;
    private final boolean hybrid;
    private final double mmrLambda;
    private final int candidates;
    private final AccessContext access;

    private RetrievalRequest(Builder b) {
        this.query = b.query;
        this.topK = b.topK;
        this.filter = b.filter;
        this.minScore = b.minScore;
        this.hybrid = b.hybrid;
        this.mmrLambda = b.mmrLambda;
        this.candidates = b.candidates == 0 ? Math.min(MAX_TOP_K * DEFAULT_CANDIDATE_FACTOR,
                b.topK * DEFAULT_CANDIDATE_FACTOR) : b.candidates;
        this.access = b.access;
    }

    /**
     * @param query the question, non-blank
     * @return a builder for {@value #DEFAULT_TOP_K} chunks and nothing else set
     */
    public static Builder builder(String query) {
        return new Builder(query);
    }

    /**
     * @param query the question
     * @param access whom it is for
     * @return a plain request for {@value #DEFAULT_TOP_K} chunks
     */
    public static RetrievalRequest of(String query, AccessContext access) {
        return builder(query).access(access).build();
    }

    /** @return the query text */
    public String query() {
        return query;
    }

    /** @return the most chunks to return */
    public int topK() {
        return topK;
    }

    /** @return the caller's filter, if any; the retriever ANDs its access filter to it */
    public Optional<Filter> filter() {
        return Optional.ofNullable(filter);
    }

    /** @return the lowest similarity a vector hit may have; {@code -Infinity} when not set */
    public double minScore() {
        return minScore;
    }

    /** @return whether to combine keyword and vector search */
    public boolean hybrid() {
        return hybrid;
    }

    /** @return the MMR relevance weight in [0, 1], if diversity was asked for */
    public OptionalDouble mmrLambda() {
        return Double.isNaN(mmrLambda) ? OptionalDouble.empty() : OptionalDouble.of(mmrLambda);
    }

    /** @return how many candidates to fetch before reranking or MMR, at least {@link #topK()} */
    public int candidates() {
        return candidates;
    }

    /** @return whom the request is made for, if given */
    public Optional<AccessContext> access() {
        return Optional.ofNullable(access);
    }

    @Override
    public String toString() {
        return "RetrievalRequest{query='" + query + "', topK=" + topK + (filter == null ? "" : ", filter=" + filter)
                + (hybrid ? ", hybrid" : "") + (Double.isNaN(mmrLambda) ? "" : ", mmrLambda=" + mmrLambda)
                + (access == null ? "" : ", " + access) + "}";
    }

    /** Builds a {@link RetrievalRequest}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private final String query;
        private int topK = DEFAULT_TOP_K;
        private Filter filter;
        private double minScore = Double.NEGATIVE_INFINITY;
        private boolean hybrid;
        private double mmrLambda = Double.NaN;
        private int candidates;
        private AccessContext access;
        private boolean topKSet;
        private boolean minScoreSet;

        private Builder(String query) {
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException("RetrievalRequest query must be non-blank, got '" + query + "'");
            }
            this.query = query;
        }

        private static void once(boolean set, String what, Object current) {
            if (set) {
                throw new IllegalStateException("RetrievalRequest " + what + " was already set to " + current);
            }
        }

        /** @param topK 1 to {@value #MAX_TOP_K} @return this builder */
        public Builder topK(int topK) {
            once(topKSet, "topK", this.topK);
            if (topK < 1 || topK > MAX_TOP_K) {
                throw new IllegalArgumentException("topK must be in [1, " + MAX_TOP_K + "], was " + topK);
            }
            this.topK = topK;
            topKSet = true;
            return this;
        }

        /** @param filter a condition every chunk meets, not null @return this builder */
        public Builder filter(Filter filter) {
            once(this.filter != null, "filter", this.filter);
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** @param minScore the lowest vector similarity, not NaN @return this builder */
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
         * Asks for keyword and vector search combined: in the store when it can, else by RRF of
         * the retriever's vector and keyword searches; refused when neither is possible.
         *
         * @return this builder
         */
        public Builder hybrid() {
            once(hybrid, "hybrid", true);
            hybrid = true;
            return this;
        }

        /**
         * Asks for maximal marginal relevance: chunks are picked one by one for
         * {@code lambda * relevance - (1 - lambda) * similarity to those already picked}.
         *
         * @param lambda 1 is relevance only, 0 is diversity only
         * @return this builder
         */
        public Builder mmr(double lambda) {
            once(!Double.isNaN(mmrLambda), "mmr", mmrLambda);
            if (!(lambda >= 0 && lambda <= 1)) {
                throw new IllegalArgumentException("MMR lambda must be in [0, 1], was " + lambda);
            }
            mmrLambda = lambda;
            return this;
        }

        /**
         * @param candidates how many chunks to fetch before reranking or MMR, at least topK;
         *     default {@value #DEFAULT_CANDIDATE_FACTOR} times topK
         * @return this builder
         */
        public Builder candidates(int candidates) {
            once(this.candidates != 0, "candidates", this.candidates);
            if (candidates < 1 || candidates > MAX_TOP_K * DEFAULT_CANDIDATE_FACTOR) {
                throw new IllegalArgumentException("candidates must be in [1, " + MAX_TOP_K * DEFAULT_CANDIDATE_FACTOR
                        + "], was " + candidates);
            }
            this.candidates = candidates;
            return this;
        }

        /** @param access whom the request is made for, not null @return this builder */
        public Builder access(AccessContext access) {
            once(this.access != null, "access", this.access);
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when fewer candidates than topK were asked for
         */
        public RetrievalRequest build() {
            if (candidates != 0 && candidates < topK) {
                throw new IllegalArgumentException("candidates (" + candidates + ") must be at least topK (" + topK + ")");
            }
            return new RetrievalRequest(this);
        }
    }
}
