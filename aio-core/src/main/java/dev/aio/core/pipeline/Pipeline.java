package dev.aio.core.pipeline;

import dev.aio.core.pipeline.internal.Engine;
import dev.aio.core.pipeline.internal.PipelineDef;
import dev.aio.core.pipeline.internal.SpecRenderer;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * An immutable, thread-safe chain of named, typed stages, and the means to run it.
 *
 * <pre>{@code
 * try (Pipeline<Path, Void> ingest = Pipeline.from(Path.class)
 *         .named("ingest")
 *         .map("read", Files::readString).io().concurrency(4)
 *         .flatMap("split", text -> List.of(text.split("\n\n")))
 *         .batch("group", 64, Duration.ofMillis(20))
 *         .map("embed", embedder::embedAll).policy(StepPolicy.retry(5).timeout(Duration.ofSeconds(30)))
 *         .sink("store", store::upsertAll)
 *         .build()) {
 *     RunReport report = ingest.run(files);
 * }
 * }</pre>
 *
 * <p>Three ways to run it:
 * <ul>
 *   <li>{@link #call(Object)}: one item on the calling thread, no queues or thread hops (except
 *       for attempts with a timeout); a failure throws {@link StageFailedException}.</li>
 *   <li>{@link #run(Iterable)}: a stream of items through bounded queues and per-stage workers;
 *       failures become dead letters; returns a {@link RunReport} that accounts for every item.</li>
 *   <li>{@link #runAsync(Iterable)}: the same, returning at once with a future; cancelling the
 *       future stops the run and returns when its threads have exited.</li>
 * </ul>
 *
 * <p>{@link #describe()}, {@link #spec()} and {@link #fingerprint()} show what the pipeline does.
 * {@link #close()} cancels active runs, waits for their threads and releases caches.
 *
 * @param <I> the input type
 * @param <O> the output type of the last stage ({@code Void} after a sink)
 */
public final class Pipeline<I, O> implements AutoCloseable {

    private final PipelineDef def;
    private final Engine engine;
    private final String spec;
    private final String fingerprint;

    Pipeline(PipelineDef def) {
        this.def = def;
        this.engine = new Engine(def);
        this.spec = SpecRenderer.json(def);
        this.fingerprint = SpecRenderer.fingerprint(def);
    }

    /**
     * Starts describing a pipeline whose input items are of the given type.
     *
     * @param inputType the input type, also shown in the spec and the diagram
     * @param <T> the input type
     * @return a builder with no stages yet
     */
    public static <T> PipelineBuilder<T, T> from(Class<T> inputType) {
        Objects.requireNonNull(inputType, "inputType");
        return new PipelineBuilder<>(PipelineDef.start(inputType));
    }

    /** @return the pipeline's name */
    public String name() {
        return def.name();
    }

    /**
     * Runs one item through every stage on the calling thread.
     *
     * @param item the input
     * @return the output; {@code null} when a filter dropped the item or a sink consumed it
     * @throws StageFailedException when a stage fails after its policy gave up
     * @throws IllegalStateException when the item fanned out to several outputs (use
     *     {@link #callAll(Object)}) or the pipeline is closed
     */
    @SuppressWarnings("unchecked")
    public O call(I item) {
        return (O) engine.call(item);
    }

    /**
     * Runs one item through every stage on the calling thread and returns every output.
     *
     * @param item the input
     * @return the outputs, possibly none; unmodifiable
     * @throws StageFailedException when a stage fails after its policy gave up
     */
    @SuppressWarnings("unchecked")
    public List<O> callAll(I item) {
        return (List<O>) (List<?>) engine.callAll(item);
    }

    /**
     * Streams items through the pipeline and waits for the end. The source is read on a thread
     * of the run's own, no faster than the pipeline can take items. If the calling thread is
     * interrupted, the run is cancelled, the interrupt is kept, and the report says
     * {@link RunStatus#CANCELLED}.
     *
     * @param source the items; a {@link Collection}'s size becomes the progress total
     * @return the report, after every thread of the run has exited
     * @throws PipelineFailedException when the run failed (see {@link PipelineBuilder#failFast()})
     */
    public RunReport run(Iterable<? extends I> source) {
        Objects.requireNonNull(source, "source");
        return await(start(source.iterator(), sizeOf(source), null));
    }

    /**
     * Streams the elements of a {@link Stream} through the pipeline and waits for the end; the
     * stream is closed when the run stops reading it.
     *
     * @param source the items
     * @return the report
     * @throws PipelineFailedException when the run failed
     */
    public RunReport run(Stream<? extends I> source) {
        Objects.requireNonNull(source, "source");
        return await(start(source.iterator(), -1, source));
    }

    /**
     * Starts streaming items through the pipeline and returns at once.
     *
     * @param source the items
     * @return a future of the report; it fails with {@link PipelineFailedException} when the run
     *     fails; cancelling it stops the run and waits for the run's threads to exit
     */
    public CompletableFuture<RunReport> runAsync(Iterable<? extends I> source) {
        Objects.requireNonNull(source, "source");
        return start(source.iterator(), sizeOf(source), null);
    }

    /**
     * Starts streaming the elements of a {@link Stream} and returns at once; the stream is closed
     * when the run stops reading it.
     *
     * @param source the items
     * @return a future of the report
     */
    public CompletableFuture<RunReport> runAsync(Stream<? extends I> source) {
        Objects.requireNonNull(source, "source");
        return start(source.iterator(), -1, source);
    }

    private CompletableFuture<RunReport> start(Iterator<? extends I> source, long total, AutoCloseable onEnd) {
        return engine.start(source, total, onEnd);
    }

    private static long sizeOf(Iterable<?> source) {
        return source instanceof Collection ? ((Collection<?>) source).size() : -1;
    }

    private RunReport await(CompletableFuture<RunReport> future) {
        try {
            RunReport report = future.get();
            Engine.awaitThreads(future);
            return report;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return cancelledReport(future);
        } catch (ExecutionException e) {
            awaitQuietly(future);
            if (e.getCause() instanceof PipelineFailedException) {
                PipelineFailedException failed = (PipelineFailedException) e.getCause();
                throw new PipelineFailedException(failed.getMessage(), failed.report(), failed.getCause());
            }
            throw new IllegalStateException("pipeline '" + name() + "' run ended unexpectedly", e.getCause());
        } catch (CancellationException e) {
            return cancelledReport(future);
        }
    }

    private static void awaitQuietly(CompletableFuture<RunReport> future) {
        try {
            Engine.awaitThreads(future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunReport cancelledReport(CompletableFuture<RunReport> future) {
        return Engine.reportOf(future);
    }

    /**
     * The pipeline as a Mermaid flowchart, one node per stage with its kind and settings.
     *
     * @return Mermaid source, starting with {@code flowchart LR}
     */
    public String describe() {
        return SpecRenderer.mermaid(def);
    }

    /**
     * The pipeline as JSON: its name, input type, and for each stage its name, kind, concurrency,
     * ordering, batching, policy, cache and (for {@link Describable} functions) configuration.
     * Listeners, executors, time sources and dead-letter sinks are not part of it.
     *
     * @return indented JSON with keys in a fixed order
     */
    public String spec() {
        return spec;
    }

    /**
     * A stable SHA-256 of the {@linkplain #spec() spec}: the same in every JVM run for the same
     * definition, different after any change of a stage, setting or described function
     * configuration.
     *
     * @return 64 lowercase hex digits
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * A builder holding this pipeline's definition, to derive a variant; this pipeline is
     * unchanged. The variant shares nothing at run time (caches, policy state) with this one.
     *
     * @return a builder; settings already made on the last stage cannot be made again
     */
    public PipelineBuilder<I, O> toBuilder() {
        return new PipelineBuilder<>(def);
    }

    /**
     * Cancels active runs, waits for their threads to exit, drops cached results and stops the
     * helper threads. Later calls and runs are refused. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "Pipeline[" + def.name() + ", " + def.stages().size() + " stages, " + fingerprint.substring(0, 12) + "]";
    }
}
