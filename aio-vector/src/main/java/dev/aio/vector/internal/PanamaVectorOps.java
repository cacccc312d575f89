package dev.aio.vector.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD dot products through {@code jdk.incubator.vector}. Loaded only by
 * {@link VectorOpsProvider}, and only when the module is in the boot layer: referencing this
 * class on a JVM without {@code --add-modules jdk.incubator.vector} fails to link.
 */
final class PanamaVectorOps implements VectorOps {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int F = FLOATS.length();
    private static final boolean WIDE_INTS = IntVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    PanamaVectorOps() {
        if (FLOATS.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("preferred vector size " + FLOATS.vectorBitSize() + " bits");
        }
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("int8 path needs 256-bit integer vectors");
        }
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int length) {
        int i = 0;
        FloatVector acc0 = FloatVector.zero(FLOATS);
        FloatVector acc1 = FloatVector.zero(FLOATS);
        FloatVector acc2 = FloatVector.zero(FLOATS);
        FloatVector acc3 = FloatVector.zero(FLOATS);
        int bound4 = length - 4 * F;
        for (; i <= bound4; i += 4 * F) {
            acc0 = FloatVector.fromArray(FLOATS, a, ao + i).fma(FloatVector.fromArray(FLOATS, b, bo + i), acc0);
            acc1 = FloatVector.fromArray(FLOATS, a, ao + i + F).fma(FloatVector.fromArray(FLOATS, b, bo + i + F), acc1);
            acc2 = FloatVector.fromArray(FLOATS, a, ao + i + 2 * F)
                    .fma(FloatVector.fromArray(FLOATS, b, bo + i + 2 * F), acc2);
            acc3 = FloatVector.fromArray(FLOATS, a, ao + i + 3 * F)
                    .fma(FloatVector.fromArray(FLOATS, b, bo + i + 3 * F), acc3);
        }
        int bound = length - F;
        for (; i <= bound; i += F) {
            acc0 = FloatVector.fromArray(FLOATS, a, ao + i).fma(FloatVector.fromArray(FLOATS, b, bo + i), acc0);
        }
        float sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    @Override
    public int dotInt8(byte[] a, int ao, byte[] b, int bo, int length) {
        return WIDE_INTS ? dotInt8Wide(a, ao, b, bo, length) : dotInt8Narrow(a, ao, b, bo, length);
    }

    /** 512-bit: 16 bytes widened to 16 shorts (multiplied in 256 bits), summed as 16 ints. */
    private static int dotInt8Wide(byte[] a, int ao, byte[] b, int bo, int length) {
        int i = 0;
        IntVector acc0 = IntVector.zero(IntVector.SPECIES_512);
        IntVector acc1 = IntVector.zero(IntVector.SPECIES_512);
        int step = ByteVector.SPECIES_128.length();
        for (; i <= length - 2 * step; i += 2 * step) {
            acc0 = acc0.add(products512(a, ao + i, b, bo + i));
            acc1 = acc1.add(products512(a, ao + i + step, b, bo + i + step));
        }
        if (i <= length - step) {
            acc0 = acc0.add(products512(a, ao + i, b, bo + i));
            i += step;
        }
        int sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    /** 256-bit: 8 bytes widened to 8 shorts, multiplied in 16 bits (|product| <= 16384), summed as 8 ints. */
    private static int dotInt8Narrow(byte[] a, int ao, byte[] b, int bo, int length) {
        int i = 0;
        IntVector acc0 = IntVector.zero(IntVector.SPECIES_256);
        IntVector acc1 = IntVector.zero(IntVector.SPECIES_256);
        int step = ByteVector.SPECIES_64.length();
        for (; i <= length - 2 * step; i += 2 * step) {
            acc0 = acc0.add(products256(a, ao + i, b, bo + i));
            acc1 = acc1.add(products256(a, ao + i + step, b, bo + i + step));
        }
        if (i <= length - step) {
            acc0 = acc0.add(products256(a, ao + i, b, bo + i));
            i += step;
        }
        int sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    private static Vector<Integer> products256(byte[] a, int ao, byte[] b, int bo) {
        ByteVector va = ByteVector.fromArray(ByteVector.SPECIES_64, a, ao);
        ByteVector vb = ByteVector.fromArray(ByteVector.SPECIES_64, b, bo);
        Vector<Short> sa = va.convertShape(VectorOperators.B2S, ShortVector.SPECIES_128, 0);
        Vector<Short> sb = vb.convertShape(VectorOperators.B2S, ShortVector.SPECIES_128, 0);
        return sa.mul(sb).convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
    }

    private static Vector<Integer> products512(byte[] a, int ao, byte[] b, int bo) {
        ByteVector va = ByteVector.fromArray(ByteVector.SPECIES_128, a, ao);
        ByteVector vb = ByteVector.fromArray(ByteVector.SPECIES_128, b, bo);
        Vector<Short> sa = va.convertShape(VectorOperators.B2S, ShortVector.SPECIES_256, 0);
        Vector<Short> sb = vb.convertShape(VectorOperators.B2S, ShortVector.SPECIES_256, 0);
        return sa.mul(sb).convertShape(VectorOperators.S2I, IntVector.SPECIES_512, 0);
    }

    @Override
    public String name() {
        return "panama-" + FLOATS.vectorBitSize();
    }
}
