package dev.aio.core.storage;

import dev.aio.core.NonRetriableException;

/**
 * The object does not exist (or not in the version asked for). Not retriable.
 *
 * <p>The message names the store, the bucket and (where there is one) the key, never credentials.
 */
public class ObjectNotFoundException extends NonRetriableException {

    private final String store;
    private final String bucket;
    private final String key;

    /**
     * @param store the store's {@linkplain ObjectStore#name() name}, or {@code null} when not known
     * @param bucket the bucket
     * @param key the key, or {@code null} for a bucket-level operation
     * @param detail what went wrong and what to do, without credentials
     * @param cause the underlying failure, or {@code null}
     */
    public ObjectNotFoundException(String store, String bucket, String key, String detail, Throwable cause) {
        super(Target.describe(detail, store, bucket, key), cause);
        this.store = store;
        this.bucket = bucket;
        this.key = key;
    }

    /** @return the store's name, or {@code null} when not known */
    public String store() {
        return store;
    }

    /** @return the bucket */
    public String bucket() {
        return bucket;
    }

    /** @return the key, or {@code null} for a bucket-level operation */
    public String key() {
        return key;
    }
}
