package dev.aio.core.storage;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A pipeline source over the objects under a prefix of a bucket: each iteration lists the
 * prefix afresh, lazily, a page at a time, and yields {@link StoredObject} references built from
 * the listing alone (bucket, key, size, ETag, version id, last modified; content type where the
 * listing carries it). No object is downloaded until a stage calls {@link StoredObject#open()}.
 * Immutable and thread-safe; each iterator is single-threaded, as pipelines read sources.
 *
 * <pre>{@code
 * RunReport report = ingest.run(ObjectSource.of(store, "docs", "guides/"));
 * }</pre>
 */
public final class ObjectSource implements Iterable<StoredObject> {

    private final ObjectStore store;
    private final String bucket;
    private final ListOptions options;

    private ObjectSource(ObjectStore store, String bucket, ListOptions options) {
        this.store = store;
        this.bucket = bucket;
        this.options = options;
    }

    /**
     * Every object under a prefix, recursively.
     *
     * @param store the store
     * @param bucket the bucket
     * @param prefix keys start with this; {@code ""} for the whole bucket
     * @return the source
     * @throws InvalidObjectNameException when the bucket or prefix is invalid
     */
    public static ObjectSource of(ObjectStore store, String bucket, String prefix) {
        return of(store, bucket, ListOptions.recursive(prefix));
    }

    /**
     * The objects a listing yields (prefixes of a delimited listing are skipped).
     *
     * @param store the store
     * @param bucket the bucket
     * @param options what to list and the page size
     * @return the source
     */
    public static ObjectSource of(ObjectStore store, String bucket, ListOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(options, "options");
        return new ObjectSource(store, ObjectNames.requireValidBucket(bucket), options);
    }

    /** @return the bucket */
    public String bucket() {
        return bucket;
    }

    /** @return the listing options */
    public ListOptions options() {
        return options;
    }

    /**
     * Starts a new listing.
     *
     * @return the objects in ascending key order
     * @throws BucketNotFoundException when the bucket does not exist (on the first {@code hasNext})
     */
    @Override
    public Iterator<StoredObject> iterator() {
        return stream().iterator();
    }

    /** @return a new listing as a stream; close it if not read to the end */
    public Stream<StoredObject> stream() {
        return store.list(bucket, options).map(info -> new StoredObject(store, info));
    }

    @Override
    public String toString() {
        return "ObjectSource[" + store.name() + " " + bucket + "/" + options.prefix() + (options.recursive() ? "**" : "*")
                + "]";
    }
}
