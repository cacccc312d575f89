package dev.aio.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * This machine's ceilings, measured in the same run as the benchmarks that are judged against
 * them (BENCHMARKS.md, "fraction of limit"):
 *
 * <ul>
 *   <li>{@code read1}/{@code read2}: streaming-read bandwidth. Each thread sums a
 *       {@value #ARRAY_MB} MB float array (far above any L3 here) with SIMD adds into four
 *       independent accumulators, so the loop is bound by memory, not by the add latency.
 *       GB/s = threads x {@value #ARRAY_MB} MB / (time per operation). E4's single-query scan is
 *       one thread, so its fraction is taken of {@code read1}.</li>
 *   <li>{@code fma1}/{@code fma2}: fused multiply-add throughput per thread, twelve independent
 *       vector accumulators of the preferred species (enough to cover FMA latency x issue width
 *       on current x86 and ARM cores), a fixed number of FLOP per operation.
 *       GFLOP/s = threads x {@link #FMA_FLOP_PER_OP} / (time per operation). E2's figure with
 *       n threads is taken of {@code fma<n>}.</li>
 * </ul>
 * Needs {@code --add-modules jdk.incubator.vector} (set by the fork).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class Roofline {

    /** Size of the streamed array; the summary reads the bytes per operation from this. */
    static final int ARRAY_MB = 512;
    /** Independent accumulators in the FMA loop. */
    static final int FMA_CHAINS = 12;
    /**
     * Lane-FMAs per chain per operation, whatever the vector width: the loop runs this over the
     * species' lane count times, so the FLOP count per operation ({@link #FMA_FLOP_PER_OP}) is
     * fixed and the summary needs no knowledge of the JVM's vector width.
     */
    static final int FMA_LANE_OPS_PER_CHAIN = 1 << 26;
    /** Floating-point operations per call of {@code fma1}/{@code fma2} per thread (an FMA is two). */
    static final double FMA_FLOP_PER_OP = 2.0 * FMA_CHAINS * FMA_LANE_OPS_PER_CHAIN;
    /** Bytes read per call of {@code read1}/{@code read2} per thread. */
    static final double READ_BYTES_PER_OP = ARRAY_MB * (double) (1 << 20);

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** The streamed array, shared by the threads: each reads all of it. */
    @State(Scope.Benchmark)
    public static class Memory {
        float[] data;

        @Setup(Level.Trial)
        public void setUp() {
            data = new float[ARRAY_MB * (1 << 20) / Float.BYTES];
            for (int i = 0; i < data.length; i++) {
                data[i] = (i & 1023) * 1e-3f; // touched, so the pages are really mapped
            }
        }
    }

    /** Per-thread operands of the FMA loop, read from fields so the JIT cannot fold them. */
    @State(Scope.Thread)
    public static class Operands {
        float mul = 0.999_999f;
        float add = 1e-7f;
    }

    @Benchmark
    @Threads(1)
    public float read1(Memory m) {
        return sum(m.data);
    }

    @Benchmark
    @Threads(2)
    public float read2(Memory m) {
        return sum(m.data);
    }

    @Benchmark
    @Threads(1)
    public float fma1(Operands o) {
        return fma(o.mul, o.add);
    }

    @Benchmark
    @Threads(2)
    public float fma2(Operands o) {
        return fma(o.mul, o.add);
    }

    private static float sum(float[] a) {
        int step = S.length();
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        int i = 0;
        for (int bound = a.length - 4 * step; i <= bound; i += 4 * step) {
            s0 = s0.add(FloatVector.fromArray(S, a, i));
            s1 = s1.add(FloatVector.fromArray(S, a, i + step));
            s2 = s2.add(FloatVector.fromArray(S, a, i + 2 * step));
            s3 = s3.add(FloatVector.fromArray(S, a, i + 3 * step));
        }
        float total = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }

    private static float fma(float mul, float add) {
        FloatVector m = FloatVector.broadcast(S, mul);
        FloatVector a = FloatVector.broadcast(S, add);
        FloatVector c0 = FloatVector.broadcast(S, 1f);
        FloatVector c1 = FloatVector.broadcast(S, 2f);
        FloatVector c2 = FloatVector.broadcast(S, 3f);
        FloatVector c3 = FloatVector.broadcast(S, 4f);
        FloatVector c4 = FloatVector.broadcast(S, 5f);
        FloatVector c5 = FloatVector.broadcast(S, 6f);
        FloatVector c6 = FloatVector.broadcast(S, 7f);
        FloatVector c7 = FloatVector.broadcast(S, 8f);
        FloatVector c8 = FloatVector.broadcast(S, 9f);
        FloatVector c9 = FloatVector.broadcast(S, 10f);
        FloatVector c10 = FloatVector.broadcast(S, 11f);
        FloatVector c11 = FloatVector.broadcast(S, 12f);
        for (int i = 0, n = FMA_LANE_OPS_PER_CHAIN / S.length(); i < n; i++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        FloatVector s = c0.add(c1).add(c2.add(c3)).add(c4.add(c5).add(c6.add(c7))).add(c8.add(c9).add(c10.add(c11)));
        return s.reduceLanes(VectorOperators.ADD);
    }
}
