package dev.aio.core.storage;

import java.util.Objects;

/**
 * What a store reports after writing an object.
 *
 * @param bucket the bucket
 * @param key the key
 * @param etag the new version's entity tag, without quotes
 * @param versionId the new version's id, or {@code null} where the bucket is not versioned
 * @param size the number of bytes written
 */
public record PutResult(String bucket, String key, String etag, String versionId, long size) {

    /** @throws NullPointerException when bucket, key or etag is null */
    public PutResult {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
    }
}
