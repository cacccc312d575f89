package dev.aio.llm.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aio.core.RetriableException;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.ModelException;
import dev.aio.core.model.Tokenizer;
import dev.aio.llm.onnx.internal.BatchPlan;
import dev.aio.llm.onnx.internal.HfTokenizer;
import dev.aio.llm.onnx.internal.ModelFiles;
import dev.aio.llm.onnx.internal.SessionRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-process default {@link Embedder}: all-MiniLM-L6-v2 on ONNX Runtime, with no network.
 *
 * <pre>{@code
 * try (OnnxEmbedder embedder = OnnxEmbedder.builder().build()) {
 *     List<float[]> vectors = embedder.embed(List.of("first text", "second text"));
 * }
 * }</pre>
 *
 * <p>Each call tokenises all its texts in one native batch (truncating each at
 * {@link #maxTokens()} tokens, as sentence-transformers does), groups them into batches of
 * similar length so each batch is padded only to its own longest text (and into at least as
 * many batches as there are sessions, when there are enough texts), runs the batches on a
 * pool of ONNX Runtime sessions, and mean-pools the token vectors under the attention mask into
 * unit-length vectors. A call with several batches runs them on every idle session at once.
 *
 * <p>Thread-safe: concurrent calls share the session pool, each session serving one batch at a
 * time, so the cores are never oversubscribed. {@link #close()} waits for calls in flight and
 * releases the native sessions.
 */
public final class OnnxEmbedder implements Embedder {

    /** Texts per model run unless {@link Builder#maxBatchSize} says otherwise. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 32;
    /** The largest batch the builder accepts. */
    public static final int MAX_BATCH_SIZE = 1024;
    /** The smallest token limit the builder accepts. */
    public static final int MIN_TOKENS = 8;

    private final MiniLmModel model;
    private final int sessions;
    private final int intraOpThreads;
    private final int maxBatchSize;
    private final int maxTokens;
    private final String fingerprint;
    private final HfTokenizer tokenizer;
    private final List<SessionRunner> runners;
    private final BlockingQueue<SessionRunner> idle;
    /** Uses every core for one batch; runs only while it holds all narrow sessions. Null when off. */
    private final SessionRunner wide;
    private final ExecutorService helpers;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxEmbedder(Builder b) {
        this.model = b.model;
        this.sessions = b.sessions;
        this.intraOpThreads = b.intraOpThreads;
        this.maxBatchSize = b.maxBatchSize;
        this.maxTokens = b.maxTokens;
        ClassLoader loader = b.classLoader != null ? b.classLoader : OnnxEmbedder.class.getClassLoader();
        ModelFiles files = ModelFiles.load(model, loader);
        this.fingerprint = MiniLmModel.MODEL_ID + ":" + model.variant() + ":sha256=" + files.sha256().substring(0, 16)
                + ":maxTokens=" + maxTokens + ":pooling=mean:normalize=l2";
        this.tokenizer = new HfTokenizer(files.tokenizerJson(), maxTokens, model.toString());
        this.runners = new ArrayList<>(sessions);
        this.idle = new ArrayBlockingQueue<>(sessions);
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            for (int i = 0; i < sessions; i++) {
                try (OrtSession.SessionOptions options = sessionOptions(intraOpThreads, sessions > 1)) {
                    SessionRunner r = new SessionRunner(env, files.onnx(), options, model.toString(),
                            MiniLmModel.DIMENSIONS, maxBatchSize, maxTokens);
                    runners.add(r);
                    idle.add(r);
                }
            }
            if (b.latencySession) {
                try (OrtSession.SessionOptions options = sessionOptions(sessions * intraOpThreads, false)) {
                    runners.add(new SessionRunner(env, files.onnx(), options, model.toString(),
                            MiniLmModel.DIMENSIONS, maxBatchSize, maxTokens));
                }
            }
        } catch (RuntimeException e) {
            runners.forEach(SessionRunner::close);
            tokenizer.close();
            throw e;
        }
        this.wide = b.latencySession ? runners.get(sessions) : null;
        this.helpers = sessions > 1 ? Executors.newFixedThreadPool(sessions - 1, daemonThreads()) : null;
    }

    private OrtSession.SessionOptions sessionOptions(int threads, boolean shared) {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            if (shared && threads > 1) {
                // Spinning threads of several sessions would fight for the same cores.
                o.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            return o;
        } catch (OrtException e) {
            o.close();
            throw new ModelException("OnnxEmbedder: ONNX Runtime refused the session options for " + model + ": "
                    + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "aio-onnx-embedder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts a builder with the defaults: the float32 model, a session layout for this machine's
     * cores (see {@link Builder#sessions}), {@value #DEFAULT_MAX_BATCH_SIZE} texts per batch and
     * {@value MiniLmModel#MAX_TOKENS} tokens per text.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts == null) {
            throw new NullPointerException("OnnxEmbedder.embed: texts is null");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new NullPointerException("OnnxEmbedder.embed: text " + i + " of " + texts.size() + " is null");
            }
        }
        ReentrantReadWriteLock.ReadLock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("OnnxEmbedder is closed; build a new one");
            }
            if (texts.isEmpty()) {
                return new ArrayList<>();
            }
            long[][] ids = tokenizer.encodeForModel(texts);
            int[] lengths = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                lengths[i] = ids[i].length;
            }
            float[][] results = new float[ids.length][];
            // At least one batch per session when there are enough texts, so no session idles.
            int perBatch = Math.min(maxBatchSize, Math.max(1, (ids.length + sessions - 1) / sessions));
            runAll(ids, BatchPlan.plan(lengths, perBatch), results);
            return new ArrayList<>(Arrays.asList(results));
        } finally {
            lock.unlock();
        }
    }

    /** Runs the batches on the caller's session and on as many idle sessions as there are. */
    private void runAll(long[][] ids, List<int[]> batches, float[][] results) {
        if (wide != null && batches.size() == 1 && runAlone(ids, batches.get(0), results)) {
            return;
        }
        SessionRunner own;
        try {
            own = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("OnnxEmbedder: interrupted while waiting for a free session", e);
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> helping = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (int k = 1; k < Math.min(sessions, batches.size()); k++) {
                SessionRunner extra = idle.poll();
                if (extra == null) {
                    break; // the other sessions serve other callers
                }
                helping.add(helpers.submit(() -> {
                    try {
                        drain(extra, ids, batches, results, next);
                    } finally {
                        idle.add(extra);
                    }
                }));
            }
            drain(own, ids, batches, results, next);
        } catch (RuntimeException e) {
            next.set(batches.size()); // stop the helpers at their next batch
            failure = e;
        } finally {
            idle.add(own);
        }
        failure = awaitHelpers(helping, next, batches.size(), failure);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Runs one batch on the wide session when no other call is running: holding every narrow
     * session guarantees the wide one's threads have the cores to themselves.
     *
     * @return false, having run nothing, when some session is busy
     */
    private boolean runAlone(long[][] ids, int[] batch, float[][] results) {
        List<SessionRunner> held = new ArrayList<>(sessions);
        try {
            for (SessionRunner r = idle.poll(); r != null; r = held.size() < sessions ? idle.poll() : null) {
                held.add(r);
            }
            if (held.size() < sessions) {
                return false;
            }
            wide.run(ids, batch, results);
            return true;
        } finally {
            idle.addAll(held);
        }
    }

    private static void drain(SessionRunner runner, long[][] ids, List<int[]> batches, float[][] results,
            AtomicInteger next) {
        for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
            runner.run(ids, batches.get(i), results);
        }
    }

    private static RuntimeException awaitHelpers(List<Future<?>> helping, AtomicInteger next, int total,
            RuntimeException failure) {
        boolean interrupted = false;
        for (Future<?> f : helping) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helper holds results we must not abandon half-written
                } catch (ExecutionException e) {
                    next.set(total);
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re
                                : new ModelException("OnnxEmbedder: a batch failed: " + e.getCause(), e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public int dimensions() {
        return MiniLmModel.DIMENSIONS;
    }

    @Override
    public String modelId() {
        return MiniLmModel.MODEL_ID;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    /**
     * The model's tokenizer, for counting and splitting texts in the tokens this embedder sees.
     * It stays usable until {@link #close()}.
     *
     * @return a thread-safe tokenizer
     */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The model this embedder runs.
     *
     * @return the model
     */
    public MiniLmModel model() {
        return model;
    }

    /**
     * How many ONNX Runtime sessions serve batches in parallel.
     *
     * @return at least 1
     */
    public int sessions() {
        return sessions;
    }

    /**
     * Threads each session uses inside one model run.
     *
     * @return at least 1
     */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /**
     * Waits for calls in flight, then releases the sessions, the tokenizer and the helper
     * threads. Idempotent.
     */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (helpers != null) {
                helpers.shutdown();
            }
            runners.forEach(SessionRunner::close);
            tokenizer.close();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a latency session serves single-batch calls while the others are idle.
     *
     * @return true when {@link Builder#latencySession} is on
     */
    public boolean hasLatencySession() {
        return wide != null;
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + model + ", sessions=" + sessions + "x" + intraOpThreads + " threads"
                + (wide != null ? " + latency session" : "") + ", maxBatchSize=" + maxBatchSize + ", maxTokens="
                + maxTokens + "]";
    }

    /**
     * Configures an {@link OnnxEmbedder}. Each setting may be set once; a value out of range or
     * set twice is refused with a message naming it. Not thread-safe.
     */
    public static final class Builder {

        private MiniLmModel model = MiniLmModel.ALL_MINILM_L6_V2;
        private boolean modelSet;
        private int sessions;
        private int intraOpThreads;
        private int maxBatchSize;
        private int maxTokens;
        private ClassLoader classLoader;
        private boolean latencySession;
        private boolean latencySessionSet;

        private Builder() {
        }

        /**
         * Chooses the model.
         *
         * @param model the float32 (default) or int8 variant
         * @return this builder
         */
        public Builder model(MiniLmModel model) {
            if (modelSet) {
                throw new IllegalStateException("OnnxEmbedder.Builder: model was already set to " + this.model);
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
        public Builder sessions(int count) {
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
        public Builder intraOpThreads(int threads) {
            this.intraOpThreads = once("intraOpThreads", this.intraOpThreads, threads, 1, 256);
            return this;
        }

        /**
         * Sets the most texts in one model run (default {@value #DEFAULT_MAX_BATCH_SIZE} for the
         * float32 model, 1 for the int8 one); each session holds direct buffers for this many
         * texts of {@link #maxTokens} tokens.
         *
         * <p>The int8 model quantises activations dynamically, with one scale per tensor over the
         * whole batch, so batched texts get vectors that depend slightly on their neighbours
         * (cosine about 0.99 to the unbatched vector). Its default of 1 keeps each text's vector
         * the same whatever it is embedded with; a larger batch trades that for speed.
         *
         * @param size from 1 to {@value #MAX_BATCH_SIZE}
         * @return this builder
         */
        public Builder maxBatchSize(int size) {
            this.maxBatchSize = once("maxBatchSize", this.maxBatchSize, size, 1, MAX_BATCH_SIZE);
            return this;
        }

        /**
         * Sets where texts are truncated (default and maximum {@value MiniLmModel#MAX_TOKENS},
         * special tokens included). A lower limit changes the vectors of longer texts, and so
         * the fingerprint.
         *
         * @param tokens from {@value #MIN_TOKENS} to {@value MiniLmModel#MAX_TOKENS}
         * @return this builder
         */
        public Builder maxTokens(int tokens) {
            this.maxTokens = once("maxTokens", this.maxTokens, tokens, MIN_TOKENS, MiniLmModel.MAX_TOKENS);
            return this;
        }

        /**
         * Sets the class loader the model files are read from (default: aio-llm's own).
         *
         * @param loader not null
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            if (this.classLoader != null) {
                throw new IllegalStateException("OnnxEmbedder.Builder: classLoader was already set");
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
        public Builder latencySession(boolean enabled) {
            if (latencySessionSet) {
                throw new IllegalStateException("OnnxEmbedder.Builder: latencySession was already set to "
                        + latencySession);
            }
            this.latencySession = enabled;
            latencySessionSet = true;
            return this;
        }

        private static int once(String name, int current, int value, int min, int max) {
            if (current != 0) {
                throw new IllegalStateException("OnnxEmbedder.Builder: " + name + " was already set to " + current);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("OnnxEmbedder.Builder: " + name + " must be in [" + min + ", " + max
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
                throw new IllegalStateException("OnnxEmbedder.Builder: latencySession(true) needs sessions > 1; a "
                        + "single session already uses all its threads for each batch");
            }
            if (maxBatchSize == 0) {
                // The int8 graph quantises activations with one scale per tensor, computed over
                // the whole batch: batching would make a text's vector depend on its neighbours.
                maxBatchSize = model == MiniLmModel.ALL_MINILM_L6_V2_Q ? 1 : DEFAULT_MAX_BATCH_SIZE;
            }
            if (maxTokens == 0) {
                maxTokens = MiniLmModel.MAX_TOKENS;
            }
            return new OnnxEmbedder(this);
        }
    }
}
