package dev.aio.core.storage;

import dev.aio.core.AioException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Buckets of keyed objects: a local folder, MinIO or S3 behind one API.
 *
 * <p>Implementations are thread-safe. Providers extend {@link AbstractObjectStore}, which
 * validates every argument against {@link ObjectNames} and the store's
 * {@link #capabilities()} before the provider sees it. Every method fails with an
 * {@link AioException}: {@link BucketNotFoundException}, {@link ObjectNotFoundException},
 * {@link AccessDeniedException}, {@link ConflictException}, {@link StorageRequestException}
 * (including {@link InvalidObjectNameException}) and {@link UnsupportedCapabilityException} are
 * not retriable; {@link StorageUnavailableException} is.
 *
 * <pre>{@code
 * try (ObjectStore store = FileSystemObjectStore.at(Path.of("data"))) {
 *     store.ensureBucket("docs");
 *     store.put("docs", "guides/intro.md", bytes, PutOptions.contentType("text/markdown"));
 *     try (Stream<ObjectInfo> all = store.list("docs", ListOptions.recursive("guides/"))) {
 *         all.forEach(info -> System.out.println(info.key() + " " + info.etag()));
 *     }
 * }
 * }</pre>
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * A stable name for the store, used in lineage and error messages, such as
     * {@code fs:/var/data} or {@code s3:http://minio:9000}; never contains credentials.
     *
     * @return the name
     */
    String name();

    /** @return the optional features this store has */
    Set<StoreCapability> capabilities();

    /**
     * Checks that the store answers and the credentials are accepted.
     *
     * @return how long the check took
     * @throws StorageUnavailableException when the store cannot be reached
     * @throws AccessDeniedException when the credentials are rejected
     */
    Duration checkHealth();

    // ---- buckets ---------------------------------------------------------------------------

    /**
     * @param bucket the bucket
     * @return whether it exists
     */
    boolean bucketExists(String bucket);

    /**
     * Creates the bucket unless it exists.
     *
     * @param bucket the bucket
     * @return {@code true} if this call created it
     * @throws ConflictException when the name is taken by another owner
     */
    boolean ensureBucket(String bucket);

    /** @return the names of every bucket, in ascending order */
    List<String> listBuckets();

    /**
     * Deletes an empty bucket.
     *
     * @param bucket the bucket
     * @throws BucketNotFoundException when it does not exist
     * @throws ConflictException when it still holds objects
     */
    void deleteBucket(String bucket);

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Writes an object from a stream, replacing any object at that key. Readers see the old
     * object or the new one, never a part of either. Large or unknown-length streams are uploaded
     * in parts where the store has them.
     *
     * @param bucket the bucket
     * @param key the key
     * @param content the bytes; read to {@code length} bytes (or to its end), not closed
     * @param length the number of bytes, or -1 when not known
     * @param options content type, metadata, encryption
     * @return the new version's ETag, version id and size
     * @throws BucketNotFoundException when the bucket does not exist
     * @throws StorageRequestException when the stream ends before {@code length} bytes
     */
    PutResult put(String bucket, String key, InputStream content, long length, PutOptions options);

    /**
     * Writes an object from bytes; see {@link #put(String, String, InputStream, long, PutOptions)}.
     *
     * @param bucket the bucket
     * @param key the key
     * @param content the bytes
     * @param options content type, metadata, encryption
     * @return the new version's ETag, version id and size
     */
    PutResult put(String bucket, String key, byte[] content, PutOptions options);

    /**
     * Writes an object from bytes with default options.
     *
     * @param bucket the bucket
     * @param key the key
     * @param content the bytes
     * @return the new version's ETag, version id and size
     */
    default PutResult put(String bucket, String key, byte[] content) {
        return put(bucket, key, content, PutOptions.defaults());
    }

    /**
     * Copies an object, with its content type and metadata, within or between buckets.
     *
     * @param sourceBucket the source bucket
     * @param sourceKey the source key
     * @param targetBucket the target bucket
     * @param targetKey the target key; replaced if present
     * @return the copy's ETag, version id and size
     * @throws ObjectNotFoundException when the source does not exist
     */
    PutResult copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey);

    // ---- reading ---------------------------------------------------------------------------

    /**
     * Opens an object, or a range of it, for reading. The caller closes the stream.
     *
     * @param bucket the bucket
     * @param key the key
     * @param options range, version, SSE-C key
     * @return the bytes; a range starting at or past the end reads none
     * @throws ObjectNotFoundException when there is no such object (or version)
     * @throws BucketNotFoundException when the bucket does not exist
     */
    InputStream get(String bucket, String key, GetOptions options);

    /**
     * Opens the latest version of an object.
     *
     * @param bucket the bucket
     * @param key the key
     * @return the bytes; the caller closes the stream
     */
    default InputStream get(String bucket, String key) {
        return get(bucket, key, GetOptions.all());
    }

    /**
     * Opens a range of the latest version of an object.
     *
     * @param bucket the bucket
     * @param key the key
     * @param range the bytes to read
     * @return the bytes; the caller closes the stream
     */
    default InputStream get(String bucket, String key, ByteRange range) {
        return get(bucket, key, GetOptions.range(range));
    }

    /**
     * Reads a whole object into memory; for small objects.
     *
     * @param bucket the bucket
     * @param key the key
     * @return the bytes
     * @throws StorageUnavailableException when reading fails midway
     */
    default byte[] getBytes(String bucket, String key) {
        try (InputStream in = get(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageUnavailableException(name(), bucket, key, "reading the object failed midway", e);
        }
    }

    /**
     * Reads what the store knows about an object without reading its bytes.
     *
     * @param bucket the bucket
     * @param key the key
     * @return size, ETag, content type, last modified, version id, user metadata
     * @throws ObjectNotFoundException when there is no such object
     * @throws BucketNotFoundException when the bucket does not exist
     */
    ObjectInfo stat(String bucket, String key);

    /**
     * @param bucket the bucket
     * @param key the key
     * @return whether the object exists
     * @throws BucketNotFoundException when the bucket does not exist
     */
    default boolean exists(String bucket, String key) {
        try {
            stat(bucket, key);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    // ---- listing ---------------------------------------------------------------------------

    /**
     * Reads one page of a listing.
     *
     * @param bucket the bucket
     * @param options prefix, recursive or by delimiter, page size
     * @param continuationToken {@code null} for the first page, else the previous page's
     *     {@link ObjectPage#nextToken()}
     * @return the page
     * @throws BucketNotFoundException when the bucket does not exist
     */
    ObjectPage listPage(String bucket, ListOptions options, String continuationToken);

    /**
     * Lists objects lazily, a page at a time, so that memory holds one page however many keys
     * match. Prefixes of a delimited listing are left out (use {@link #listPage}). Close the
     * stream if it is not read to the end.
     *
     * @param bucket the bucket
     * @param options prefix, recursive or by delimiter, page size
     * @return the objects in ascending key order
     * @throws BucketNotFoundException when the bucket does not exist (when the first page is read)
     */
    default Stream<ObjectInfo> list(String bucket, ListOptions options) {
        PagedIterator pages = new PagedIterator(this, bucket, options);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /**
     * Lists every object under a prefix, lazily.
     *
     * @param bucket the bucket
     * @param prefix keys start with this; {@code ""} for all
     * @return the objects in ascending key order
     */
    default Stream<ObjectInfo> list(String bucket, String prefix) {
        return list(bucket, ListOptions.recursive(prefix));
    }

    // ---- deleting --------------------------------------------------------------------------

    /**
     * Deletes an object; deleting a missing key succeeds (as in S3).
     *
     * @param bucket the bucket
     * @param key the key
     * @throws BucketNotFoundException when the bucket does not exist
     */
    void delete(String bucket, String key);

    /**
     * Deletes many objects, in batches where the store has them. Failures are returned, not
     * thrown, so one bad key does not hide the others' outcome.
     *
     * @param bucket the bucket
     * @param keys the keys; missing keys count as deleted
     * @return the keys that could not be deleted, with why; empty when all were
     * @throws BucketNotFoundException when the bucket does not exist
     */
    Map<String, AioException> deleteAll(String bucket, Collection<String> keys);

    // ---- presigned URLs --------------------------------------------------------------------

    /**
     * A URL that lets its holder GET the object without credentials until it expires.
     *
     * @param bucket the bucket
     * @param key the key
     * @param expiry how long the URL works; 1 second to 7 days
     * @return the URL
     * @throws UnsupportedCapabilityException without {@link StoreCapability#PRESIGNED_URLS}
     */
    URI presignGet(String bucket, String key, Duration expiry);

    /**
     * A URL that lets its holder PUT the object without credentials until it expires.
     *
     * @param bucket the bucket
     * @param key the key
     * @param expiry how long the URL works; 1 second to 7 days
     * @return the URL
     * @throws UnsupportedCapabilityException without {@link StoreCapability#PRESIGNED_URLS}
     */
    URI presignPut(String bucket, String key, Duration expiry);

    /** Releases connections and threads; the store cannot be used afterwards. Idempotent. */
    @Override
    void close();

}
