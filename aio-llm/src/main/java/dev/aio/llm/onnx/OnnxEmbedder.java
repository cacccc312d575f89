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
import dev.aio.llm.onnx.internal.LatencyRoute;
import dev.aio.llm.onnx.internal.ModelFiles;
import dev.aio.llm.onnx.internal.SessionRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * A lone text (a query) runs on the latency session, whose threads use every core, while that
 * measures faster than one single-threaded session; on a host whose cores are busy with other
 * work it runs single-threaded instead (see {@link OnnxEmbedderBuilder#latencySession} and
 * {@link OnnxEmbedderBuilder#spinning}).
 *
 * <p>Thread-safe: concurrent calls share the session pool, each session serving one batch at a
 * time, so the cores are never oversubscribed. {@link #close()} waits for calls in flight and
 * releases the native sessions.
 */
public final class OnnxEmbedder implements Embedder {

    /** Texts per model run unless {@link OnnxEmbedderBuilder#maxBatchSize} says otherwise. */
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
    /** Set outright for reserved cores: after each run the workers spin on for milliseconds, costing CPU. */
    private final boolean spinning;
    private final String fingerprint;
    private final HfTokenizer tokenizer;
    private final List<SessionRunner> runners;
    private final BlockingQueue<SessionRunner> idle;
    /** Uses every core for one batch; runs only while it holds all narrow sessions. Null when off. */
    private final SessionRunner wide;
    /** Picks the latency session or a narrow one for a lone text by measured cost. Null when fixed. */
    private final LatencyRoute route;
    private final ExecutorService helpers;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    OnnxEmbedder(OnnxEmbedderBuilder b) {
        this.model = b.model;
        this.sessions = b.sessions;
        this.intraOpThreads = b.intraOpThreads;
        this.maxBatchSize = b.maxBatchSize;
        this.maxTokens = b.maxTokens;
        this.spinning = b.spinning;
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
                try (OrtSession.SessionOptions options = sessionOptions(intraOpThreads, sessions == 1 && spinning)) {
                    SessionRunner r = new SessionRunner(env, files.onnx(), options, model.toString(),
                            MiniLmModel.DIMENSIONS, maxBatchSize, maxTokens);
                    runners.add(r);
                    idle.add(r);
                }
            }
            if (b.latencySession) {
                try (OrtSession.SessionOptions options = sessionOptions(sessions * intraOpThreads, spinning)) {
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
        // With cores reserved (spinning) the latency session is always the faster; otherwise measure.
        this.route = wide != null && !b.spinning ? LatencyRoute.standard() : null;
        this.helpers = sessions > 1 ? Executors.newFixedThreadPool(sessions - 1, daemonThreads()) : null;
    }

    /**
     * @param spin whether intra-op workers may spin; sessions that run side by side never do,
     *     as they would take each other's cores
     */
    private OrtSession.SessionOptions sessionOptions(int threads, boolean spin) {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            if (threads > 1 && !spin) {
                // On a shared host a spinning worker that loses its core stalls the whole run.
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
     * cores (see {@link OnnxEmbedderBuilder#sessions}), {@value #DEFAULT_MAX_BATCH_SIZE} texts per batch and
     * {@value MiniLmModel#MAX_TOKENS} tokens per text.
     *
     * @return a new builder
     */
    public static OnnxEmbedderBuilder builder() {
        return new OnnxEmbedderBuilder();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        Embedder.requireTexts("OnnxEmbedder", texts);
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
        if (wide != null && batches.size() == 1) {
            if (route == null || route.preferLatencySession()) {
                if (runAlone(ids, batches.get(0), results)) {
                    return;
                }
            } else {
                runOnOneSession(ids, batches.get(0), results);
                return;
            }
        }
        SessionRunner own = takeSession();
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
            long start = System.nanoTime();
            wide.run(ids, batch, results);
            if (route != null) {
                route.record(true, System.nanoTime() - start, cells(ids, batch));
            }
            return true;
        } finally {
            idle.addAll(held);
        }
    }

    /** Runs a lone text on one narrow session, for the route to compare with the latency session. */
    private void runOnOneSession(long[][] ids, int[] batch, float[][] results) {
        SessionRunner own = takeSession();
        try {
            long start = System.nanoTime();
            own.run(ids, batch, results);
            route.record(false, System.nanoTime() - start, cells(ids, batch));
        } finally {
            idle.add(own);
        }
    }

    private SessionRunner takeSession() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("OnnxEmbedder: interrupted while waiting for a free session", e);
        }
    }

    /** Token positions the model computes for a batch: its texts times the longest one. */
    private static int cells(long[][] ids, int[] batch) {
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, ids[i].length);
        }
        return batch.length * len;
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

    /** @return this embedder's {@link #tokenizer()} */
    @Override
    public Optional<Tokenizer> modelTokenizer() {
        return Optional.of(tokenizer);
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
     * @return true when {@link OnnxEmbedderBuilder#latencySession} is on
     */
    public boolean hasLatencySession() {
        return wide != null;
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + model + ", sessions=" + sessions + "x" + intraOpThreads + " threads"
                + latencySessionDescription() + ", maxBatchSize=" + maxBatchSize + ", maxTokens=" + maxTokens
                + (spinning ? ", spinning" : "") + "]";
    }

    private String latencySessionDescription() {
        if (wide == null) {
            return "";
        }
        return " + latency session (" + (spinning ? "spinning" : "used while measured faster") + ")";
    }
}
