package dev.aio.core.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a store knows about one object version. Immutable.
 *
 * <p>Stat ({@link ObjectStore#stat}) fills every field the store has. A listing fills what the
 * listing carries: S3 listings have no content type and no user metadata, so there
 * {@code contentType} is {@code null} and {@code metadata} is empty; stat the object for them.
 *
 * @param bucket the bucket
 * @param key the key
 * @param size the size in bytes
 * @param etag the entity tag without quotes: the MD5 hex of the bytes for single-part uploads,
 *     an opaque value otherwise
 * @param lastModified when this version was written
 * @param versionId the version id, or {@code null} where the bucket is not versioned
 * @param contentType the media type, or {@code null} when not known (see above)
 * @param metadata user metadata, lower-case keys; unmodifiable, never null
 */
public record ObjectInfo(String bucket, String key, long size, String etag, Instant lastModified,
        String versionId, String contentType, Map<String, String> metadata) {

    /** @throws NullPointerException when bucket, key, etag or lastModified is null */
    public ObjectInfo {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("object size must be >= 0, got " + size + " for key " + key);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
