package dev.aio.core.storage;

/**
 * Where a storage operation failed: the store, the bucket and (for object-level operations) the
 * key. Never holds credentials.
 *
 * @param store the store's {@linkplain ObjectStore#name() name}, or {@code null} when not known
 * @param bucket the bucket, or {@code null} when not known
 * @param key the key, or {@code null} for a bucket-level operation
 */
public record ObjectLocation(String store, String bucket, String key) {
}
