package dev.aio.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorOpsTest {

    private static final int[] LENGTHS = {1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 384, 385, 1000};

    @Test
    void theSimdPathIsActiveExactlyWhenTheJvmHasTheVectorModule() {
        String expect = System.getProperty("aio.test.expectSimd");
        boolean hasModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (expect != null) {
            assertThat(hasModule).as("surefire execution's module setting").isEqualTo(Boolean.parseBoolean(expect));
        }
        assertThat(VectorOpsProvider.simdAvailable()).isEqualTo(hasModule);
        assertThat(VectorOpsProvider.best().name()).startsWith(hasModule ? "panama-" : "scalar");
    }

    @Test
    void floatDotProductsMatchADoublePrecisionReferenceAtEveryLengthAndOffset() {
        Random random = new Random(1);
        for (VectorOps ops : new VectorOps[] {VectorOpsProvider.best(), VectorOpsProvider.scalar()}) {
            for (int length : LENGTHS) {
                float[] a = randomFloats(random, length + 5);
                float[] b = randomFloats(random, length + 3);
                double expected = 0;
                double magnitude = 0;
                for (int i = 0; i < length; i++) {
                    expected += (double) a[i + 5] * b[i + 3];
                    magnitude += Math.abs((double) a[i + 5] * b[i + 3]);
                }
                assertThat((double) ops.dot(a, 5, b, 3, length)).as("%s length %d", ops.name(), length)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * magnitude + 1e-6));
            }
        }
    }

    @Test
    void int8DotProductsAreExactAtEveryLengthAndOffsetIncludingExtremes() {
        Random random = new Random(2);
        for (VectorOps ops : new VectorOps[] {VectorOpsProvider.best(), VectorOpsProvider.scalar()}) {
            for (int length : LENGTHS) {
                byte[] a = new byte[length + 2];
                byte[] b = new byte[length + 9];
                random.nextBytes(a);
                random.nextBytes(b);
                a[2] = Byte.MIN_VALUE;
                b[9] = Byte.MIN_VALUE;
                int expected = 0;
                for (int i = 0; i < length; i++) {
                    expected += a[i + 2] * b[i + 9];
                }
                assertThat(ops.dotInt8(a, 2, b, 9, length)).as("%s length %d", ops.name(), length).isEqualTo(expected);
            }
        }
    }

    @Test
    void searchInt8DotProductsAreExactOverTheQuantizersWholeRange() {
        Random random = new Random(3);
        int[] lengths = {0, 1, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 384, 385, 1000};
        for (VectorOps ops : new VectorOps[] {VectorOpsProvider.best(), VectorOpsProvider.scalar()}) {
            for (int length : lengths) {
                short[] query = new short[length];
                byte[] codes = new byte[length + 7];
                for (int i = 0; i < length; i++) {
                    query[i] = (short) (random.nextInt(255) - 127);
                    codes[i + 7] = (byte) (random.nextInt(255) - 127);
                }
                assertThat(ops.dotInt8(query, codes, 7, length)).as("%s length %d", ops.name(), length)
                        .isEqualTo(reference(query, codes, 7, length));
                // The extremes: every product at +-127*127, where two products summed in 16 bits
                // come closest to overflowing.
                for (int sign : new int[] {1, -1}) {
                    java.util.Arrays.fill(query, (short) 127);
                    java.util.Arrays.fill(codes, (byte) (127 * sign));
                    assertThat(ops.dotInt8(query, codes, 7, length)).as("%s length %d extreme %d", ops.name(), length, sign)
                            .isEqualTo(127 * 127 * sign * length);
                }
            }
        }
    }

    @Test
    void aQueryQuantizedAsShortsHasTheCodesOfTheByteForm() {
        Random random = new Random(4);
        float[] v = randomFloats(random, 384);
        byte[] bytes = new byte[384];
        short[] shorts = new short[384];
        assertThat(Int8Quantizer.quantize(v, shorts)).isEqualTo(Int8Quantizer.quantize(v, 0, 384, bytes, 0));
        for (int i = 0; i < 384; i++) {
            assertThat(shorts[i]).isEqualTo(bytes[i]).isBetween((short) -127, (short) 127);
        }
    }

    private static int reference(short[] query, byte[] codes, int offset, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += query[i] * codes[offset + i];
        }
        return sum;
    }

    @Test
    void quantizationRoundTripsWithinHalfAStep() {
        float[] v = {0.5f, -1f, 0.25f, 0f, 0.999f};
        byte[] codes = new byte[5];
        float scale = Int8Quantizer.quantize(v, 0, 5, codes, 0);
        assertThat(codes[1]).isEqualTo((byte) -127);
        for (int i = 0; i < v.length; i++) {
            assertThat((double) (codes[i] * scale)).isCloseTo(v[i], org.assertj.core.data.Offset.offset(scale / 2.0 + 1e-7));
        }
        assertThat(Int8Quantizer.quantize(new float[3], 0, 3, new byte[3], 0)).isZero();
    }

    @Test
    void topKKeepsTheHighestScoresInDescendingOrder() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.2f, 0.95f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(scores[i], i);
        }
        int[] slots = new int[3];
        float[] out = new float[3];
        assertThat(top.drainDescending(slots, out)).isEqualTo(3);
        assertThat(slots).containsExactly(5, 1, 3);
        assertThat(out).containsExactly(0.95f, 0.9f, 0.7f);
        assertThat(top.size()).isZero();
    }

    private static float[] randomFloats(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
