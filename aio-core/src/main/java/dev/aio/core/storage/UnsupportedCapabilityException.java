package dev.aio.core.storage;

/**
 * The object-store form of {@link dev.aio.core.UnsupportedCapabilityException}, naming the bucket
 * and key: the call needs a {@link StoreCapability} the store does not have, such as presigned URLs on a filesystem store. Raised before the store is called. Not retriable.
 *
 * <p>The message names the store, the bucket and (where there is one) the key, never credentials.
 */
public class UnsupportedCapabilityException extends dev.aio.core.UnsupportedCapabilityException implements StorageFailure {

    private final ObjectLocation location;

    /**
     * @param store the store's {@linkplain ObjectStore#name() name}, or {@code null} when not known
     * @param bucket the bucket
     * @param key the key, or {@code null} for a bucket-level operation
     * @param detail what went wrong and what to do, without credentials
     * @param cause the underlying failure, or {@code null}
     */
    public UnsupportedCapabilityException(String store, String bucket, String key, String detail, Throwable cause) {
        super(store == null ? "object store" : store, detail, Target.describe(detail, store, bucket, key), cause);
        this.location = new ObjectLocation(store, bucket, key);
    }

    @Override
    public ObjectLocation location() {
        return location;
    }
}
