package dev.aio.vector.internal;

/**
 * Symmetric per-vector scalar quantization to signed bytes: {@code code = round(x / scale)} with
 * {@code scale = max|x| / 127}, so {@code dot(x, y) ~ scale(x) * scale(y) * dotInt8(code(x), code(y))}.
 * Per-vector scales keep the error relative to each vector's own range, which is what ranking
 * needs; candidates are rescored with the float vectors anyway.
 */
public final class Int8Quantizer {

    private Int8Quantizer() {
    }

    /**
     * Quantizes one vector.
     *
     * @param vector the source floats
     * @param offset where the vector starts in {@code vector}
     * @param length its length
     * @param codes where to write the bytes
     * @param codesOffset where to start writing
     * @return the scale that maps codes back to values; 0 for an all-zero vector
     */
    public static float quantize(float[] vector, int offset, int length, byte[] codes, int codesOffset) {
        float max = maxAbs(vector, offset, length);
        float inverse = max == 0 ? 0 : 127f / max;
        for (int i = 0; i < length; i++) {
            codes[codesOffset + i] = (byte) Math.round(vector[offset + i] * inverse);
        }
        return max / 127f;
    }

    /**
     * Quantizes a query into the same codes as {@link #quantize(float[], int, int, byte[], int)},
     * held as shorts: the form {@link VectorOps#dotInt8(short[], byte[], int, int)} takes, widened
     * once per search instead of once per scored vector.
     *
     * @param query the query vector, whose length is the number of codes written
     * @param codes where to write the codes, at least as long as {@code query}
     * @return the scale that maps codes back to values; 0 for an all-zero vector
     */
    public static float quantize(float[] query, short[] codes) {
        float max = maxAbs(query, 0, query.length);
        float inverse = max == 0 ? 0 : 127f / max;
        for (int i = 0; i < query.length; i++) {
            codes[i] = (short) Math.round(query[i] * inverse);
        }
        return max / 127f;
    }

    private static float maxAbs(float[] vector, int offset, int length) {
        float max = 0;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, Math.abs(vector[offset + i]));
        }
        return max;
    }
}
