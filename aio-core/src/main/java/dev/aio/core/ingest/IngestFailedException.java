package dev.aio.core.ingest;

import dev.aio.core.RetriableException;

/**
 * An ingestion run stopped before it accounted for every object: its listing failed, its
 * pipeline failed fast, or its dead-letter sink or ledger failed. Nothing was deleted on the
 * strength of its listing. Retriable: running the ingestion again converges to the expected
 * index, whatever step the failure interrupted.
 */
public class IngestFailedException extends RetriableException {

    private static final long serialVersionUID = 1L;

    private final transient IngestReport report;

    /**
     * @param message what failed
     * @param report what the run did before it stopped
     * @param cause the failure
     */
    public IngestFailedException(String message, IngestReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    /** @return what the run did before it stopped */
    public IngestReport report() {
        return report;
    }
}
