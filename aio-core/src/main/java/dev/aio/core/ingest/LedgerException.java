package dev.aio.core.ingest;

import dev.aio.core.RetriableException;

/**
 * A {@link Ledger} could not be read or written (a locked or unreachable database, a full
 * disk). Retriable: every write of the ingestion protocol is idempotent, so repeating the step,
 * or re-running the ingestion, is safe.
 */
public class LedgerException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the ledger and the object
     * @param cause the underlying failure
     */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
