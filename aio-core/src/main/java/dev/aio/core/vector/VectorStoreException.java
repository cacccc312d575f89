package dev.aio.core.vector;

import dev.aio.core.NonRetriableException;

/**
 * A vector store refused a request or failed in a way that repeating it cannot fix: a vector
 * of the wrong length, a snapshot that is corrupt or cannot be written. Not retriable. The
 * message names the store.
 */
public class VectorStoreException extends NonRetriableException {

    private final String store;

    /**
     * @param store the store's {@linkplain VectorStore#name() name}
     * @param detail what went wrong and what to do
     * @param cause the underlying failure, or {@code null}
     */
    public VectorStoreException(String store, String detail, Throwable cause) {
        super("vector store '" + store + "': " + detail, cause);
        this.store = store;
    }

    /** @return the name of the store that failed */
    public String store() {
        return store;
    }
}
