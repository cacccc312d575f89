package dev.aio.vector.internal;

/**
 * Dot products over slices of flat arrays, the inner loop of exact search. Implementations are
 * stateless and thread-safe; get one from {@link VectorOpsProvider}.
 */
public interface VectorOps {

    /**
     * @param a the first array
     * @param aOffset where the first vector starts in {@code a}
     * @param b the second array
     * @param bOffset where the second vector starts in {@code b}
     * @param length the number of elements
     * @return the dot product of the two slices; summation order may differ between
     *     implementations, so results may differ in the last bits
     */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * @param a the first array of signed bytes
     * @param aOffset where the first vector starts in {@code a}
     * @param b the second array of signed bytes
     * @param bOffset where the second vector starts in {@code b}
     * @param length the number of elements, at most 2^17 so that the sum fits an int
     * @return the exact integer dot product of the two slices
     */
    int dotInt8(byte[] a, int aOffset, byte[] b, int bOffset, int length);

    /**
     * The int8 dot product of a search: the query's codes, widened to shorts once per search (see
     * {@link Int8Quantizer#quantize(float[], short[])}), against one stored vector's codes. Every
     * value on both sides must lie in [-127, 127], the range {@link Int8Quantizer} produces: SIMD
     * implementations add two products in 16 bits before widening, which holds only there.
     *
     * @param query the query codes, at least {@code length} of them
     * @param codes the stored codes
     * @param codesOffset where the stored vector starts in {@code codes}
     * @param length the number of elements, at most 2^17 so that the sum fits an int
     * @return the exact integer dot product
     */
    int dotInt8(short[] query, byte[] codes, int codesOffset, int length);

    /** @return a short description, e.g. {@code panama-512} or {@code scalar-unrolled} */
    String name();
}
