package dev.aio.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.llm.onnx.internal.BatchPlan;
import dev.aio.llm.onnx.internal.HfTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The speed bound of any embedder built on ONNX Runtime, ours and langchain4j's alike: the
 * all-MiniLM-L6-v2 graph run on input tensors built before the measurement, with no tokenizing,
 * no pooling and no copying, in the batches our embedder would plan for all the texts in one call
 * ({@link BatchPlan}). Each session runs on its own thread and takes the next batch when it is
 * free, so nothing waits on anything but the model itself.
 *
 * <p>It answers the question a target ratio against a peer on the same runtime raises: how
 * fast can the runtime itself go here? The peer's time over this one is the most any embedder
 * on this runtime can gain on the peer at full precision.
 */
final class RuntimeAlone implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final List<OrtSession> sessions = new ArrayList<>();
    /** The batches, longest first, each a map of input tensors. */
    private final List<Map<String, OnnxTensor>> work = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pool;

    /**
     * @param tokens encodes the texts as our embedder does (special tokens, truncation at its
     *     {@code maxTokens}); only its tokenizer is used
     * @param texts the texts
     * @param threads sessions of one intra-op thread each
     * @param perBatch the most texts in one batch
     */
    RuntimeAlone(OnnxEmbedder tokens, List<String> texts, int threads, int perBatch) {
        this(tokens, texts, threads, perBatch, 1, false);
    }

    private RuntimeAlone(OnnxEmbedder tokens, List<String> texts, int sessionCount, int perBatch, int intraOpThreads,
            boolean spinning) {
        byte[] model = modelBytes();
        List<long[]> ids = List.of(((HfTokenizer) tokens.tokenizer()).encodeForModel(texts));
        try {
            for (int s = 0; s < sessionCount; s++) {
                try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
                    o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                    o.setIntraOpNumThreads(intraOpThreads);
                    o.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
                    sessions.add(env.createSession(model, o));
                }
            }
            for (int[] batch : BatchPlan.plan(ids.stream().mapToInt(a -> a.length).toArray(), perBatch)) {
                work.add(tensors(IntStream.of(batch).mapToObj(ids::get).toList()));
            }
        } catch (OrtException e) {
            close();
            throw new IllegalStateException("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
        this.pool = sessionCount > 1 ? Executors.newFixedThreadPool(sessionCount - 1) : null;
    }

    /**
     * One session of {@code threads} spinning threads (ONNX Runtime's defaults, the peer's
     * setting) with one batch per text: the bound for one query at a time.
     */
    static RuntimeAlone queries(OnnxEmbedder tokens, List<String> texts, int threads) {
        return new RuntimeAlone(tokens, texts, 1, 1, threads, true);
    }

    /** Runs every batch once, each session on its own thread taking the next batch when free. */
    void runAll() {
        next.set(0);
        List<Future<?>> others = new ArrayList<>();
        for (int s = 1; s < sessions.size(); s++) {
            int session = s;
            others.add(pool.submit(() -> runShare(session)));
        }
        runShare(0);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Runs batch {@code i} (of a {@link #queries} instance: query {@code i}) on the first session. */
    void runOne(int i) {
        run(sessions.get(0), work.get(i));
    }

    int batches() {
        return work.size();
    }

    private void runShare(int session) {
        for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
            run(sessions.get(session), work.get(i));
        }
    }

    private static void run(OrtSession session, Map<String, OnnxTensor> in) {
        try (OrtSession.Result out = session.run(in)) {
            if (out.size() == 0) {
                throw new IllegalStateException("no output");
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, OnnxTensor> tensors(List<long[]> batch) throws OrtException {
        int len = batch.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] ids = new long[batch.size() * len];
        long[] mask = new long[ids.length];
        for (int r = 0; r < batch.size(); r++) {
            long[] row = batch.get(r);
            System.arraycopy(row, 0, ids, r * len, row.length);
            java.util.Arrays.fill(mask, r * len, r * len + row.length, 1L);
        }
        long[] shape = {batch.size(), len};
        return Map.of("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape),
                "attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape),
                "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
    }

    private static byte[] modelBytes() {
        try (InputStream in = RuntimeAlone.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            if (in == null) {
                throw new IllegalStateException("all-minilm-l6-v2.onnx is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        work.forEach(m -> m.values().forEach(OnnxTensor::close));
        for (OrtSession s : sessions) {
            try {
                s.close();
            } catch (OrtException e) {
                // nothing to do at tear-down
            }
        }
        if (pool != null) {
            pool.shutdown();
        }
    }
}
