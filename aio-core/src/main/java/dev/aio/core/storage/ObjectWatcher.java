package dev.aio.core.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Watches a prefix of a bucket by polling its listing and diffing ETags: each {@link #poll()}
 * lists the prefix and returns what changed since the previous poll, as {@link ObjectEvent}s.
 * This works with every store, including servers without bucket notifications (S3Proxy, a local
 * folder). The caller decides when to poll (a scheduled executor, a test), so the watcher owns no
 * thread.
 *
 * <p>The first poll reports every object already there as {@link ObjectEvent.Type#CREATED}, so a
 * watcher started on a full bucket sees all of it. A changed ETag is a creation (an overwrite is
 * {@code ObjectCreated:Put} in S3 too). Memory holds the key and ETag of every object under the
 * prefix. Not thread-safe: poll from one thread at a time.
 */
public final class ObjectWatcher {

    /** The event name of a creation seen by polling. */
    public static final String POLLED_CREATED = "aio:poll:ObjectCreated";
    /** The event name of a removal seen by polling. */
    public static final String POLLED_REMOVED = "aio:poll:ObjectRemoved";

    private final ObjectStore store;
    private final String bucket;
    private final ListOptions options;
    private Map<String, String> known = Map.of();

    private ObjectWatcher(ObjectStore store, String bucket, ListOptions options) {
        this.store = store;
        this.bucket = bucket;
        this.options = options;
    }

    /**
     * @param store the store
     * @param bucket the bucket
     * @param prefix keys start with this; {@code ""} for the whole bucket
     * @return a watcher that has not polled yet
     * @throws InvalidObjectNameException when the bucket or prefix is invalid
     */
    public static ObjectWatcher polling(ObjectStore store, String bucket, String prefix) {
        Objects.requireNonNull(store, "store");
        return new ObjectWatcher(store, ObjectNames.requireValidBucket(bucket), ListOptions.recursive(prefix));
    }

    /**
     * Lists the prefix once and reports the differences from the previous poll. If listing fails,
     * nothing is forgotten: the next poll diffs against the last complete listing.
     *
     * @return creations in key order, then removals in key order
     * @throws BucketNotFoundException when the bucket does not exist
     * @throws StorageUnavailableException when the store cannot be reached (retriable)
     */
    public List<ObjectEvent> poll() {
        Map<String, String> now = new HashMap<>();
        List<ObjectEvent> events = new ArrayList<>();
        try (Stream<ObjectInfo> listing = store.list(bucket, options)) {
            listing.forEach(info -> {
                now.put(info.key(), info.etag());
                if (!info.etag().equals(known.get(info.key()))) {
                    events.add(new ObjectEvent(ObjectEvent.Type.CREATED, bucket, info.key(), info.etag(), info.size(),
                            info.versionId(), null, POLLED_CREATED));
                }
            });
        }
        known.keySet().stream().filter(key -> !now.containsKey(key)).sorted(ObjectNames::compareKeys)
                .forEach(key -> events.add(new ObjectEvent(ObjectEvent.Type.REMOVED, bucket, key, null, -1, null, null,
                        POLLED_REMOVED)));
        known = now;
        return events;
    }
}
