package dev.aio.core.pipeline.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StageKind;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.pipeline.TimeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The compiled, runnable form of a pipeline: stage runtimes, shared policy state, caches, the
 * CPU limit and the helper threads for timed attempts. Thread-safe; one engine serves any number
 * of concurrent calls and runs.
 */
public final class Engine implements AutoCloseable {

    /** How long {@link #close()} waits for a run's workers to finish after cancelling it. */
    static final long CLOSE_WAIT_MILLIS = 30_000;

    final PipelineDef def;
    final String name;
    final StageRuntime[] stages;
    final List<SegmentPlan> segments;
    final SafeListener listener;
    final TimeSource time;
    private final boolean linear;
    /**
     * The specialised call path, when every stage is a plain one-to-one stage and no listener
     * needs item events; else null.
     */
    private final Link chain;
    private final ExecutorService ownAttemptPool;
    private final Set<StreamingRun> active = ConcurrentHashMap.newKeySet();
    /**
     * The threads that ended a run: each completes its run's future and exits a moment later, so
     * {@link #close()} joins them too, to leave no thread behind.
     */
    private final Set<Thread> finishers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Compiles a definition.
     *
     * @throws IllegalStateException if the definition has no stage, or two stages share a policy
     *     name with different settings
     */
    public Engine(PipelineDef def) {
        this.def = def;
        this.name = def.name();
        if (def.stages().isEmpty()) {
            throw new IllegalStateException("pipeline '" + name + "' has no stage; add at least one with map, "
                    + "flatMap, filter, peek, batch, unbatch or sink before build()");
        }
        this.time = def.timeSource() == null ? TimeSource.SYSTEM : def.timeSource();
        this.listener = new SafeListener(def.listeners());
        boolean needsAttemptThreads = def.stages().stream()
                .anyMatch(s -> s.policy != null && s.policy.timeout() != null);
        this.ownAttemptPool = needsAttemptThreads && def.executor() == null && !Threads.virtualThreadsAvailable()
                ? newAttemptPool(name) : null;
        Executor attempts = attemptExecutor(def.executor(), ownAttemptPool, name);
        this.stages = compile(def, time, attempts);
        this.segments = SegmentPlan.plan(stages);
        this.linear = def.stages().stream().noneMatch(s -> s.kind == StageKind.FLAT_MAP
                || s.kind == StageKind.BATCH || s.kind == StageKind.UNBATCH);
        this.chain = LinkChain.supports(stages) && !listener.active() ? LinkChain.build(stages) : null;
    }

    private static StageRuntime[] compile(PipelineDef def, TimeSource time, Executor attempts) {
        Map<String, StageDef> firstUserOfName = new HashMap<>();
        SharedPolicies registry = def.sharedPolicies() == null ? new SharedPolicies() : def.sharedPolicies();
        List<StageDef> defs = def.stages();
        StageRuntime[] compiled = new StageRuntime[defs.size()];
        for (int i = 0; i < defs.size(); i++) {
            StageDef stage = defs.get(i);
            StepPolicy policy = stage.policy;
            PolicyRuntime runtime = null;
            if (policy != null && !policy.isNone()) {
                PolicyRuntime.Shared shared;
                if (policy.name() == null) {
                    shared = new PolicyRuntime.Shared(def.name() + "/" + stage.name, policy, time);
                } else {
                    StageDef first = firstUserOfName.putIfAbsent(policy.name(), stage);
                    if (first != null && !first.policy.equals(policy)) {
                        throw new IllegalStateException("stages '" + first.name + "' and '" + stage.name
                                + "' use policy '" + policy.name() + "' with different settings [" + first.policy
                                + "] and [" + policy + "]; a named policy is one provider's budget, so give both "
                                + "the same settings or give them different names");
                    }
                    shared = registry.stateFor(policy, "stage '" + stage.name + "' of pipeline '" + def.name() + "'",
                            time);
                }
                runtime = new PolicyRuntime(policy, shared, time, attempts);
            }
            compiled[i] = new StageRuntime(i, def.name(), stage, runtime, newCache(stage, time), time);
        }
        return compiled;
    }

    private static Cache<Object, Object> newCache(StageDef stage, TimeSource time) {
        if (stage.cacheSpec == null) {
            return null;
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(stage.cacheSpec.maximumSize())
                .ticker(time::nanoTime);
        if (stage.cacheSpec.expireAfterWrite() != null) {
            builder.expireAfterWrite(stage.cacheSpec.expireAfterWrite());
        }
        return builder.build();
    }

    private static ExecutorService newAttemptPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS,
                new SynchronousQueue<>(), Threads.factory(name + "-attempt", true));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Executor attemptExecutor(Executor userExecutor, ExecutorService ownPool, String name) {
        if (userExecutor != null) {
            return userExecutor;
        }
        if (ownPool != null) {
            return ownPool;
        }
        return task -> Threads.newThread(name + "-attempt", true, task).start();
    }

    /** Starts a thread (or a task on the caller's executor) for a run. */
    void launch(String threadName, boolean io, Runnable task) {
        if (def.executor() != null) {
            def.executor().execute(task);
        } else {
            Threads.newThread(threadName, io, task).start();
        }
    }

    /** Workers a run needs at the same time: every segment's workers plus the source reader. */
    int threadsPerRun() {
        int threads = 1;
        for (SegmentPlan segment : segments) {
            threads += segment.workers;
        }
        return threads;
    }

    // ---------------------------------------------------------------- call()

    /**
     * Runs one item through every stage on the calling thread.
     *
     * @return the single output, or {@code null} if a filter dropped the item or a sink took it
     */
    public Object call(Object item) {
        requireOpen();
        requireItem(item);
        Link fast = chain;
        if (fast != null) {
            return fast.apply(item);
        }
        if (!linear) {
            List<Object> outputs = callAll(item);
            if (outputs.size() > 1) {
                throw new IllegalStateException("pipeline '" + name + "' produced " + outputs.size()
                        + " outputs for one item; call() returns one, so use callAll(item)");
            }
            return outputs.isEmpty() ? null : outputs.get(0);
        }
        boolean listen = listener.active();
        Object value = item;
        for (StageRuntime stage : stages) {
            Object result = stage.plain && !listen ? callPlain(stage, value) : invokeForCall(stage, value);
            switch (stage.kind) {
                case MAP:
                    value = result;
                    break;
                case FILTER:
                    if (result != Boolean.TRUE) {
                        return null;
                    }
                    break;
                case SINK:
                    return null;
                default:
                    break;
            }
        }
        return value;
    }

    /**
     * Runs one item through every stage on the calling thread and returns every output: several
     * after a flatMap, none after a filter or a sink. A batch stage batches the items this one
     * input produced.
     */
    public List<Object> callAll(Object item) {
        requireOpen();
        requireItem(item);
        List<Object> current = List.of(item);
        for (StageRuntime stage : stages) {
            List<Object> next = new ArrayList<>(current.size());
            if (stage.kind == StageKind.BATCH) {
                int size = stage.def.batchSize;
                for (int from = 0; from < current.size(); from += size) {
                    next.add(List.copyOf(current.subList(from, Math.min(current.size(), from + size))));
                }
            } else {
                for (Object value : current) {
                    Object result = invokeForCall(stage, value);
                    switch (stage.kind) {
                        case MAP:
                            next.add(result);
                            break;
                        case FILTER:
                            if (result == Boolean.TRUE) {
                                next.add(value);
                            }
                            break;
                        case PEEK:
                            next.add(value);
                            break;
                        case FLAT_MAP:
                        case UNBATCH:
                            next.addAll((List<?>) result);
                            break;
                        default: // SINK consumes
                            break;
                    }
                }
            }
            current = next;
        }
        return Collections.unmodifiableList(current);
    }

    private Object callPlain(StageRuntime stage, Object value) {
        try {
            return stage.callUser(value);
        } catch (Exception e) {
            throw stage.callFailure(e);
        }
    }

    private Object invokeForCall(StageRuntime stage, Object value) {
        try {
            return stage.invoke(value, null, listener);
        } catch (ItemFailure failure) {
            throw stage.failed(name, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stage.failed(name, new ItemFailure(e, 1, false));
        }
    }

    private void requireItem(Object item) {
        if (item == null) {
            throw new NullPointerException("pipeline '" + name + "' was given a null item");
        }
    }

    // ---------------------------------------------------------------- streaming runs

    /**
     * Starts a streaming run over a source.
     *
     * @param source the items, read on a thread of the run's own
     * @param total the number of items when known, else -1
     * @param onEnd closed when the run stops reading (the source's stream), may be null
     */
    public CompletableFuture<RunReport> start(Iterator<?> source, long total, AutoCloseable onEnd) {
        requireOpen();
        if (def.executor() instanceof ThreadPoolExecutor) {
            int available = ((ThreadPoolExecutor) def.executor()).getMaximumPoolSize();
            if (available < threadsPerRun()) {
                throw new IllegalStateException("pipeline '" + name + "' needs " + threadsPerRun()
                        + " threads at once per run (one per worker plus the source reader), but the executor allows "
                        + available + "; raise its maximum pool size or lower stage concurrency");
            }
        }
        StreamingRun run = new StreamingRun(this, source, total, onEnd);
        active.add(run);
        run.start();
        return run.future();
    }

    void finished(StreamingRun run) {
        active.remove(run);
        if (def.executor() == null) {
            finishers.removeIf(thread -> !thread.isAlive());
            finishers.add(Thread.currentThread());
        }
    }

    /**
     * Waits for a run's threads to end after its future completed; used by the blocking
     * {@code run()} so that it returns with no thread of the run left.
     */
    public static void awaitThreads(CompletableFuture<RunReport> future) throws InterruptedException {
        if (future instanceof StreamingRun.RunFuture) {
            ((StreamingRun.RunFuture) future).run().awaitThreads(CLOSE_WAIT_MILLIS);
        }
    }

    /** The report of a run whose future was cancelled, once its threads have exited. */
    public static RunReport reportOf(CompletableFuture<RunReport> future) {
        if (future instanceof StreamingRun.RunFuture) {
            StreamingRun run = ((StreamingRun.RunFuture) future).run();
            try {
                run.awaitThreads(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return run.report();
        }
        throw new IllegalArgumentException("not a pipeline run's future: " + future);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("pipeline '" + name + "' is closed; build a new one");
        }
    }

    /** Cancels every active run, waits for their workers, and stops the helper threads. */
    @Override
    public void close() {
        closed = true;
        List<StreamingRun> running = List.copyOf(active);
        for (StreamingRun run : running) {
            run.cancel(dev.aio.core.pipeline.RunStatus.CANCELLED, null);
        }
        boolean interrupted = false;
        for (StreamingRun run : running) {
            try {
                run.awaitThreads(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread finisher : List.copyOf(finishers)) {
            if (finisher != Thread.currentThread()) {
                try {
                    finisher.join(CLOSE_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        finishers.clear();
        for (StageRuntime stage : stages) {
            stage.invalidateCache();
        }
        if (ownAttemptPool != null) {
            ownAttemptPool.shutdownNow();
            try {
                ownAttemptPool.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
