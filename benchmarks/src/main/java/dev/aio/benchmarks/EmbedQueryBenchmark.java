package dev.aio.benchmarks;

import dev.aio.llm.onnx.MiniLmModel;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * E1: latency of embedding one query of 8 to 32 tokens, p50 and p99 (SampleTime), with
 * all-MiniLM-L6-v2 (float32) in both.
 *
 * <ul>
 *   <li>{@link #ours}: {@link OnnxEmbedder} with its default layout for this machine.</li>
 *   <li>{@link #peer}: langchain4j's {@code AllMiniLmL6V2EmbeddingModel.embed(String)} with its
 *       defaults.</li>
 *   <li>{@link #oursInt8}: ours with the int8 model, an opt-in a user may choose; informational
 *       only, never the comparison for the float32 target ({@code run.sh quick} leaves it out).</li>
 *   <li>{@link #runtimeAlone}: the bound. ONNX Runtime alone, one session with the peer's
 *       settings (a thread per core, spinning), on input tensors built at setup: no tokenizing,
 *       no pooling (see {@link RuntimeAlone}). The peer's p50 over this one is the most any
 *       embedder of this model on this runtime at full precision can gain.</li>
 * </ul>
 * Each method has its own state, so a fork loads only the model it measures. Queries cycle
 * through the corpus sentences of 8 to 32 tokens. {@code run.sh quick} judges E1 by
 * {@link InterleavedQueryCheck} instead, which runs the three in turns in one JVM.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbedQueryBenchmark {

    /** The queries and a cursor over them. */
    @State(Scope.Thread)
    public static class Queries {
        List<String> texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1).build()) {
                texts = Corpus.queries(tokenizerOnly.tokenizer(), 8, 32);
            }
        }

        String next() {
            String q = texts.get(next);
            next = (next + 1) % texts.size();
            return q;
        }
    }

    /** Our embedder. */
    @State(Scope.Benchmark)
    public static class Ours {
        OnnxEmbedder embedder;

        @Setup(Level.Trial)
        public void setUp() {
            embedder = OnnxEmbedder.builder().build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            embedder.close();
        }
    }

    /** Our embedder on the int8 model. */
    @State(Scope.Benchmark)
    public static class OursInt8 {
        OnnxEmbedder embedder;

        @Setup(Level.Trial)
        public void setUp() {
            embedder = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            embedder.close();
        }
    }

    /** The same queries as tensors, for ONNX Runtime alone. */
    @State(Scope.Benchmark)
    public static class Runtime {
        RuntimeAlone runtime;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1).build()) {
                runtime = RuntimeAlone.queries(tokenizerOnly, Corpus.queries(tokenizerOnly.tokenizer(), 8, 32),
                        java.lang.Runtime.getRuntime().availableProcessors());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            runtime.close();
        }
    }

    /** langchain4j's embedder. */
    @State(Scope.Benchmark)
    public static class Peer {
        AllMiniLmL6V2EmbeddingModel model;

        @Setup(Level.Trial)
        public void setUp() {
            model = new AllMiniLmL6V2EmbeddingModel();
        }
    }

    @Benchmark
    public float[] ours(Ours ours, Queries queries) {
        return ours.embedder.embed(queries.next());
    }

    @Benchmark
    public float[] oursInt8(OursInt8 ours, Queries queries) {
        return ours.embedder.embed(queries.next());
    }

    @Benchmark
    public void runtimeAlone(Runtime runtime) {
        runtime.runtime.runOne(runtime.next);
        runtime.next = (runtime.next + 1) % runtime.runtime.batches();
    }

    @Benchmark
    public float[] peer(Peer peer, Queries queries) {
        return peer.model.embed(queries.next()).content().vector();
    }
}
