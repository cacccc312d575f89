package dev.aio.spring.boot.internal;

import dev.aio.core.AioException;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectStore;
import dev.aio.spring.boot.AioProperties;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.storage.minio.MinioObjectStore;
import dev.aio.storage.minio.MinioObjectStoreBuilder;
import java.nio.file.Path;

/** Builds the object store {@code aio.object-store.*} describes. */
public final class ObjectStores {

    static final String PREFIX = "aio.object-store.";

    private ObjectStores() {
    }

    /**
     * @param p the properties
     * @return the store, ready to use; the caller closes it
     */
    public static ObjectStore create(AioProperties.ObjectStore p) {
        String bucket = bucket(p);
        prefix(p, bucket);
        return switch (p.type()) {
            case FILESYSTEM -> filesystem(p.filesystem());
            case S3 -> s3(p.s3());
        };
    }

    /**
     * @param p the properties
     * @return the configured bucket, checked
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
     *     when it is missing or not a valid bucket name
     */
    public static String bucket(AioProperties.ObjectStore p) {
        String bucket = Props.require(p.bucket(), PREFIX + "bucket", "(the bucket aio ingests and health-checks)");
        return Props.apply(PREFIX + "bucket", bucket, () -> ObjectNames.requireValidBucket(bucket));
    }

    /**
     * @param p the properties
     * @param bucket the checked bucket
     * @return the configured prefix, checked
     */
    public static String prefix(AioProperties.ObjectStore p, String bucket) {
        return Props.apply(PREFIX + "prefix", p.prefix(), () -> ObjectNames.requireValidPrefix(bucket, p.prefix()));
    }

    private static ObjectStore filesystem(AioProperties.Filesystem p) {
        Path root = Props.require(p.root(), PREFIX + "filesystem.root", "when " + PREFIX + "type=filesystem");
        try {
            return FileSystemObjectStore.at(root);
        } catch (AioException e) {
            throw Props.missing(PREFIX + "filesystem.root", "to be a folder aio can create and write ("
                    + root + ": " + e.getMessage() + ")");
        }
    }

    private static ObjectStore s3(AioProperties.S3 p) {
        Props.requireClass("io.minio.MinioClient", PREFIX + "type=s3", "io.minio:minio");
        String when = "when " + PREFIX + "type=s3";
        String endpoint = Props.require(p.endpoint(), PREFIX + "s3.endpoint", when);
        String accessKey = Props.require(p.accessKey(), PREFIX + "s3.access-key", when);
        Props.require(p.secretKey(), PREFIX + "s3.secret-key", when);
        MinioObjectStoreBuilder b = MinioObjectStore.builder();
        Props.apply(PREFIX + "s3.endpoint", endpoint, () -> b.endpoint(endpoint));
        if (p.region() != null) {
            Props.apply(PREFIX + "s3.region", p.region(), () -> b.region(p.region()));
        }
        Props.apply(PREFIX + "s3.access-key", accessKey, () -> b.credentials(accessKey, p.secretKey()));
        b.pathStyle(p.pathStyle());
        Props.apply(PREFIX + "s3.connect-timeout", p.connectTimeout() + " / io-timeout " + p.ioTimeout(),
                () -> b.timeouts(p.connectTimeout(), p.ioTimeout()));
        return b.build();
    }
}
