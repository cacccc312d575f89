package dev.aio.core.vector;

import dev.aio.core.RetriableException;

/**
 * A remote vector store could not be reached, did not answer in time, throttled the call (429)
 * or failed on its side (5xx). Retriable: a later attempt may succeed, and pipeline policies
 * retry it. Failures that repeating cannot fix are {@link VectorStoreException}s instead.
 *
 * <p>The message names the store and the request, never credentials.
 */
public class VectorStoreUnavailableException extends RetriableException {

    private final String store;

    /**
     * @param store the store's {@linkplain VectorStore#name() name}
     * @param detail what went wrong and what to do, without credentials
     * @param cause the underlying failure, or {@code null}
     */
    public VectorStoreUnavailableException(String store, String detail, Throwable cause) {
        super("vector store '" + store + "': " + detail, cause);
        this.store = store;
    }

    /** @return the name of the store that failed */
    public String store() {
        return store;
    }
}
