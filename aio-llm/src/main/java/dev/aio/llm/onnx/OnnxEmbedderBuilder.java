package dev.aio.llm.onnx;

import dev.aio.core.model.ModelException;

/**
 * Configures an {@link OnnxEmbedder}. Each setting may be set once; a value out of range or
 * set twice is refused with a message naming it. Not thread-safe.
 */
public final class OnnxEmbedderBuilder {

    MiniLmModel model = MiniLmModel.ALL_MINILM_L6_V2;
    boolean modelSet;
    int sessions;
    int intraOpThreads;
    int maxBatchSize;
    int maxTokens;
    ClassLoader classLoader;
    boolean latencySession;
    boolean latencySessionSet;
    boolean spinning;
    boolean spinningSet;

    OnnxEmbedderBuilder() {
    }

    /**
     * Chooses the model.
     *
     * @param model the float32 (default) or int8 variant
     * @return this builder
     */
    public OnnxEmbedderBuilder model(MiniLmModel model) {
        if (modelSet) {
            throw new IllegalStateException("OnnxEmbedder builder: model was already set to " + this.model);
        }
        this.model = java.util.Objects.requireNonNull(model, "model");
        modelSet = true;
        return this;
    }

    /**
     * Sets how many sessions run batches in parallel. With {@link #intraOpThreads} it lays
     * out the cores: many sessions of one thread give the most throughput on many texts and
     * many callers; one session of many threads gives the lowest latency for one short text.
     * The default is one single-threaded session per core plus a {@link #latencySession}
     * that uses every core for a lone query. Measured on a 2-core machine (float32, 32 texts
     * per batch, in-process timer, best of two runs on a shared, noisy box): 2 sessions x 1
     * thread gave about 59 texts/s on 128-token texts, 400 texts/s on one-sentence texts and
     * 300 queries/s from two concurrent callers, against 64, 350 and 170 for 1 session x 2
     * threads; one query took 6.4 ms p50 against 4.6 ms, and 3.6 ms with the latency session.
     *
     * @param count from 1 to 256
     * @return this builder
     */
    public OnnxEmbedderBuilder sessions(int count) {
        this.sessions = once("sessions", this.sessions, count, 1, 256);
        return this;
    }

    /**
     * Sets the threads each session uses within one model run (default 1 when several
     * sessions are used, else the core count).
     *
     * @param threads from 1 to 256
     * @return this builder
     */
    public OnnxEmbedderBuilder intraOpThreads(int threads) {
        this.intraOpThreads = once("intraOpThreads", this.intraOpThreads, threads, 1, 256);
        return this;
    }

    /**
     * Sets the most texts in one model run (default {@value OnnxEmbedder#DEFAULT_MAX_BATCH_SIZE} for the
     * float32 model, 1 for the int8 one); each session holds direct buffers for this many
     * texts of {@link #maxTokens} tokens.
     *
     * <p>The int8 model quantises activations dynamically, with one scale per tensor over the
     * whole batch, so batched texts get vectors that depend slightly on their neighbours
     * (cosine about 0.99 to the unbatched vector). Its default of 1 keeps each text's vector
     * the same whatever it is embedded with; a larger batch trades that for speed.
     *
     * @param size from 1 to {@value OnnxEmbedder#MAX_BATCH_SIZE}
     * @return this builder
     */
    public OnnxEmbedderBuilder maxBatchSize(int size) {
        this.maxBatchSize = once("maxBatchSize", this.maxBatchSize, size, 1, OnnxEmbedder.MAX_BATCH_SIZE);
        return this;
    }

    /**
     * Sets where texts are truncated (default and maximum {@value MiniLmModel#MAX_TOKENS},
     * special tokens included). A lower limit changes the vectors of longer texts, and so
     * the fingerprint.
     *
     * @param tokens from {@value OnnxEmbedder#MIN_TOKENS} to {@value MiniLmModel#MAX_TOKENS}
     * @return this builder
     */
    public OnnxEmbedderBuilder maxTokens(int tokens) {
        this.maxTokens = once("maxTokens", this.maxTokens, tokens, OnnxEmbedder.MIN_TOKENS, MiniLmModel.MAX_TOKENS);
        return this;
    }

    /**
     * Sets the class loader the model files are read from (default: aio-llm's own).
     *
     * @param loader not null
     * @return this builder
     */
    public OnnxEmbedderBuilder classLoader(ClassLoader loader) {
        if (this.classLoader != null) {
            throw new IllegalStateException("OnnxEmbedder builder: classLoader was already set");
        }
        this.classLoader = java.util.Objects.requireNonNull(loader, "loader");
        return this;
    }

    /**
     * Adds (or, with {@code false}, leaves out) a latency session: one more session that uses
     * all the layout's threads, which a call of a single batch (a query) runs on when every
     * other session is idle. Under load calls use the narrow sessions, so the cores are never
     * oversubscribed. It costs one more copy of the model in memory. The default is on when
     * the layout has several sessions.
     *
     * @param enabled whether to add it
     * @return this builder
     */
    public OnnxEmbedderBuilder latencySession(boolean enabled) {
        if (latencySessionSet) {
            throw new IllegalStateException("OnnxEmbedder builder: latencySession was already set to "
                    + latencySession);
        }
        this.latencySession = enabled;
        latencySessionSet = true;
        return this;
    }

    /**
     * Lets ONNX Runtime's intra-op worker threads spin-wait between the parallel steps of a model
     * run (ONNX Runtime's own default, and langchain4j's) instead of sleeping. It matters only for
     * sessions of several threads: the {@link #latencySession}, or a single session with
     * {@link #intraOpThreads} above 1. Sessions that run side by side never spin, as they would
     * take each other's cores.
     *
     * <p>Off by default, because spinning costs CPU well beyond the run itself: after each run
     * the workers keep spinning for milliseconds before they sleep. Measured on a 2-core machine,
     * one 20-token query every 100 ms: about 30 ms of CPU per query spinning against 6 ms
     * sleeping; at some tens of queries a second the spinning workers keep every core busy. On
     * a host whose cores are taken by other work, a spinning worker that loses its core also
     * stalls every step that waits for it (under a load average of 8 to 10: 18 ms p50 spinning
     * against 9.4 ms sleeping and 10 ms on one thread). What spinning buys on idle, reserved
     * cores: one query in about 3.3 ms p50 against about 4.0 ms sleeping (5.8 ms on one thread).
     *
     * <p>{@code true}: every multi-threaded session spins, and a lone text always takes the
     * latency session when it is free; for cores reserved for this embedder. {@code false} (the
     * default): nothing spins, and a lone text takes the latency session while that measures
     * faster per token than one single-threaded session (see {@code LatencyRoute}).
     *
     * @param enabled whether worker threads spin
     * @return this builder
     */
    public OnnxEmbedderBuilder spinning(boolean enabled) {
        if (spinningSet) {
            throw new IllegalStateException("OnnxEmbedder builder: spinning was already set to " + spinning);
        }
        this.spinning = enabled;
        spinningSet = true;
        return this;
    }

    private static int once(String name, int current, int value, int min, int max) {
        if (current != 0) {
            throw new IllegalStateException("OnnxEmbedder builder: " + name + " was already set to " + current);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("OnnxEmbedder builder: " + name + " must be in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }

    /**
     * Loads the model and starts its sessions; the embedder is ready when this returns.
     *
     * @return a new embedder, to be closed by the caller
     * @throws ModelException when the model files are missing (naming the artifact to add)
     *     or ONNX Runtime refuses them
     */
    public OnnxEmbedder build() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (sessions == 0) {
            sessions = intraOpThreads > 0 ? Math.max(1, cores / intraOpThreads) : cores;
        }
        if (intraOpThreads == 0) {
            intraOpThreads = Math.max(1, cores / sessions);
        }
        if (!latencySessionSet) {
            latencySession = sessions > 1;
        } else if (latencySession && sessions == 1) {
            throw new IllegalStateException("OnnxEmbedder builder: latencySession(true) needs sessions > 1; a "
                    + "single session already uses all its threads for each batch");
        }
        if (maxBatchSize == 0) {
            // The int8 graph quantises activations with one scale per tensor, computed over
            // the whole batch: batching would make a text's vector depend on its neighbours.
            maxBatchSize = model == MiniLmModel.ALL_MINILM_L6_V2_Q ? 1 : OnnxEmbedder.DEFAULT_MAX_BATCH_SIZE;
        }
        if (maxTokens == 0) {
            maxTokens = MiniLmModel.MAX_TOKENS;
        }
        return new OnnxEmbedder(this);
    }
}
