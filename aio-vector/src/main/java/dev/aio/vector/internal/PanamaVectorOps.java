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
    // The search kernel's shapes: bytes widened to shorts that fill a whole register.
    private static final VectorSpecies<Byte> CODE_BYTES = WIDE_INTS ? ByteVector.SPECIES_256 : ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> CODE_SHORTS = WIDE_INTS ? ShortVector.SPECIES_512 : ShortVector.SPECIES_256;
    private static final VectorSpecies<Integer> CODE_INTS = WIDE_INTS ? IntVector.SPECIES_512 : IntVector.SPECIES_256;

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

    /**
     * Two register-fulls of 16-bit products are added in 16 bits (|a*b| <= 127*127, so a pair
     * stays below 32767) and the pair sums, read as ints, are split into their sign-extended low
     * and high halves with shifts. Compared with widening every product to 32 bits, that halves
     * the widening work and spends it on the shift port rather than the shuffle port, which the
     * byte-to-short loads of the codes already occupy; the query is widened once, by the caller.
     */
    @Override
    public int dotInt8(short[] query, byte[] codes, int codesOffset, int length) {
        int lanes = CODE_SHORTS.length();
        IntVector low = IntVector.zero(CODE_INTS);
        IntVector high = IntVector.zero(CODE_INTS);
        int i = 0;
        for (; i <= length - 2 * lanes; i += 2 * lanes) {
            ShortVector pairs = products(query, i, codes, codesOffset + i)
                    .add(products(query, i + lanes, codes, codesOffset + i + lanes));
            IntVector packed = pairs.reinterpretAsInts();
            low = low.add(packed.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
            high = high.add(packed.lanewise(VectorOperators.ASHR, 16));
        }
        if (i <= length - lanes) {
            IntVector packed = products(query, i, codes, codesOffset + i).reinterpretAsInts();
            low = low.add(packed.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
            high = high.add(packed.lanewise(VectorOperators.ASHR, 16));
            i += lanes;
        }
        int sum = low.add(high).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += query[i] * codes[codesOffset + i];
        }
        return sum;
    }

    private static ShortVector products(short[] query, int qo, byte[] codes, int co) {
        ShortVector q = ShortVector.fromArray(CODE_SHORTS, query, qo);
        Vector<Short> c = ByteVector.fromArray(CODE_BYTES, codes, co).convertShape(VectorOperators.B2S, CODE_SHORTS, 0);
        return q.mul((ShortVector) c);
    }

    @Override
    public String name() {
        return "panama-" + FLOATS.vectorBitSize();
    }
}
