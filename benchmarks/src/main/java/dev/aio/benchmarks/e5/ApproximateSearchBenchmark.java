package dev.aio.benchmarks.e5;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * E5: approximate top-10 over {@code e5Base} real MiniLM embeddings ({@link E5Data}), queries
 * per second of one thread, for each {@code e5Engine}: ours ({@link OursEngine}), Lucene HNSW
 * ({@link LuceneEngine}) and JVector ({@link JVectorEngine}), all of one degree class (32 links
 * per node on the bottom level) and beam width 100.
 *
 * <p>Setup (once per fork, outside the measurement) builds the engine from the base vectors and
 * times it (the build rate), then calibrates: it raises the search effort along {@link #EFFORTS}
 * until recall@10 over all {@value E5Data#QUERIES} held-out queries reaches {@value
 * #TARGET_RECALL}, the same rule for every engine. The benchmark then measures searches at that
 * effort, cycling through the queries. Effort, recall and build rate go to a side file that
 * {@code Summary} reads ({@link E5Results}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class ApproximateSearchBenchmark {

    /** The recall@10 at which QPS is compared (BENCHMARKS.md E5). */
    public static final double TARGET_RECALL = 0.95;
    /** Search efforts tried in order; the first to reach the target recall is measured. */
    static final int[] EFFORTS = {10, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 256, 320,
        384, 512, 768, 1024};

    @Param({"100000"})
    int e5Base;

    @Param({"ours", "lucene", "jvector", "ours-float"})
    String e5Engine;

    private AnnEngine impl;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        E5Data data = E5Data.load(e5Base);
        impl = switch (e5Engine) {
            case "ours" -> new OursEngine(true);
            case "ours-float" -> new OursEngine(false);
            case "lucene" -> new LuceneEngine();
            case "jvector" -> new JVectorEngine();
            default -> throw new IllegalArgumentException("unknown engine " + e5Engine);
        };
        long start = System.nanoTime();
        impl.build(data);
        double buildRate = data.n / ((System.nanoTime() - start) / 1e9);
        int[] found = new int[E5Data.K];
        int effort = EFFORTS[0];
        double recall = 0;
        for (int e : EFFORTS) {
            effort = e;
            impl.effort(e);
            long hits = 0;
            for (int q = 0; q < E5Data.QUERIES; q++) {
                int n = impl.search(q, found);
                hits += data.hits(q, java.util.Arrays.copyOf(found, n));
            }
            recall = hits / (double) (E5Data.QUERIES * E5Data.K);
            if (recall >= TARGET_RECALL) {
                break;
            }
        }
        impl.effort(effort);
        E5Results.write(new E5Results(e5Engine, data.n, impl.settings(), effort, recall, buildRate));
        System.err.printf(Locale.ROOT, "# E5 %s n=%d %s: effort %d recall@10 %.4f build %.0f vectors/s%n", e5Engine,
                data.n, impl.settings(), effort, recall, buildRate);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        impl.close();
    }

    @Benchmark
    public Object search() throws Exception {
        next = next == E5Data.QUERIES - 1 ? 0 : next + 1;
        return impl.searchForBenchmark(next);
    }
}
