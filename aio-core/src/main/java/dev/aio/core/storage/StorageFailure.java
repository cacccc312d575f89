package dev.aio.core.storage;

/**
 * Implemented by every object-store exception, in the retriable and the non-retriable branch
 * alike: says where the failure happened. Catch {@code AioException} and test for this interface
 * to read the location of any storage failure.
 */
public interface StorageFailure {

    /** @return where the failure happened */
    ObjectLocation location();

    /** @return the store's name, or {@code null} when not known */
    default String store() {
        return location().store();
    }

    /** @return the bucket */
    default String bucket() {
        return location().bucket();
    }

    /** @return the key, or {@code null} for a bucket-level operation */
    default String key() {
        return location().key();
    }
}
