package dev.aio.benchmarks;

import dev.aio.vector.internal.VectorOps;
import dev.aio.vector.internal.VectorOpsProvider;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * E3: one dot product of two 384-d vectors, float32 and int8. Ours is aio-vector's SIMD path
 * ({@code jdk.incubator.vector}, hence the module in the fork's flags); the peers in the same run
 * are a naive loop, a 4-accumulator unrolled loop (aio's scalar fallback) and Lucene's
 * {@code VectorUtil} (scalar on JDK 17). Seeded random data: the arithmetic's speed does not
 * depend on the values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DotProductBenchmark {

    @Param("384")
    int dims;

    private float[] a;
    private float[] b;
    private byte[] qa;
    private byte[] qb;
    private VectorOps simd;
    private VectorOps scalar;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        a = new float[dims];
        b = new float[dims];
        qa = new byte[dims];
        qb = new byte[dims];
        for (int i = 0; i < dims; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = (float) random.nextGaussian();
            qa[i] = (byte) (random.nextInt(255) - 127);
            qb[i] = (byte) (random.nextInt(255) - 127);
        }
        simd = VectorOpsProvider.best();
        scalar = VectorOpsProvider.scalar();
        if (!VectorOpsProvider.simdAvailable()) {
            System.err.println("# E3: jdk.incubator.vector is not available; 'simd' measures the scalar path");
        }
    }

    @Benchmark
    public float floatSimd() {
        return simd.dot(a, 0, b, 0, dims);
    }

    @Benchmark
    public float floatNaive() {
        float sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Benchmark
    public float floatUnrolled4() {
        return scalar.dot(a, 0, b, 0, dims);
    }

    @Benchmark
    public float floatLucene() {
        return VectorUtil.dotProduct(a, b);
    }

    @Benchmark
    public int int8Simd() {
        return simd.dotInt8(qa, 0, qb, 0, dims);
    }

    @Benchmark
    public int int8Naive() {
        int sum = 0;
        for (int i = 0; i < dims; i++) {
            sum += qa[i] * qb[i];
        }
        return sum;
    }

    @Benchmark
    public int int8Unrolled4() {
        return scalar.dotInt8(qa, 0, qb, 0, dims);
    }

    @Benchmark
    public int int8Lucene() {
        return VectorUtil.dotProduct(qa, qb);
    }
}
