package dev.aio.core.storage;

import java.io.InputStream;
import java.util.Objects;

/**
 * A reference to one object version in a store, as a listing or a stat describes it; the bytes
 * are read only when {@link #open()} is called. This is what {@link ObjectSource} feeds to
 * pipelines. Immutable and thread-safe; the streams it opens are not shared.
 *
 * @param store the store holding the object
 * @param info what the store reported about it
 */
public record StoredObject(ObjectStore store, ObjectInfo info) {

    /** @throws NullPointerException when an argument is null */
    public StoredObject {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(info, "info");
    }

    /** @return the bucket */
    public String bucket() {
        return info.bucket();
    }

    /** @return the key */
    public String key() {
        return info.key();
    }

    /** @return the ETag of the version this reference describes */
    public String etag() {
        return info.etag();
    }

    /**
     * Opens the object's bytes. Where the store has versions and the reference carries a version
     * id, that version is read; otherwise the latest, which may be newer than this reference.
     *
     * @return the bytes; the caller closes the stream
     * @throws ObjectNotFoundException when the object is gone
     */
    public InputStream open() {
        return open(null);
    }

    /**
     * Opens a range of the object's bytes; see {@link #open()}.
     *
     * @param range the bytes to read, or {@code null} for all
     * @return the bytes; the caller closes the stream
     */
    public InputStream open(ByteRange range) {
        GetOptions options = GetOptions.all().withRange(range);
        if (info.versionId() != null && store.capabilities().contains(StoreCapability.VERSIONING)) {
            options = options.withVersionId(info.versionId());
        }
        return store.get(info.bucket(), info.key(), options);
    }

    /** @return the store's name, bucket, key and ETag */
    @Override
    public String toString() {
        return "StoredObject[" + store.name() + " " + info.bucket() + "/" + info.key() + " etag=" + info.etag()
                + " size=" + info.size() + "]";
    }
}
