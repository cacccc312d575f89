package dev.aio.core.pipeline;

/**
 * Observes runs: their start and end, each item entering and leaving each stage, failures,
 * batch flushes and progress. Every method has an empty default, so a listener implements only
 * what it needs; {@link #NOOP} costs nothing on the hot path.
 *
 * <p>Methods are called from worker threads, concurrently: implementations must be thread-safe
 * and quick. A listener that throws is logged and otherwise ignored: it never breaks a run.
 * Item events are reported for streaming runs and for {@link Pipeline#call}.
 */
public interface PipelineListener {

    /** A listener that does nothing. */
    PipelineListener NOOP = new PipelineListener() { };

    /**
     * A streaming run started.
     *
     * @param pipeline the pipeline's name
     * @param runId the run's id
     */
    default void onRunStart(String pipeline, String runId) { }

    /**
     * A streaming run ended, however it ended.
     *
     * @param report the final report
     */
    default void onRunEnd(RunReport report) { }

    /**
     * A stage starts on an item.
     *
     * @param stage the stage's name
     * @param item the input
     */
    default void onItemStart(String stage, Object item) { }

    /**
     * A stage finished an item successfully (including a filter that dropped it).
     *
     * @param stage the stage's name
     * @param item the input
     * @param nanos time spent, retries and waits included
     */
    default void onItemEnd(String stage, Object item, long nanos) { }

    /**
     * An attempt failed.
     *
     * @param stage the stage's name
     * @param item the input
     * @param error the failure
     * @param attempt the attempt's number, from 1
     * @param willRetry whether the policy will try again; {@code false} means the item is given up
     */
    default void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) { }

    /**
     * A batch stage flushed a batch.
     *
     * @param stage the stage's name
     * @param size items in the batch
     * @param byTime {@code true} if the max wait expired, {@code false} if the batch was full or the
     *     input ended
     */
    default void onBatchFlushed(String stage, int size, boolean byTime) { }

    /**
     * Progress of a streaming run, at most once per progress interval, and once at the end.
     *
     * @param progress where the run stands
     */
    default void onProgress(Progress progress) { }
}
