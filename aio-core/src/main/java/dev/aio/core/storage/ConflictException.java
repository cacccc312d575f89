package dev.aio.core.storage;

import dev.aio.core.NonRetriableException;

/**
 * The operation conflicts with the store's state: a bucket that is not empty, a bucket name owned by someone else, a failed precondition. Not retriable as is.
 *
 * <p>The message names the store, the bucket and (where there is one) the key, never credentials.
 */
public class ConflictException extends NonRetriableException implements StorageFailure {

    private final ObjectLocation location;

    /**
     * @param store the store's {@linkplain ObjectStore#name() name}, or {@code null} when not known
     * @param bucket the bucket
     * @param key the key, or {@code null} for a bucket-level operation
     * @param detail what went wrong and what to do, without credentials
     * @param cause the underlying failure, or {@code null}
     */
    public ConflictException(String store, String bucket, String key, String detail, Throwable cause) {
        super(Target.describe(detail, store, bucket, key), cause);
        this.location = new ObjectLocation(store, bucket, key);
    }

    @Override
    public ObjectLocation location() {
        return location;
    }
}
