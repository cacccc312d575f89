package dev.aio.core.storage;

import dev.aio.core.AioException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The base of every {@link ObjectStore} provider: the public methods are final and validate
 * bucket names, keys, prefixes, options and {@linkplain #capabilities() capabilities}, then call
 * the protected {@code do...} hooks, which see only valid input. A provider implements the hooks
 * and maps its own failures to the storage exceptions of this package.
 *
 * <p>Subclasses must be thread-safe.
 */
public abstract class AbstractObjectStore implements ObjectStore {

    /** The longest expiry of a presigned URL: 7 days, as in S3. */
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

    /** For subclasses. */
    protected AbstractObjectStore() {
    }

    // ---- hooks -----------------------------------------------------------------------------

    /** @return how long a health probe took; see {@link #checkHealth()} */
    protected abstract Duration doCheckHealth();

    /** @param bucket a valid bucket name @return whether it exists */
    protected abstract boolean doBucketExists(String bucket);

    /** @param bucket a valid bucket name @return whether this call created it */
    protected abstract boolean doEnsureBucket(String bucket);

    /** @return every bucket's name, in any order */
    protected abstract List<String> doListBuckets();

    /** @param bucket a valid bucket name; delete it if empty */
    protected abstract void doDeleteBucket(String bucket);

    /**
     * Writes an object.
     *
     * @param bucket a valid bucket
     * @param key a valid key
     * @param content the bytes; when {@code length >= 0} it ends after exactly {@code length}
     *     bytes and throws {@link StorageRequestException} from {@code read} if it ends earlier
     * @param length the length, or -1
     * @param options validated; encryption present only if the store declared the capability
     * @return the result
     */
    protected abstract PutResult doPut(String bucket, String key, InputStream content, long length, PutOptions options);

    /**
     * @param bucket a valid bucket
     * @param key a valid key
     * @param options validated against the capabilities
     * @return the bytes
     */
    protected abstract InputStream doGet(String bucket, String key, GetOptions options);

    /** @param bucket a valid bucket @param key a valid key @return what the store knows */
    protected abstract ObjectInfo doStat(String bucket, String key);

    /**
     * @param bucket a valid bucket
     * @param options validated
     * @param continuationToken null for the first page
     * @return the page
     */
    protected abstract ObjectPage doListPage(String bucket, ListOptions options, String continuationToken);

    /** @param bucket a valid bucket @param key a valid key; a missing key is not an error */
    protected abstract void doDelete(String bucket, String key);

    /**
     * Deletes many keys; by default one {@link #doDelete} after another. Stores with batch
     * deletes override it.
     *
     * @param bucket a valid bucket
     * @param keys valid, distinct keys
     * @return failures by key
     */
    protected Map<String, AioException> doDeleteAll(String bucket, List<String> keys) {
        Map<String, AioException> failures = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                doDelete(bucket, key);
            } catch (BucketNotFoundException e) {
                throw e;
            } catch (AioException e) {
                failures.put(key, e);
            }
        }
        return failures;
    }

    /**
     * @param sourceBucket valid
     * @param sourceKey valid
     * @param targetBucket valid
     * @param targetKey valid
     * @return the copy's result
     */
    protected abstract PutResult doCopy(String sourceBucket, String sourceKey, String targetBucket, String targetKey);

    /**
     * Makes a presigned URL; called only when {@link StoreCapability#PRESIGNED_URLS} is declared.
     *
     * @param method {@code "GET"} or {@code "PUT"}
     * @param bucket valid
     * @param key valid
     * @param expiry between 1 second and {@link #MAX_PRESIGN_EXPIRY}
     * @return the URL
     */
    protected URI doPresign(String method, String bucket, String key, Duration expiry) {
        throw new UnsupportedCapabilityException(name(), bucket, key,
                "the store declares PRESIGNED_URLS but does not implement doPresign", null);
    }

    // ---- the validated API -----------------------------------------------------------------

    @Override
    public final Duration checkHealth() {
        return doCheckHealth();
    }

    @Override
    public final boolean bucketExists(String bucket) {
        return doBucketExists(ObjectNames.requireValidBucket(bucket));
    }

    @Override
    public final boolean ensureBucket(String bucket) {
        return doEnsureBucket(ObjectNames.requireValidBucket(bucket));
    }

    @Override
    public final List<String> listBuckets() {
        List<String> names = new ArrayList<>(doListBuckets());
        names.sort(null);
        return List.copyOf(names);
    }

    @Override
    public final void deleteBucket(String bucket) {
        doDeleteBucket(ObjectNames.requireValidBucket(bucket));
    }

    @Override
    public final PutResult put(String bucket, String key, InputStream content, long length, PutOptions options) {
        validate(bucket, key);
        Objects.requireNonNull(content, "content");
        if (length < -1) {
            throw new IllegalArgumentException("length must be >= 0, or -1 when unknown, got " + length);
        }
        return doPut(bucket, key, length < 0 ? content : new ExactLengthInputStream(content, length, this, bucket, key),
                length, checkPut(bucket, key, options));
    }

    @Override
    public final PutResult put(String bucket, String key, byte[] content, PutOptions options) {
        validate(bucket, key);
        Objects.requireNonNull(content, "content");
        return doPut(bucket, key, new ByteArrayInputStream(content), content.length, checkPut(bucket, key, options));
    }

    @Override
    public final PutResult copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        validate(sourceBucket, sourceKey);
        validate(targetBucket, targetKey);
        return doCopy(sourceBucket, sourceKey, targetBucket, targetKey);
    }

    @Override
    public final InputStream get(String bucket, String key, GetOptions options) {
        validate(bucket, key);
        Objects.requireNonNull(options, "options");
        if (options.versionId() != null) {
            require(StoreCapability.VERSIONING, bucket, key, "reading a given version");
        }
        if (options.encryption() != null) {
            require(StoreCapability.SERVER_SIDE_ENCRYPTION, bucket, key, "reading with an SSE-C key");
        }
        return doGet(bucket, key, options);
    }

    @Override
    public final ObjectInfo stat(String bucket, String key) {
        validate(bucket, key);
        return doStat(bucket, key);
    }

    @Override
    public final ObjectPage listPage(String bucket, ListOptions options, String continuationToken) {
        ObjectNames.requireValidBucket(bucket);
        Objects.requireNonNull(options, "options");
        if (continuationToken != null && continuationToken.isEmpty()) {
            throw new IllegalArgumentException("a continuation token must be null (first page) or a page's nextToken");
        }
        return doListPage(bucket, options, continuationToken);
    }

    @Override
    public final void delete(String bucket, String key) {
        validate(bucket, key);
        doDelete(bucket, key);
    }

    @Override
    public final Map<String, AioException> deleteAll(String bucket, Collection<String> keys) {
        ObjectNames.requireValidBucket(bucket);
        Objects.requireNonNull(keys, "keys");
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        for (String key : distinct) {
            ObjectNames.requireValidKey(bucket, key);
        }
        return distinct.isEmpty() ? Map.of() : Map.copyOf(doDeleteAll(bucket, distinct));
    }

    @Override
    public final URI presignGet(String bucket, String key, Duration expiry) {
        return presign("GET", bucket, key, expiry);
    }

    @Override
    public final URI presignPut(String bucket, String key, Duration expiry) {
        return presign("PUT", bucket, key, expiry);
    }

    private URI presign(String method, String bucket, String key, Duration expiry) {
        validate(bucket, key);
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("a presigned URL's expiry must be between 1 second and 7 days, got " + expiry);
        }
        require(StoreCapability.PRESIGNED_URLS, bucket, key, "a presigned " + method + " URL");
        return doPresign(method, bucket, key, expiry);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + "]";
    }

    private static void validate(String bucket, String key) {
        ObjectNames.requireValidBucket(bucket);
        ObjectNames.requireValidKey(bucket, key);
    }

    private PutOptions checkPut(String bucket, String key, PutOptions options) {
        Objects.requireNonNull(options, "options (use PutOptions.defaults())");
        if (options.encryption() != null) {
            require(StoreCapability.SERVER_SIDE_ENCRYPTION, bucket, key, options.encryption() + " encryption");
        }
        return options;
    }

    private void require(StoreCapability capability, String bucket, String key, String what) {
        Set<StoreCapability> have = capabilities();
        if (!have.contains(capability)) {
            throw new UnsupportedCapabilityException(name(), bucket, key, what + " needs the capability "
                    + capability + ", which this store does not have (it has " + have + ")", null);
        }
    }
}
