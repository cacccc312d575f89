package dev.aio.core.pipeline;

import dev.aio.core.NonRetriableException;

/**
 * A streaming run that stopped before its end: a {@linkplain PipelineBuilder#failFast() fail-fast}
 * run whose item failed, a source that threw, or a dead-letter sink that could not record a
 * failure. {@link #report()} accounts for every item up to that point, including the ones left
 * unfinished.
 */
public final class PipelineFailedException extends NonRetriableException {

    private final transient RunReport report;

    /**
     * @param message what stopped the run
     * @param report the partial report
     * @param cause the failure that stopped it
     */
    public PipelineFailedException(String message, RunReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    /** @return the report of the run as it stood when it stopped */
    public RunReport report() {
        return report;
    }
}
