package dev.aio.core.pipeline.internal;

import dev.aio.core.NonRetriableException;
import dev.aio.core.pipeline.DeadLetter;
import dev.aio.core.pipeline.DeadLetterSink;
import dev.aio.core.pipeline.FatalFailure;
import dev.aio.core.pipeline.PipelineFailedException;
import dev.aio.core.pipeline.Progress;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.RunStatus;
import dev.aio.core.pipeline.StageReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streaming run: a source reader feeding the first segment's queue, each segment's workers
 * taking from their queue and putting into the next, and the accounting that makes the report
 * exact. The run ends when the end marker has passed through every segment and every worker has
 * exited, or when it is stopped (cancelled, or failed), in which case all its threads are
 * interrupted and the run ends when they have exited.
 */
final class StreamingRun {

    private static final Logger LOG = LoggerFactory.getLogger("dev.aio.pipeline");
    /** Dead letters logged one by one per run; beyond this the log would drown the signal. */
    private static final long LOGGED_DEAD_LETTERS = 100;

    final Engine engine;
    final String runId = UUID.randomUUID().toString();
    final StageCounters[] counters;
    final BlockingQueue<Envelope>[] queues;
    final SafeListener listener;
    /**
     * Limits CPU-stage work in this run to one item per core; null when the run has no more CPU
     * workers than cores, so the limit could never bite and costs nothing.
     */
    final java.util.concurrent.Semaphore cpuPermits;

    private final Iterator<?> source;
    private final long total;
    private final AutoCloseable onEnd;
    private final RunFuture future = new RunFuture(this);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong deadLetterCount = new AtomicLong();
    private final List<DeadLetter> keptDeadLetters = new ArrayList<>();
    private final AtomicInteger liveTasks = new AtomicInteger();
    private final AtomicLong lastProgressNanos = new AtomicLong();
    private final long progressIntervalNanos;
    private final DeadLetterSink deadLetterSink;

    /** Guards stop state, the thread set and the kept dead letters. */
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> everStarted = new ArrayList<>();
    /**
     * Opens when the last task has ended. A thread registers itself only once it runs, so a stop
     * that comes while threads are still starting must wait for this before it can know them all.
     */
    private final CountDownLatch tasksEnded = new CountDownLatch(1);
    private volatile boolean stopping;
    private RunStatus stopStatus;
    private Throwable failure;
    private String failureMessage;

    private final Object[] segmentStates;
    private Instant started;
    private long startNanos;

    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array of queues
    StreamingRun(Engine engine, Iterator<?> source, long total, AutoCloseable onEnd) {
        this.engine = engine;
        this.source = source;
        this.total = total;
        this.onEnd = onEnd;
        this.listener = engine.listener;
        this.counters = new StageCounters[engine.stages.length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new StageCounters();
        }
        this.queues = new BlockingQueue[engine.segments.size()];
        for (SegmentPlan segment : engine.segments) {
            queues[segment.index] = new ArrayBlockingQueue<>(segment.queueCapacity);
        }
        this.progressIntervalNanos = (engine.def.progressInterval() == null
                ? PipelineDef.DEFAULT_PROGRESS_INTERVAL : engine.def.progressInterval()).toNanos();
        this.deadLetterSink = engine.def.deadLetterSink();
        this.segmentStates = new Object[engine.segments.size()];
        int cores = Runtime.getRuntime().availableProcessors();
        int cpuWorkers = engine.segments.stream().filter(seg -> !seg.io && !seg.batch).mapToInt(seg -> seg.workers)
                .sum();
        this.cpuPermits = cpuWorkers > cores ? new java.util.concurrent.Semaphore(cores) : null;
    }

    /** State that the workers of one segment share; created by the first of them. */
    Object segmentState(int segment) {
        return segmentStates[segment];
    }

    void segmentState(int segment, Object state) {
        segmentStates[segment] = state;
    }

    RunFuture future() {
        return future;
    }

    boolean stopping() {
        return stopping;
    }

    void start() {
        started = engine.time.now();
        startNanos = engine.time.nanoTime();
        lastProgressNanos.set(startNanos);
        if (listener.active()) {
            listener.onRunStart(engine.name, runId);
        }
        int tasks = engine.threadsPerRun();
        liveTasks.set(tasks);
        String prefix = engine.name + "-" + runId.substring(0, 8) + "-";
        int launched = 0;
        try {
            for (SegmentPlan segment : engine.segments) {
                for (int w = 0; w < segment.workers; w++) {
                    Runnable worker = segment.batch ? new BatchWorker(this, segment) : new SegmentWorker(this, segment);
                    engine.launch(prefix + segment.name() + "-" + w, segment.io, tracked(worker));
                    launched++;
                }
            }
            engine.launch(prefix + "source", true, tracked(new SourceReader(this, source)));
            launched++;
        } catch (RuntimeException | Error refused) {
            // An executor that refuses a task (or a JVM out of threads): stop what did start, and
            // count the tasks that never will, so the run still ends and reports.
            fail("pipeline '" + engine.name + "' could not start its workers", refused);
            if (liveTasks.addAndGet(-(tasks - launched)) == 0) {
                finish();
            }
        }
    }

    /** Registers the running thread so a stop can interrupt it, and ends the run after the last task. */
    private Runnable tracked(Runnable task) {
        return () -> {
            Thread self = Thread.currentThread();
            lock.lock();
            try {
                threads.add(self);
                everStarted.add(self);
                if (stopping) {
                    self.interrupt();
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (Throwable unexpected) {
                fail("internal error in pipeline '" + engine.name + "'", unexpected);
            } finally {
                lock.lock();
                try {
                    threads.remove(self);
                    // A pooled thread must not carry our interrupt into the caller's next task.
                    Thread.interrupted();
                } finally {
                    lock.unlock();
                }
                if (liveTasks.decrementAndGet() == 0) {
                    finish();
                }
            }
        };
    }

    // ---------------------------------------------------------------- hand-offs

    /** Hands an item from a segment to the next, or out of the pipeline after the last. */
    void emit(int segment, Envelope envelope) throws InterruptedException {
        if (segment + 1 < queues.length) {
            queues[segment + 1].put(envelope);
        } else {
            envelope.tracker.release();
        }
    }

    /** Tells the next segment that no more items will come. */
    void endOf(int segment) throws InterruptedException {
        if (segment + 1 < queues.length) {
            queues[segment + 1].put(Envelope.END);
        }
    }

    void itemRead() {
        read.incrementAndGet();
    }

    long readCount() {
        return read.get();
    }

    void sourceItemDone() {
        long doneNow = done.incrementAndGet();
        if (!listener.active()) {
            return;
        }
        long now = engine.time.nanoTime();
        long last = lastProgressNanos.get();
        if ((now - last >= progressIntervalNanos || doneNow == total) && lastProgressNanos.compareAndSet(last, now)) {
            listener.onProgress(progress(now));
        }
    }

    private Progress progress(long nowNanos) {
        return new Progress(runId, done.get(), read.get(), total, Duration.ofNanos(nowNanos - startNanos));
    }

    // ---------------------------------------------------------------- failures

    /** Records an item the stage gave up on; fails the run if it is fail-fast or the sink fails. */
    void deadLetter(StageRuntime stage, Object item, ItemFailure failure) {
        counters[stage.index].deadLettered.increment();
        recordDeadLetter(stage.name, item, failure.getCause(), failure.attempts);
        if (stopping) {
            return;
        }
        Throwable fatal = fatalIn(failure.getCause());
        if (fatal != null) {
            fail("stage '" + stage.name + "' of pipeline '" + engine.name + "' failed with a failure that ends the run: "
                    + fatal.getMessage(), stage.failed(engine.name, failure));
        } else if (engine.def.failFast()) {
            fail("pipeline '" + engine.name + "' is fail-fast and stage '" + stage.name + "' gave up on an item",
                    stage.failed(engine.name, failure));
        }
    }

    /** The first {@link FatalFailure} in a cause chain, or {@code null}; a cycle in the chain ends the search. */
    private static Throwable fatalIn(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof FatalFailure) {
                return t;
            }
        }
        return null;
    }

    /** Records an item the source produced that cannot be processed (a null). */
    void deadLetterFromSource(long position) {
        recordDeadLetter("source", "null item at position " + position,
                new NonRetriableException("the source produced a null item at position " + position), 1);
        done.incrementAndGet();
    }

    private void recordDeadLetter(String stage, Object item, Throwable cause, int attempts) {
        DeadLetter letter = new DeadLetter(runId, stage, item, cause.getClass().getName(), cause.getMessage(),
                attempts, engine.time.now(), cause);
        deadLetterCount.incrementAndGet();
        lock.lock();
        try {
            if (keptDeadLetters.size() < RunReport.MAX_KEPT_DEAD_LETTERS) {
                keptDeadLetters.add(letter);
            }
        } finally {
            lock.unlock();
        }
        long count = deadLetterCount.get();
        if (count <= LOGGED_DEAD_LETTERS) {
            LOG.warn("pipeline '{}' run {}: {}", engine.name, runId, letter);
            if (count == LOGGED_DEAD_LETTERS) {
                LOG.warn("pipeline '{}' run {}: {} dead letters logged; further ones are counted in the run report "
                        + "and sent to the dead-letter sink, not logged", engine.name, runId, count);
            }
        }
        if (deadLetterSink != null) {
            try {
                deadLetterSink.accept(letter);
            } catch (Exception sinkFailure) {
                fail("the dead-letter sink could not record a failed item of stage '" + stage
                        + "'; the run stops rather than lose it", sinkFailure);
            }
        }
    }

    void fail(String message, Throwable cause) {
        stop(RunStatus.FAILED, message, cause);
    }

    /**
     * Stops the run: no more items are read, every thread is interrupted, and the run ends once
     * they have exited. The first stop wins.
     */
    void cancel(RunStatus status, String message) {
        stop(status, message == null ? "run cancelled" : message, null);
    }

    private void stop(RunStatus status, String message, Throwable cause) {
        lock.lock();
        try {
            if (stopping) {
                return;
            }
            stopping = true;
            stopStatus = status;
            failure = cause;
            failureMessage = message;
            for (Thread thread : threads) {
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called on an interrupt this run did not send itself: someone wants the run to end. */
    void interruptedFromOutside() {
        cancel(RunStatus.CANCELLED, "a worker thread was interrupted from outside the pipeline");
    }

    // ---------------------------------------------------------------- the end

    private void finish() {
        tasksEnded.countDown();
        if (onEnd != null) {
            try {
                onEnd.close();
            } catch (Exception e) {
                LOG.warn("pipeline '{}' run {}: closing the source failed", engine.name, runId, e);
            }
        }
        RunReport report = report();
        if (listener.active()) {
            listener.onProgress(progress(engine.time.nanoTime()));
            listener.onRunEnd(report);
        }
        engine.finished(this);
        if (report.status() == RunStatus.FAILED) {
            String message = failure == null ? failureMessage : failureMessage + ": " + describe(failure);
            future.completeExceptionally(new PipelineFailedException(message, report, failure));
        } else {
            future.complete(report);
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    RunReport report() {
        List<StageReport> stages = new ArrayList<>(counters.length);
        for (StageRuntime stage : engine.stages) {
            stages.add(counters[stage.index].report(stage.name, stage.kind));
        }
        List<DeadLetter> letters;
        RunStatus status;
        Throwable cause;
        lock.lock();
        try {
            letters = List.copyOf(keptDeadLetters);
            status = stopping ? stopStatus : RunStatus.COMPLETED;
            cause = failure;
        } finally {
            lock.unlock();
        }
        return new RunReport(runId, engine.name, status, started, engine.time.now(), read.get(), done.get(), stages,
                letters, deadLetterCount.get(), cause);
    }

    /** Waits until every thread this run started has exited (they are interrupted if it stopped). */
    void awaitThreads(long timeoutMillis) throws InterruptedException {
        if (engine.def.executor() != null) {
            // Pooled threads outlive the run; wait for the run's tasks instead.
            try {
                future.handle((r, e) -> null).get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // handle() never fails; a timeout leaves the tasks to finish on their own.
            }
            return;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        boolean calledFromThisRun;
        lock.lock();
        try {
            calledFromThisRun = threads.contains(Thread.currentThread());
        } finally {
            lock.unlock();
        }
        // From one of the run's own threads the last task cannot end while we wait here.
        if (!calledFromThisRun && !tasksEnded.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return;
        }
        List<Thread> started;
        lock.lock();
        try {
            started = List.copyOf(everStarted);
        } finally {
            lock.unlock();
        }
        for (Thread thread : started) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            thread.join(left);
        }
    }

    /**
     * The future returned to callers. Cancelling it stops the run and waits for the run's threads
     * to exit, so that when {@code cancel} returns nothing of the run is left running.
     */
    static final class RunFuture extends CompletableFuture<RunReport> {
        private final StreamingRun run;

        RunFuture(StreamingRun run) {
            this.run = run;
        }

        StreamingRun run() {
            return run;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            // Cancel the future first: stopping the run lets its last task complete the future
            // with a report, and a cancel that came second would then find it done and fail.
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                run.cancel(RunStatus.CANCELLED, "run cancelled by its caller");
            }
            try {
                run.awaitThreads(Engine.CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
