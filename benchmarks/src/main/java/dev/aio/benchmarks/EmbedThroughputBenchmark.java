package dev.aio.benchmarks;

import dev.aio.llm.onnx.OnnxEmbedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * E2: throughput of embedding a set of chunks in one call, all-MiniLM-L6-v2 (float32) in both.
 * One operation embeds all {@code chunkCount()} chunks; the summary turns ms/op into chunks/s.
 *
 * <ul>
 *   <li>{@code length}: {@code short} (one sentence, 15 to 25 tokens), {@code 128} or {@code 256}
 *       tokens per chunk, special tokens included.</li>
 *   <li>{@code e2Threads}: the threads each side gets. Ours: that many ONNX sessions of one
 *       intra-op thread each. Peer: {@code new AllMiniLmL6V2EmbeddingModel(executor)} with a
 *       fixed pool of that many threads ({@code embedAll} splits the texts over it; its ONNX
 *       session keeps langchain4j's own thread settings).</li>
 *   <li>{@code e2Scale}: {@code full} embeds 2,048 chunks per operation as BENCHMARKS.md says;
 *       {@code quick} ({@code run.sh quick} passes it, with {@code -p e2Threads=2}) embeds 128
 *       short, 24 128-token or 12 256-token chunks, so one operation takes under a second or
 *       so and the whole quick run stays within its five minutes.</li>
 * </ul>
 * <p>On 256-token chunks the peer does not embed 256 tokens: {@code OnnxBertBiEncoder} builds its
 * tokenizer from the shipped {@code tokenizer.json} overriding only padding, so the file's
 * truncation at 128 tokens stays on; its {@code tokenize} call already truncates, and its
 * 510-token partitioning never sees more than 126 tokens (checked: a 256-token chunk reports 126
 * input tokens, and its vector has cosine 1.0000 to ours at {@code maxTokens(128)} and 0.97 to
 * ours at our default 256). So the like-for-like comparison there is {@link #oursPeerTokenLimit}:
 * our embedder built with {@code maxTokens(128)}, computing the same vectors from the same texts.
 * {@link #ours} at its default (all 256 tokens, twice the peer's work and more) is reported
 * beside it. On short and 128-token chunks the two methods of ours do the same work.
 *
 * <p>{@link #runtimeAlone} is the bound: ONNX Runtime alone on the batch shapes ours makes, the
 * input tensors built at setup, nothing tokenized or pooled (see {@link RuntimeAlone}), cut at
 * the peer's 128 tokens. Its speed over the peer's is the most that any embedder running this
 * model on this runtime at full precision can gain; the summary prints it beside the targets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbedThroughputBenchmark {

    @Param({"short", "128", "256"})
    public String length;

    @Param({"1", "2"})
    public int e2Threads;

    @Param({"full"})
    public String e2Scale;

    /** The peer's effective token limit (its tokenizer.json truncates there), special tokens included. */
    static final int PEER_MAX_TOKENS = 128;

    List<String> texts;
    List<TextSegment> segments;
    OnnxEmbedder ours;
    AllMiniLmL6V2EmbeddingModel peer;
    ExecutorService peerExecutor;
    RuntimeAlone runtime;

    int chunkCount() {
        if (e2Scale.equals("full")) {
            return 2048;
        }
        switch (length) {
            case "short":
                return 128;
            case "128":
                return 24;
            default:
                return 12;
        }
    }

    private void makeTexts(OnnxEmbedder tokenizerOwner) {
        int tokens = length.equals("short") ? 0 : Integer.parseInt(length);
        texts = Corpus.chunks(tokenizerOwner.tokenizer(), chunkCount(), tokens);
        segments = texts.stream().map(TextSegment::from).toList();
    }

    /** Builds only what the measured method needs; JMH runs each method in its own fork. */
    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".ours")) {
            ours = OnnxEmbedder.builder().sessions(e2Threads).intraOpThreads(1).build();
            makeTexts(ours);
        } else if (params.getBenchmark().endsWith(".oursPeerTokenLimit")) {
            ours = OnnxEmbedder.builder().sessions(e2Threads).intraOpThreads(1).maxTokens(PEER_MAX_TOKENS).build();
            makeTexts(ours);
        } else if (params.getBenchmark().endsWith(".runtimeAlone")) {
            // Its tokenizer truncates where the peer's does; counting and splitting never truncate.
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1).maxTokens(PEER_MAX_TOKENS).build()) {
                makeTexts(tokenizerOnly);
                int perBatch = Math.min(OnnxEmbedder.DEFAULT_MAX_BATCH_SIZE, (texts.size() + e2Threads - 1) / e2Threads);
                runtime = new RuntimeAlone(tokenizerOnly, texts, e2Threads, perBatch);
            }
        } else {
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1).build()) {
                makeTexts(tokenizerOnly);
            }
            peerExecutor = Executors.newFixedThreadPool(e2Threads);
            peer = new AllMiniLmL6V2EmbeddingModel(peerExecutor);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (ours != null) {
            ours.close();
        }
        if (peerExecutor != null) {
            peerExecutor.shutdown();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Benchmark
    public List<float[]> ours() {
        return ours.embed(texts);
    }

    /** Ours truncating where the peer does: the same vectors as the peer's, for a like-for-like ratio. */
    @Benchmark
    public List<float[]> oursPeerTokenLimit() {
        return ours.embed(texts);
    }

    /** ONNX Runtime alone on the same batches: the bound for any embedder on this runtime. */
    @Benchmark
    public void runtimeAlone() {
        runtime.runAll();
    }

    @Benchmark
    public Object peer() {
        return peer.embedAll(segments).content();
    }
}
