package dev.aio.storage.minio;

import dev.aio.core.AioException;
import dev.aio.core.storage.AbstractObjectStore;
import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.ByteRange;
import dev.aio.core.storage.ConflictException;
import dev.aio.core.storage.GetOptions;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectPage;
import dev.aio.core.storage.PutOptions;
import dev.aio.core.storage.PutResult;
import dev.aio.core.storage.StoreCapability;
import dev.aio.storage.minio.internal.CountingInputStream;
import dev.aio.storage.minio.internal.MinioConversions;
import dev.aio.storage.minio.internal.MinioErrors;
import dev.aio.storage.minio.internal.PagingClient;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.ServerSideEncryptionCustomerKey;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.http.Method;
import io.minio.messages.Bucket;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * An {@link dev.aio.core.storage.ObjectStore} on MinIO or any S3 API server, through the MinIO
 * Java client. Built by {@link #builder()}; ready to use when built; thread-safe; close it to
 * release its connection pool.
 *
 * <pre>{@code
 * try (MinioObjectStore store = MinioObjectStore.builder()
 *         .endpoint("http://minio:9000")
 *         .credentials("aio-reader", Secret.fromEnv("MINIO_SECRET_KEY"))
 *         .build()) {
 *     store.checkHealth();
 * }
 * }</pre>
 *
 * <p>Objects larger than {@link MinioObjectStoreBuilder#partSize(long) the part size}, and
 * streams of unknown length, are uploaded in parts; an upload holds up to one part in memory.
 * Server-side encryption (SSE-S3, SSE-KMS, SSE-C) is passed through; the MinIO client allows SSE-KMS and SSE-C only over HTTPS. Failures map to aio's
 * storage exceptions by S3 error code; a transient one ({@link
 * dev.aio.core.storage.StorageUnavailableException}) is retried by the pipeline's
 * {@link dev.aio.core.pipeline.StepPolicy}, not here. No message names a credential.
 */
public final class MinioObjectStore extends AbstractObjectStore {

    /** Default part size (and multipart threshold): 16 MiB. */
    public static final long DEFAULT_PART_SIZE = 16L << 20;
    /** Smallest part size S3 allows: 5 MiB. */
    public static final long MIN_PART_SIZE = 5L << 20;
    /** Default region: {@value}. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** Default connect timeout: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read and write timeout: 60 s. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<StoreCapability> CAPABILITIES = Set.of(StoreCapability.VERSIONING,
            StoreCapability.PRESIGNED_URLS, StoreCapability.SERVER_SIDE_ENCRYPTION);

    private final MinioClient client;
    private final PagingClient paging;
    private final String region;
    private final OkHttpClient http;
    private final String name;
    private final long partSize;

    MinioObjectStore(MinioObjectStoreBuilder b) {
        this.name = "s3:" + b.endpoint;
        this.partSize = b.partSize;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.ioTimeout)
                .writeTimeout(b.ioTimeout)
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
        MinioClient.Builder minio = MinioClient.builder().endpoint(b.endpoint.toString()).region(b.region)
                .httpClient(http);
        if (b.accessKey != null) {
            minio.credentials(b.accessKey, b.secretKey.reveal());
        }
        this.client = minio.build();
        MinioAsyncClient.Builder async = MinioAsyncClient.builder().endpoint(b.endpoint.toString()).region(b.region)
                .httpClient(http);
        if (b.accessKey != null) {
            async.credentials(b.accessKey, b.secretKey.reveal());
        }
        this.paging = new PagingClient(async.build());
        this.region = b.region;
        if (b.pathStyle) {
            client.disableVirtualStyleEndpoint();
            paging.disableVirtualStyleEndpoint();
        } else {
            client.enableVirtualStyleEndpoint();
            paging.enableVirtualStyleEndpoint();
        }
    }

    /** @return a builder with the defaults */
    public static MinioObjectStoreBuilder builder() {
        return new MinioObjectStoreBuilder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return CAPABILITIES;
    }

    /** @return the part size: objects larger than this, and streams of unknown length, go in parts */
    public long partSize() {
        return partSize;
    }

    @Override
    protected Duration doCheckHealth() {
        long start = System.nanoTime();
        try {
            client.listBuckets();
        } catch (Exception e) {
            throw MinioErrors.map(name, null, null, "the health check (listing buckets)", e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // ---- buckets ---------------------------------------------------------------------------

    @Override
    protected boolean doBucketExists(String bucket) {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, null, "checking that the bucket exists", e);
        }
    }

    @Override
    protected boolean doEnsureBucket(String bucket) {
        if (doBucketExists(bucket)) {
            return false;
        }
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            return true;
        } catch (Exception e) {
            if ("BucketAlreadyOwnedByYou".equals(MinioErrors.code(e))) {
                return false;
            }
            throw MinioErrors.map(name, bucket, null, "creating the bucket", e);
        }
    }

    @Override
    protected List<String> doListBuckets() {
        try {
            return client.listBuckets().stream().map(Bucket::name).toList();
        } catch (Exception e) {
            throw MinioErrors.map(name, null, null, "listing buckets", e);
        }
    }

    @Override
    protected void doDeleteBucket(String bucket) {
        try {
            client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            RuntimeException mapped = MinioErrors.map(name, bucket, null, "deleting the bucket", e);
            if ("BucketNotEmpty".equals(MinioErrors.code(e))) {
                mapped = new ConflictException(name, bucket, null,
                        "the bucket is not empty; delete its objects first", e);
            }
            throw mapped;
        }
    }

    // ---- writing ---------------------------------------------------------------------------

    @Override
    protected PutResult doPut(String bucket, String key, InputStream content, long length, PutOptions options) {
        CountingInputStream counted = new CountingInputStream(content);
        PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(bucket).object(key)
                .contentType(options.contentType())
                .userMetadata(options.metadata());
        if (length >= 0 && length <= partSize) {
            args.stream(counted, length, -1);
        } else {
            args.stream(counted, length, partSize);
        }
        if (options.encryption() != null) {
            args.sse(MinioConversions.sse(name, bucket, key, options.encryption()));
        }
        try {
            ObjectWriteResponse response = client.putObject(args.build());
            return new PutResult(bucket, key, MinioConversions.unquote(response.etag()), response.versionId(), counted.count());
        } catch (AioException e) {
            throw e;
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, key, "writing the object", e);
        }
    }

    @Override
    protected PutResult doCopy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        try {
            ObjectWriteResponse response = client.copyObject(CopyObjectArgs.builder().bucket(targetBucket)
                    .object(targetKey).source(CopySource.builder().bucket(sourceBucket).object(sourceKey).build())
                    .build());
            ObjectInfo copy = doStat(targetBucket, targetKey);
            return new PutResult(targetBucket, targetKey, MinioConversions.unquote(response.etag()), response.versionId(), copy.size());
        } catch (AioException e) {
            throw e;
        } catch (Exception e) {
            RuntimeException mapped = MinioErrors.map(name, sourceBucket, sourceKey, "copying the object to bucket "
                    + ObjectNames.quote(targetBucket) + ", key " + ObjectNames.quote(targetKey), e);
            if (mapped instanceof BucketNotFoundException && !sourceBucket.equals(targetBucket)
                    && doBucketExists(sourceBucket)) {
                // Servers do not always say which of the two buckets is missing.
                mapped = new BucketNotFoundException(name, targetBucket, null,
                        "the target bucket does not exist; create it with ensureBucket", e);
            }
            throw refineMissing(mapped, sourceBucket, e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    @Override
    protected InputStream doGet(String bucket, String key, GetOptions options) {
        GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
        ByteRange range = options.range();
        if (range != null) {
            args.offset(range.offset());
            if (!range.toEnd()) {
                args.length(range.length());
            }
        }
        if (options.versionId() != null) {
            args.versionId(options.versionId());
        }
        if (options.encryption() != null) {
            args.ssec((ServerSideEncryptionCustomerKey) MinioConversions.sse(name, bucket, key, options.encryption()));
        }
        try {
            return client.getObject(args.build());
        } catch (Exception e) {
            if (range != null && "InvalidRange".equals(MinioErrors.code(e))) {
                return new ByteArrayInputStream(new byte[0]); // a range starting at or past the end
            }
            throw refineMissing(MinioErrors.map(name, bucket, key, "reading the object", e), bucket, e);
        }
    }

    @Override
    protected ObjectInfo doStat(String bucket, String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return new ObjectInfo(bucket, key, stat.size(), MinioConversions.unquote(stat.etag()), stat.lastModified().toInstant(),
                    stat.versionId(), stat.contentType(), MinioConversions.lowerCaseKeys(stat.userMetadata()));
        } catch (Exception e) {
            throw refineMissing(MinioErrors.map(name, bucket, key, "reading the object's metadata", e), bucket, e);
        }
    }

    /** HEAD answers carry no error body, so a missing bucket looks like a missing key; ask. */
    private RuntimeException refineMissing(RuntimeException mapped, String bucket, Exception cause) {
        if (mapped instanceof ObjectNotFoundException && !(mapped instanceof BucketNotFoundException)) {
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    return new BucketNotFoundException(name, bucket, null,
                            "the bucket does not exist; create it with ensureBucket", cause);
                }
            } catch (Exception ignored) {
                // Keep the first answer.
            }
        }
        return mapped;
    }

    // ---- listing ---------------------------------------------------------------------------

    @Override
    protected ObjectPage doListPage(String bucket, ListOptions options, String continuationToken) {
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        PagingClient.Page page;
        try {
            page = paging.page(bucket, region, options.prefix(), options.recursive(), options.pageSize(),
                    continuationToken);
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, null, "listing prefix " + ObjectNames.quote(options.prefix()), e);
        }
        for (Item item : page.entries()) {
            if (item.isDir()) {
                prefixes.add(item.objectName());
            } else {
                objects.add(new ObjectInfo(bucket, item.objectName(), item.size(), MinioConversions.unquote(item.etag()),
                        item.lastModified().toInstant(), item.versionId(), null, Map.of()));
            }
        }
        return new ObjectPage(objects, prefixes, page.nextToken());
    }

    // ---- deleting --------------------------------------------------------------------------

    @Override
    protected void doDelete(String bucket, String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, key, "deleting the object", e);
        }
    }

    @Override
    protected Map<String, AioException> doDeleteAll(String bucket, List<String> keys) {
        List<DeleteObject> objects = keys.stream().map(DeleteObject::new).toList();
        Map<String, AioException> failures = new LinkedHashMap<>();
        try {
            for (Result<DeleteError> result : client.removeObjects(
                    RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
                DeleteError error = result.get();
                RuntimeException mapped = MinioErrors.map(name, bucket, error.objectName(), "deleting the object",
                        new io.minio.errors.ErrorResponseException(error, null, null));
                if (mapped instanceof BucketNotFoundException missing) {
                    throw missing;
                }
                failures.put(error.objectName(), (AioException) mapped);
            }
        } catch (AioException e) {
            throw e;
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, null, "deleting " + keys.size() + " objects", e);
        }
        return failures;
    }

    // ---- presigned URLs --------------------------------------------------------------------

    @Override
    protected URI doPresign(String method, String bucket, String key, Duration expiry) {
        try {
            return URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method("PUT".equals(method) ? Method.PUT : Method.GET).bucket(bucket).object(key)
                    .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS).build()));
        } catch (Exception e) {
            throw MinioErrors.map(name, bucket, key, "presigning a " + method + " URL", e);
        }
    }

    /** Releases the HTTP connection pool and dispatcher threads. Idempotent. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
