package dev.aio.core.vector;

/** How a store scores a stored vector against a query vector; higher is always more similar. */
public enum Similarity {
    /** The cosine of the angle, in [-1, 1]; the vectors need not be normalised. */
    COSINE,
    /** The dot product; equal to {@link #COSINE} for unit vectors and cheaper. */
    DOT_PRODUCT
}
