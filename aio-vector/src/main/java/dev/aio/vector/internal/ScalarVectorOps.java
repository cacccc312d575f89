package dev.aio.vector.internal;

/**
 * The portable fallback: plain loops unrolled by four with four independent accumulators, which
 * breaks the dependency chain of a single sum and lets the CPU overlap the multiplies.
 */
public final class ScalarVectorOps implements VectorOps {

    /** The one instance. */
    public static final ScalarVectorOps INSTANCE = new ScalarVectorOps();

    private ScalarVectorOps() {
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        int bound = length & ~3;
        for (; i < bound; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public int dotInt8(byte[] a, int ao, byte[] b, int bo, int length) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int i = 0;
        int bound = length & ~3;
        for (; i < bound; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return s0 + s1 + s2 + s3;
    }

    @Override
    public int dotInt8(short[] query, byte[] codes, int codesOffset, int length) {
        int s0 = 0;
        int s1 = 0;
        int i = 0;
        int bound = length & ~1;
        for (; i < bound; i += 2) {
            s0 += query[i] * codes[codesOffset + i];
            s1 += query[i + 1] * codes[codesOffset + i + 1];
        }
        if (i < length) {
            s0 += query[i] * codes[codesOffset + i];
        }
        return s0 + s1;
    }

    @Override
    public String name() {
        return "scalar-unrolled";
    }
}
