package dev.aio.benchmarks;

import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.gpu.TensorVectorIndex;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * E4 through aio-gpu: exact top-10 over {@code vectors} x 384 seeded unit vectors (dot product),
 * {@link TensorVectorIndex} (the matrix resident on DJL's device: the CPU without a GPU) one
 * query per call and {@value #BATCH} queries per call, against aio-vector's
 * {@link InMemoryVectorStore} in the same run. Times are per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class GpuSearchBenchmark {

    static final int BATCH = 16;
    private static final int DIMS = 384;

    @Param({"10000", "100000"})
    int vectors;

    private TensorVectorIndex tensor;
    private InMemoryVectorStore memory;
    private VectorQuery[] queries;
    private List<VectorQuery> batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        tensor = TensorVectorIndex.builder().name("gpu-e4").similarity(Similarity.DOT_PRODUCT).dimensions(DIMS)
                .initialCapacity(vectors).build();
        memory = InMemoryVectorStore.builder().name("e4-float32").similarity(Similarity.DOT_PRODUCT)
                .dimensions(DIMS).build();
        List<VectorRecord> records = new ArrayList<>(10_000);
        for (int i = 0; i < vectors; i++) {
            records.add(VectorRecord.of("v" + i, unit(random)));
            if (records.size() == 10_000 || i == vectors - 1) {
                tensor.upsert(records);
                memory.upsert(records);
                records.clear();
            }
        }
        queries = new VectorQuery[BATCH];
        for (int q = 0; q < BATCH; q++) {
            queries[q] = VectorQuery.of(unit(random), 10);
        }
        batch = List.of(queries);
        for (VectorQuery q : queries) {
            List<String> a = tensor.search(q).stream().map(SearchHit::id).toList();
            List<String> b = memory.search(q).stream().map(SearchHit::id).toList();
            if (!a.equals(b)) {
                throw new IllegalStateException("GpuSearchBenchmark: top-10 differs from InMemoryVectorStore's: "
                        + a + " vs " + b);
            }
        }
        System.err.println("# GPU-E4: n=" + vectors + " device=" + tensor.device());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tensor.close();
        memory.close();
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

    @Benchmark
    public List<SearchHit> tensorSingle() {
        next = (next + 1) & (BATCH - 1);
        return tensor.search(queries[next]);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<List<SearchHit>> tensorBatch() {
        return tensor.search(batch);
    }

    @Benchmark
    public List<SearchHit> inMemory() {
        next = (next + 1) & (BATCH - 1);
        return memory.search(queries[next]);
    }
}
