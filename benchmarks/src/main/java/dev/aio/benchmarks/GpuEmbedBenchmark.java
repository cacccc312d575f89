package dev.aio.benchmarks;

import ai.djl.engine.Engine;
import dev.aio.core.model.Embedder;
import dev.aio.gpu.DjlEmbedder;
import dev.aio.llm.onnx.OnnxEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * E2 through aio-gpu: {@link DjlEmbedder} with its defaults (on a machine without a GPU, DJL's
 * ONNX Runtime engine on the CPU with dynamic batching) against aio-llm's {@link OnnxEmbedder}
 * (one single-threaded session per core) in the same run, on the same chunks as
 * {@link EmbedThroughputBenchmark}. One operation embeds every chunk, split between
 * {@code gpuCallers} concurrent callers, so the batcher's coalescing of callers is measured too.
 * {@code e2Scale}: as in EmbedThroughputBenchmark ({@code quick}: 128 short, 24 x 128 or
 * 12 x 256 tokens; {@code full}: 2,048).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GpuEmbedBenchmark {

    @Param({"short", "128", "256"})
    public String length;

    @Param({"1", "4"})
    public int gpuCallers;

    @Param({"full"})
    public String e2Scale;

    List<List<String>> parts;
    Embedder embedder;
    ExecutorService callers;

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        // DJL's OnnxRuntime engine must create ONNX Runtime's environment before OnnxEmbedder does.
        Engine.getEngine("OnnxRuntime");
        List<String> texts;
        try (OnnxEmbedder tokenizerOwner = OnnxEmbedder.builder().sessions(1).build()) {
            int count = e2Scale.equals("full") ? 2048 : length.equals("short") ? 128 : length.equals("128") ? 24 : 12;
            texts = Corpus.chunks(tokenizerOwner.tokenizer(), count, length.equals("short") ? 0 : Integer.parseInt(length));
        }
        parts = new ArrayList<>();
        int per = (texts.size() + gpuCallers - 1) / gpuCallers;
        for (int from = 0; from < texts.size(); from += per) {
            parts.add(texts.subList(from, Math.min(texts.size(), from + per)));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        embedder = params.getBenchmark().endsWith(".ours") ? DjlEmbedder.builder().build()
                : OnnxEmbedder.builder().sessions(cores).intraOpThreads(1).build();
        callers = Executors.newFixedThreadPool(gpuCallers);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
        callers.shutdown();
    }

    private int run() throws Exception {
        List<Future<List<float[]>>> calls = new ArrayList<>(parts.size());
        for (List<String> part : parts) {
            calls.add(callers.submit(() -> embedder.embed(part)));
        }
        int n = 0;
        for (Future<List<float[]>> f : calls) {
            n += f.get().size();
        }
        return n;
    }

    @Benchmark
    public int ours() throws Exception {
        return run();
    }

    @Benchmark
    public int peer() throws Exception {
        return run();
    }
}
