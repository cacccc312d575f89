package dev.aio.core.vector;

import java.util.Objects;

/**
 * The keyword half of a hybrid search and how its ranking is fused with the vector ranking.
 *
 * @param text the query text for keyword (e.g. BM25) scoring; not blank
 * @param fusion how the two rankings are combined
 * @param alpha for {@link Fusion#WEIGHTED}, the weight of the vector score in [0, 1] (1 = vector
 *     only, 0 = keyword only); ignored by {@link Fusion#RRF}
 * @param rrfK for {@link Fusion#RRF}, the rank constant k in {@code 1 / (k + rank)}, positive
 */
public record HybridSearch(String text, Fusion fusion, double alpha, int rrfK) {

    /** The usual RRF rank constant. */
    public static final int DEFAULT_RRF_K = 60;

    /** How a hybrid search combines the vector and keyword rankings. */
    public enum Fusion {
        /** {@code alpha * normalisedVectorScore + (1 - alpha) * normalisedKeywordScore}. */
        WEIGHTED,
        /** Reciprocal rank fusion: the sum of {@code 1 / (k + rank)} over both rankings. */
        RRF
    }

    /** Validates the settings, naming the rejected value. */
    public HybridSearch {
        Objects.requireNonNull(text, "hybrid query text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("hybrid query text is blank");
        }
        Objects.requireNonNull(fusion, "fusion");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        if (rrfK <= 0) {
            throw new IllegalArgumentException("rrfK must be positive, was " + rrfK);
        }
    }

    /**
     * @param text the query text
     * @param alpha the vector weight in [0, 1]
     * @return a weighted fusion
     */
    public static HybridSearch weighted(String text, double alpha) {
        return new HybridSearch(text, Fusion.WEIGHTED, alpha, DEFAULT_RRF_K);
    }

    /**
     * @param text the query text
     * @return reciprocal rank fusion with k = {@value #DEFAULT_RRF_K}
     */
    public static HybridSearch rrf(String text) {
        return new HybridSearch(text, Fusion.RRF, 0.5, DEFAULT_RRF_K);
    }
}
