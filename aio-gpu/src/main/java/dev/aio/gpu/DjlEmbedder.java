package dev.aio.gpu;

import ai.djl.Device;
import dev.aio.core.model.Embedder;
import dev.aio.gpu.internal.DynamicBatcher;
import dev.aio.gpu.internal.Encoder;
import dev.aio.gpu.internal.PaddedBatch;
import dev.aio.gpu.internal.Tokenization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * all-MiniLM-L6-v2 sentence embeddings through DJL, on a GPU when DJL sees one and on the CPU
 * otherwise, with the texts of concurrent callers coalesced into device batches.
 *
 * <pre>{@code
 * try (DjlEmbedder embedder = DjlEmbedder.builder().build()) {       // GPU if present, else CPU
 *     List<float[]> vectors = embedder.embed(List.of("first text", "second text"));
 * }
 * }</pre>
 *
 * <p>Texts are tokenised in the caller's thread with the model's Hugging Face tokenizer
 * (truncated at {@link #maxTokens()} tokens), queued, and embedded by one worker per embedder
 * that builds device batches of up to {@link DjlEmbedderBuilder#maxBatchSize(int)} texts, waiting
 * at most {@link DjlEmbedderBuilder#maxWait(java.time.Duration)} for more callers' texts. Vectors
 * are mean-pooled under the attention mask and L2-normalised, so in float32 they equal aio-llm's
 * {@code OnnxEmbedder}'s (cosine above 0.9999), and the {@link #fingerprint()} is the same.
 *
 * <p>Thread-safe. {@link #close()} waits for calls in flight, then frees the model's native
 * memory, the tokenizer and the worker thread.
 */
public final class DjlEmbedder implements Embedder {

    /** The publisher's id of the model. */
    public static final String MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";
    /** The token limit sentence-transformers applies to this model. */
    public static final int MAX_TOKENS = 256;

    private final Tokenization tokenizer;
    private final Encoder encoder;
    private final DynamicBatcher batcher;
    private final Device device;
    private final Backend backend;
    private final Precision precision;
    private final int maxTokens;
    private final int maxBatchSize;
    private final String fingerprint;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    DjlEmbedder(DjlEmbedderBuilder.Resolved r) {
        this.tokenizer = r.tokenizer();
        this.encoder = r.encoder();
        this.device = r.device();
        this.backend = r.backend();
        this.precision = r.precision();
        this.maxTokens = r.maxTokens();
        this.maxBatchSize = r.maxBatchSize();
        this.fingerprint = r.fingerprint();
        this.batcher = new DynamicBatcher(ids -> encoder.encode(PaddedBatch.of(ids)), maxBatchSize,
                r.maxWait().toNanos(), r.queueCapacity(), r.offerTimeout().toNanos(), "aio-djl-embedder-" + device);
    }

    /**
     * Starts a builder with the defaults: device {@link DeviceChoice#AUTO}, backend
     * {@link Backend#AUTO}, {@link Precision#FP32}, {@value #MAX_TOKENS} tokens per text.
     *
     * @return a new builder
     */
    public static DjlEmbedderBuilder builder() {
        return new DjlEmbedderBuilder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Blocks while the request queue is full, up to the offer timeout.
     *
     * @throws EmbedderOverloadedException when the queue stayed full for the offer timeout
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        Embedder.requireTexts("DjlEmbedder", texts);
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("DjlEmbedder is closed; build a new one");
            }
            if (texts.isEmpty()) {
                return new ArrayList<>();
            }
            return new ArrayList<>(Arrays.asList(batcher.embed(tokenizer.encode(texts))));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int dimensions() {
        return encoder.dimensions();
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /**
     * {@inheritDoc}
     *
     * <p>In float32 on the MiniLM ONNX file it equals aio-llm's {@code OnnxEmbedder}'s
     * fingerprint for the same token limit: the vectors are the same, so switching between the
     * two re-embeds nothing. Float16 and TorchScript models have fingerprints of their own.
     */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    /** @return the device the model runs on, e.g. {@code cpu()} or {@code gpu(0)} */
    public Device device() {
        return device;
    }

    /** @return the engine that runs the model ({@link Backend#AUTO} resolved) */
    public Backend backend() {
        return backend;
    }

    /** @return the precision the model computes in */
    public Precision precision() {
        return precision;
    }

    /** @return the most texts in one device batch */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** @return texts queued and not yet taken into a device batch; for monitoring */
    public int queuedTexts() {
        return batcher.queuedTexts();
    }

    /** Waits for calls in flight, then frees the worker, the model's native memory and the tokenizer. Idempotent. */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            batcher.close();
            encoder.close();
            tokenizer.close();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DjlEmbedder[" + encoder.describe() + ", maxBatchSize=" + maxBatchSize + ", maxTokens=" + maxTokens + "]";
    }
}
