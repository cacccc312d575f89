package dev.aio.core.document;

import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.StoredObject;
import java.util.Locale;
import java.util.Objects;

/**
 * Which object version a document was parsed from: the identity its chunks carry as lineage and
 * from which their ids are derived. Immutable.
 *
 * @param store the store's {@linkplain dev.aio.core.storage.ObjectStore#name() name}
 * @param bucket the bucket
 * @param key the key
 * @param versionId the version id, or {@code null} where the bucket is not versioned
 * @param etag the ETag of the version, or {@code null} for bytes that did not come from a store
 * @param contentType the media type the store reported, or {@code null} when not known
 * @param size the size in bytes the store reported, or {@code -1} when not known
 */
public record DocumentSource(String store, String bucket, String key, String versionId, String etag,
        String contentType, long size) {

    /** @throws NullPointerException when store, bucket or key is null */
    public DocumentSource {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (size < -1) {
            throw new IllegalArgumentException("DocumentSource: size must be >= -1, got " + size + " for key " + key);
        }
    }

    /**
     * The source of an object read from a store.
     *
     * @param object the object reference
     * @return its identity, content type and size
     */
    public static DocumentSource of(StoredObject object) {
        ObjectInfo info = object.info();
        return new DocumentSource(object.store().name(), info.bucket(), info.key(), info.versionId(), info.etag(),
                info.contentType(), info.size());
    }

    /**
     * The source of bytes that did not come from a store (a test, an upload held in memory).
     *
     * @param name a file name; its extension helps pick the parser
     * @param contentType the media type, or {@code null}
     * @return a source in store {@code "memory"} with an empty bucket
     */
    public static DocumentSource named(String name, String contentType) {
        return new DocumentSource("memory", "", name, null, null, contentType, -1);
    }

    /**
     * The key's file extension, lower case, without the dot.
     *
     * @return for example {@code "md"}; empty when the last path segment has no dot
     */
    public String extension() {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * A short label for messages and logs.
     *
     * @return {@code store:bucket/key}, with {@code @version} or {@code #etag} when known
     */
    public String label() {
        String where = store + ":" + (bucket.isEmpty() ? "" : bucket + "/") + key;
        if (versionId != null) {
            return where + "@" + versionId;
        }
        return etag == null ? where : where + "#" + etag;
    }
}
