package dev.aio.core.pipeline;

import dev.aio.core.pipeline.internal.PipelineDef;
import dev.aio.core.pipeline.internal.StageDef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Describes a pipeline one stage at a time; the item type flows through each call, so a stage
 * that does not fit its predecessor does not compile. Start one with {@link Pipeline#from(Class)}.
 *
 * <p>Stage methods ({@code map}, {@code flatMap}, {@code filter}, {@code peek}, {@code batch},
 * {@code unbatch}, {@code sink}) add a stage. Stage settings ({@link #concurrency(int)},
 * {@link #unordered()}, {@link #io()}, {@link #policy(StepPolicy)}, {@link #queueCapacity(int)})
 * apply to the stage added last. Pipeline settings ({@link #named(String)}, {@link #listener},
 * {@link #deadLetters}, {@link #failFast()}, {@link #executor}, {@link #policies}, {@link #timeSource},
 * {@link #progressInterval}) apply to the whole pipeline.
 *
 * <p>Mistakes are refused at once, with a message that names the stage and the fix: a duplicate
 * stage name, a setting given twice, a stage after a sink, a setting a stage cannot use.
 *
 * <p>Builders are immutable: every method returns a new builder and leaves this one as it was,
 * so a partly built pipeline can be shared and extended in two directions.
 *
 * <h2>Execution model</h2>
 * Consecutive stages with the same concurrency, kind (CPU or {@linkplain #io() I/O}) and ordering
 * are fused: they run on the same workers with no queue and no thread hop between them. A new
 * group of workers, with a bounded queue in front of it, starts where those settings change, at
 * every batch stage, and at any stage given an explicit {@link #queueCapacity(int)}.
 *
 * @param <I> the pipeline's input type
 * @param <T> the type of the items the last stage emits
 */
public class PipelineBuilder<I, T> {

    final PipelineDef def;

    PipelineBuilder(PipelineDef def) {
        this.def = def;
    }

    /** Makes the builder for a new definition; {@link MapStageBuilder} keeps its own type. */
    PipelineBuilder<I, T> next(PipelineDef newDef) {
        return new PipelineBuilder<>(newDef);
    }

    // ---------------------------------------------------------------- stages

    /**
     * Adds a stage that turns each item into exactly one output.
     *
     * @param name a name unique in this pipeline
     * @param fn the transformation; returning {@code null} fails the item
     * @param <R> the output type
     * @return a builder whose last stage is this one; {@link MapStageBuilder#cached} applies to it
     */
    public <R> MapStageBuilder<I, T, R> map(String name, StageFunction<? super T, ? extends R> fn) {
        return new MapStageBuilder<>(addStage(StageDef.of(name, StageKind.MAP, requireFn(name, fn))));
    }

    /**
     * Adds a stage that turns each item into zero or more outputs, emitted in order.
     *
     * @param name a name unique in this pipeline
     * @param fn the expansion; returning {@code null} or an iterable holding {@code null} fails the item
     * @param <R> the output type
     * @return a builder whose last stage is this one
     */
    public <R> PipelineBuilder<I, R> flatMap(String name,
            StageFunction<? super T, ? extends Iterable<? extends R>> fn) {
        return new PipelineBuilder<>(addStage(StageDef.of(name, StageKind.FLAT_MAP, requireFn(name, fn))));
    }

    /**
     * Adds a stage that keeps the items for which the predicate holds; the others are counted
     * as filtered.
     *
     * @param name a name unique in this pipeline
     * @param predicate the test
     * @return a builder whose last stage is this one
     */
    public PipelineBuilder<I, T> filter(String name, StagePredicate<? super T> predicate) {
        return new PipelineBuilder<>(addStage(StageDef.of(name, StageKind.FILTER, requireFn(name, predicate))));
    }

    /**
     * Adds a stage that observes each item and passes it on unchanged.
     *
     * @param name a name unique in this pipeline
     * @param action the side effect
     * @return a builder whose last stage is this one
     */
    public PipelineBuilder<I, T> peek(String name, StageConsumer<? super T> action) {
        return new PipelineBuilder<>(addStage(StageDef.of(name, StageKind.PEEK, requireFn(name, action))));
    }

    /**
     * Adds a stage that groups items into lists of up to {@code size}, in arrival order. A batch
     * is flushed when it is full, when {@code maxWait} has passed since its first item arrived,
     * or when the input ends. In {@link Pipeline#call} a batch holds the items one input produced.
     *
     * @param name a name unique in this pipeline
     * @param size the largest batch; at least 1
     * @param maxWait the longest an item waits for its batch to fill; positive
     * @return a builder whose items are unmodifiable lists
     */
    public PipelineBuilder<I, List<T>> batch(String name, int size, Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("batch stage '" + name + "' needs a size of at least 1, got " + size);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("batch stage '" + name + "' needs a positive maxWait, got " + maxWait);
        }
        return new PipelineBuilder<>(addStage(StageDef.batch(name, size, maxWait)));
    }

    /**
     * Adds a stage that splits each item, which must be an {@link Iterable} (such as a batch
     * after a map over it), into its elements. An item that is not iterable fails with a
     * {@link StageContractException}.
     *
     * @param name a name unique in this pipeline
     * @param <E> the element type
     * @return a builder whose items are the elements
     */
    public <E> PipelineBuilder<I, E> unbatch(String name) {
        return new PipelineBuilder<>(addStage(StageDef.of(name, StageKind.UNBATCH, null)));
    }

    /**
     * Adds the final stage, which consumes each item. Nothing may follow a sink.
     *
     * @param name a name unique in this pipeline
     * @param consumer where the items go
     * @return a builder whose pipeline emits nothing
     */
    public PipelineBuilder<I, Void> sink(String name, StageConsumer<? super T> consumer) {
        return new PipelineBuilder<>(addStage(StageDef.of(name, StageKind.SINK, requireFn(name, consumer))));
    }

    // ---------------------------------------------------------------- settings of the last stage

    /**
     * Runs the last stage on {@code workers} workers at once. Output order is kept unless the
     * stage is also {@link #unordered()}.
     *
     * @param workers at least 1; the default is 1
     * @return a new builder
     */
    public PipelineBuilder<I, T> concurrency(int workers) {
        StageDef last = lastStage("concurrency(" + workers + ")");
        if (workers < 1) {
            throw new IllegalArgumentException("stage '" + last.name() + "' concurrency must be at least 1, got "
                    + workers);
        }
        refuseTwice(last, "concurrency", last.concurrency() != 0, last.concurrency());
        refuseOnBatch(last, "concurrency", "set concurrency on the stage that processes the batches");
        return next(def.withLast(last.withConcurrency(workers)));
    }

    /**
     * Lets the last stage emit items as they finish instead of in input order: faster when item
     * costs vary, at the price of order.
     *
     * @return a new builder
     */
    public PipelineBuilder<I, T> unordered() {
        StageDef last = lastStage("unordered()");
        refuseTwice(last, "unordered()", last.ordered() != null, "unordered");
        refuseOnBatch(last, "unordered()", "a batch keeps arrival order by definition");
        return next(def.withLast(last.withOrdered(false)));
    }

    /**
     * Marks the last stage as I/O-bound (network or disk calls): its workers are virtual threads
     * when the JVM has them (21+) and platform threads otherwise, and they do not count against
     * the core-sized CPU limit that CPU stages share.
     *
     * @return a new builder
     */
    public PipelineBuilder<I, T> io() {
        StageDef last = lastStage("io()");
        refuseTwice(last, "io()", last.io(), "io");
        return next(def.withLast(last.withIo()));
    }

    /**
     * Protects the last stage with a policy: retries, timeout, rate limit, circuit breaker,
     * bulkhead.
     *
     * @param policy the policy; a {@linkplain StepPolicy#named named} policy shares its state with
     *     the pipeline's other stages of the same name
     * @return a new builder
     */
    public PipelineBuilder<I, T> policy(StepPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        StageDef last = lastStage("policy(" + policy + ")");
        refuseTwice(last, "policy", last.policy() != null, last.policy());
        if (!last.kind().callsUserCode()) {
            throw new IllegalStateException("stage '" + last.name() + "' (" + kindName(last)
                    + ") runs no user code, so a policy has nothing to protect; attach it to the stage that does");
        }
        return next(def.withLast(last.withPolicy(policy)));
    }

    /**
     * Gives the last stage its own bounded queue of {@code capacity} items, and so its own
     * workers: the stage is no longer fused with the one before it.
     *
     * @param capacity at least 1
     * @return a new builder
     */
    public PipelineBuilder<I, T> queueCapacity(int capacity) {
        StageDef last = lastStage("queueCapacity(" + capacity + ")");
        if (capacity < 1) {
            throw new IllegalArgumentException("stage '" + last.name() + "' queue capacity must be at least 1, got "
                    + capacity);
        }
        refuseTwice(last, "queueCapacity", last.queueCapacity() != 0, last.queueCapacity());
        return next(def.withLast(last.withQueueCapacity(capacity)));
    }

    // ---------------------------------------------------------------- settings of the pipeline

    /**
     * Names the pipeline (shown in logs, thread names, reports and the spec).
     *
     * @param name a non-blank name; the default is derived from the input type
     * @return a new builder
     */
    public PipelineBuilder<I, T> named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pipeline name must not be blank, got '" + name + "'");
        }
        if (def.hasName()) {
            throw new IllegalStateException("the pipeline is already named '" + def.name() + "'; name it once");
        }
        return next(def.withName(name.strip()));
    }

    /**
     * Adds a listener; several may be added and are called in order.
     *
     * @param listener the listener, for example {@link Slf4jPipelineListener}
     * @return a new builder
     */
    public PipelineBuilder<I, T> listener(PipelineListener listener) {
        Objects.requireNonNull(listener, "listener");
        return next(def.withListener(listener));
    }

    /**
     * Sends items that exhaust their policy to a sink, in addition to the run report and the log.
     *
     * @param sink for example {@link JsonLinesDeadLetterSink}
     * @return a new builder
     */
    public PipelineBuilder<I, T> deadLetters(DeadLetterSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (def.deadLetterSink() != null) {
            throw new IllegalStateException("a dead-letter sink is already set (" + def.deadLetterSink()
                    + "); set it once");
        }
        return next(def.withDeadLetterSink(sink));
    }

    /**
     * Stops a streaming run at the first item that exhausts its policy, instead of dead-lettering
     * it and going on. The run ends {@link RunStatus#FAILED} with a {@link PipelineFailedException}.
     *
     * @return a new builder
     */
    public PipelineBuilder<I, T> failFast() {
        if (def.failFast()) {
            throw new IllegalStateException("failFast() is already set; set it once");
        }
        return next(def.withFailFast());
    }

    /**
     * Runs the pipeline's workers and timed attempts on the caller's executor instead of threads
     * the pipeline starts itself. A run needs one thread per worker plus one for the source at the
     * same time, so a bounded executor must allow that many.
     *
     * @param executor the executor
     * @return a new builder
     */
    public PipelineBuilder<I, T> executor(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        if (def.executor() != null) {
            throw new IllegalStateException("an executor is already set; set it once");
        }
        return next(def.withExecutor(executor));
    }

    /**
     * Shares the state of this pipeline's named policies with every other pipeline built with the
     * same registry (one provider's rate limit, breaker and bulkhead across pipelines).
     *
     * @param registry the registry
     * @return a new builder
     */
    public PipelineBuilder<I, T> policies(PolicyRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (def.sharedPolicies() != null) {
            throw new IllegalStateException("a policy registry is already set; set it once");
        }
        return next(def.withSharedPolicies(registry.shared));
    }

    /**
     * Sets the time source for deadlines, backoff, timeouts and rates; tests pass a
     * {@link dev.aio.core.testing.ManualTimeSource}.
     *
     * @param timeSource the time source; the default is {@link TimeSource#SYSTEM}
     * @return a new builder
     */
    public PipelineBuilder<I, T> timeSource(TimeSource timeSource) {
        Objects.requireNonNull(timeSource, "timeSource");
        if (def.timeSource() != null) {
            throw new IllegalStateException("a time source is already set (" + def.timeSource() + "); set it once");
        }
        return next(def.withTimeSource(timeSource));
    }

    /**
     * Sets how often listeners hear about progress.
     *
     * @param interval positive; the default is 500 ms
     * @return a new builder
     */
    public PipelineBuilder<I, T> progressInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("progress interval must be positive, got " + interval);
        }
        if (def.progressInterval() != null) {
            throw new IllegalStateException("progress interval is already " + def.progressInterval() + "; set it once");
        }
        return next(def.withProgressInterval(interval));
    }

    /**
     * Builds the immutable, thread-safe pipeline, ready to run.
     *
     * @return the pipeline; close it to release its threads and caches
     * @throws IllegalStateException if the pipeline has no stage, or two stages share a policy name
     *     with different settings
     */
    public Pipeline<I, T> build() {
        return new Pipeline<>(def);
    }

    // ---------------------------------------------------------------- helpers

    PipelineDef addStage(StageDef stage) {
        String name = stage.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every stage needs a non-blank name (got '" + name + "' for a "
                    + kindName(stage) + " stage after " + describeLast() + ")");
        }
        List<StageDef> stages = def.stages();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                throw new IllegalArgumentException("stage name '" + name + "' is already used by stage " + (i + 1)
                        + " (" + kindName(stages.get(i)) + "); give each stage a unique name");
            }
        }
        StageDef last = def.last();
        if (last != null && last.kind() == StageKind.SINK) {
            throw new IllegalStateException("stage '" + name + "' cannot follow sink '" + last.name()
                    + "': a sink ends the pipeline; use peek(\"" + last.name()
                    + "\", ...) to consume items and pass them on");
        }
        return def.withStage(stage);
    }

    private StageDef lastStage(String setting) {
        StageDef last = def.last();
        if (last == null) {
            throw new IllegalStateException(setting + " applies to the stage added last, and there is none yet; "
                    + "call it after map/flatMap/filter/peek/batch/unbatch/sink");
        }
        return last;
    }

    private String describeLast() {
        StageDef last = def.last();
        return last == null ? "the start" : "stage '" + last.name() + "'";
    }

    private static void refuseTwice(StageDef stage, String setting, boolean alreadySet, Object current) {
        if (alreadySet) {
            throw new IllegalStateException(setting + " of stage '" + stage.name() + "' is already set ("
                    + current + "); set it once");
        }
    }

    private static void refuseOnBatch(StageDef stage, String setting, String fix) {
        if (stage.kind() == StageKind.BATCH) {
            throw new IllegalStateException("stage '" + stage.name() + "' is a batch, which collects items in order "
                    + "on one worker, so " + setting + " does not apply to it; " + fix);
        }
    }

    static String kindName(StageDef stage) {
        return stage.kind().name().toLowerCase(java.util.Locale.ROOT).replace("_m", "M");
    }

    private static <F> F requireFn(String name, F fn) {
        if (fn == null) {
            throw new NullPointerException("stage '" + name + "' needs a function, got null");
        }
        return fn;
    }
}
