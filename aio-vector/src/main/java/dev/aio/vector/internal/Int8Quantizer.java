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
        float max = 0;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, Math.abs(vector[offset + i]));
        }
        if (max == 0) {
            for (int i = 0; i < length; i++) {
                codes[codesOffset + i] = 0;
            }
            return 0;
        }
        float inverse = 127f / max;
        for (int i = 0; i < length; i++) {
            codes[codesOffset + i] = (byte) Math.round(vector[offset + i] * inverse);
        }
        return max / 127f;
    }
}
