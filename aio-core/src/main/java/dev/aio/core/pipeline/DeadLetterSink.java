package dev.aio.core.pipeline;

/**
 * Receives items that failed after their stage's policy gave up. Every run also keeps its dead
 * letters in its {@link RunReport} and logs them; a sink adds a durable record, such as
 * {@link JsonLinesDeadLetterSink}.
 *
 * <p>Called from worker threads, possibly concurrently: implementations must be thread-safe.
 * A sink that throws stops the run with a {@link PipelineFailedException}, since a dead letter
 * that cannot be recorded would be an item lost without trace.
 */
@FunctionalInterface
public interface DeadLetterSink {

    /** A sink that records nothing beyond the run report and the log. */
    DeadLetterSink NONE = deadLetter -> { };

    /**
     * Records one dead letter.
     *
     * @param deadLetter the failed item and why it failed
     * @throws Exception if the record could not be made
     */
    void accept(DeadLetter deadLetter) throws Exception;
}
