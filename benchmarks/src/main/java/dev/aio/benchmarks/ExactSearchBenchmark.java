package dev.aio.benchmarks;

import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * E4: exact top-10 over {@code vectors} x 384 unit vectors (dot product = cosine), one query per
 * call, cycling through 16 queries. Ours: {@link InMemoryVectorStore#search} in float32 and with
 * int8 quantization (scan codes, rescore 40 candidates in float). Peers in the same run: a
 * plain-Java scan over {@code float[][]} with a {@code PriorityQueue}, and the same scan scored by
 * Lucene's {@code VectorUtil.dotProduct}, which is what Lucene's exact (brute-force) kNN does per
 * document; an HNSW index is not built because exact search does not use it and building one
 * for 100k vectors would take most of the quick budget. {@code run.sh full} adds 1M vectors
 * (about 6 GB of heap: the plain arrays and both stores hold their own copies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx10g"})
public class ExactSearchBenchmark {

    private static final int DIMS = 384;
    private static final int K = 10;
    private static final int QUERIES = 16;

    @Param({"10000", "100000"})
    int vectors;

    private InMemoryVectorStore floats;
    private InMemoryVectorStore int8;
    private float[][] plain;
    private float[][] queries;
    private VectorQuery[] storeQueries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        plain = new float[vectors][];
        floats = InMemoryVectorStore.builder().name("e4-float32").similarity(Similarity.DOT_PRODUCT)
                .dimensions(DIMS).build();
        int8 = InMemoryVectorStore.builder().name("e4-int8").similarity(Similarity.DOT_PRODUCT).dimensions(DIMS)
                .int8Quantization(true).build();
        List<VectorRecord> batch = new ArrayList<>(10_000);
        for (int i = 0; i < vectors; i++) {
            plain[i] = unit(random);
            batch.add(VectorRecord.of("v" + i, plain[i], null, Map.of()));
            if (batch.size() == 10_000 || i == vectors - 1) {
                floats.upsert(batch);
                int8.upsert(batch);
                batch.clear();
            }
        }
        queries = new float[QUERIES][];
        storeQueries = new VectorQuery[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = unit(random);
            storeQueries[q] = VectorQuery.of(queries[q], K);
        }
        int found = 0;
        for (VectorQuery q : storeQueries) {
            java.util.Set<String> truth = new java.util.HashSet<>();
            floats.search(q).forEach(h -> truth.add(h.id()));
            found += (int) int8.search(q).stream().filter(h -> truth.contains(h.id())).count();
        }
        System.err.printf(java.util.Locale.ROOT, "# E4: n=%d arithmetic=%s int8 recall@10=%.3f%n", vectors,
                floats.arithmetic(), found / (double) (K * QUERIES));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        floats.close();
        int8.close();
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMS];
        double norm = 0;
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMS; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private int nextQuery() {
        next = (next + 1) & (QUERIES - 1);
        return next;
    }

    @Benchmark
    public List<SearchHit> oursFloat32() {
        return floats.search(storeQueries[nextQuery()]);
    }

    @Benchmark
    public List<SearchHit> oursInt8() {
        return int8.search(storeQueries[nextQuery()]);
    }

    /** What a plain-Java user writes: a loop, a naive dot product and a bounded priority queue. */
    @Benchmark
    public int[] plainJava() {
        float[] q = queries[nextQuery()];
        PriorityQueue<float[]> heap = new PriorityQueue<>(K + 1, (x, y) -> Float.compare(x[0], y[0]));
        for (int i = 0; i < plain.length; i++) {
            float[] v = plain[i];
            float s = 0;
            for (int d = 0; d < DIMS; d++) {
                s += q[d] * v[d];
            }
            if (heap.size() < K) {
                heap.add(new float[] {s, i});
            } else if (s > heap.peek()[0]) {
                heap.poll();
                heap.add(new float[] {s, i});
            }
        }
        return top(heap);
    }

    /** The same scan scored by Lucene's VectorUtil, as Lucene's exact kNN scores each document. */
    @Benchmark
    public int[] luceneVectorUtil() {
        float[] q = queries[nextQuery()];
        PriorityQueue<float[]> heap = new PriorityQueue<>(K + 1, (x, y) -> Float.compare(x[0], y[0]));
        for (int i = 0; i < plain.length; i++) {
            float s = VectorUtil.dotProduct(q, plain[i]);
            if (heap.size() < K) {
                heap.add(new float[] {s, i});
            } else if (s > heap.peek()[0]) {
                heap.poll();
                heap.add(new float[] {s, i});
            }
        }
        return top(heap);
    }

    private static int[] top(PriorityQueue<float[]> heap) {
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) heap.poll()[1];
        }
        return out;
    }
}
