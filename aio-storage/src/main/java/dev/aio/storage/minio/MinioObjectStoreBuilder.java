package dev.aio.storage.minio;

import dev.aio.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link MinioObjectStore}. Validates each value as it is set and refuses a value
 * set twice; {@link #build()} returns a store ready to use. Not thread-safe.
 */
public final class MinioObjectStoreBuilder {

    URI endpoint;
    String region;
    String accessKey;
    Secret secretKey;
    private Boolean pathStyleSet;
    boolean pathStyle = true;
    long partSize = MinioObjectStore.DEFAULT_PART_SIZE;
    private boolean partSizeSet;
    Duration connectTimeout = MinioObjectStore.DEFAULT_CONNECT_TIMEOUT;
    Duration ioTimeout = MinioObjectStore.DEFAULT_IO_TIMEOUT;

    MinioObjectStoreBuilder() {
    }

    /**
     * @param url the server, such as {@code http://127.0.0.1:9000} or {@code https://s3.amazonaws.com};
     *     no path, query or user info
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is not such a URL or already set
     */
    public MinioObjectStoreBuilder endpoint(String url) {
        if (endpoint != null) {
            throw new IllegalArgumentException("endpoint was already set to " + endpoint);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (RuntimeException e) {
            // Not chained: the cause's message quotes the URL whole, credentials included.
            throw new IllegalArgumentException("endpoint '" + Secret.redactUrl(url)
                    + "' is not a URL such as http://127.0.0.1:9000");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint must not carry credentials; pass them to credentials(...)");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("endpoint '" + Secret.redactUrl(url)
                    + "' must be http(s)://host[:port] with no path or query, such as http://127.0.0.1:9000");
        }
        endpoint = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        return this;
    }

    /**
     * @param name the region, such as {@code eu-west-1}; default {@value MinioObjectStore#DEFAULT_REGION}
     * @return this builder
     */
    public MinioObjectStoreBuilder region(String name) {
        if (region != null) {
            throw new IllegalArgumentException("region was already set to '" + region + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        region = name;
        return this;
    }

    /**
     * @param accessKeyId the access key id (an identifier, not secret)
     * @param secretAccessKey the secret key; never shown
     * @return this builder
     */
    public MinioObjectStoreBuilder credentials(String accessKeyId, Secret secretAccessKey) {
        if (accessKey != null) {
            throw new IllegalArgumentException("credentials were already set");
        }
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("the access key id must not be blank");
        }
        accessKey = accessKeyId;
        secretKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        return this;
    }

    /**
     * @param enabled {@code true} (default) for {@code http://host/bucket/key} URLs, as MinIO and
     *     S3Proxy need; {@code false} for virtual-host style {@code http://bucket.host/key}
     * @return this builder
     */
    public MinioObjectStoreBuilder pathStyle(boolean enabled) {
        if (pathStyleSet != null) {
            throw new IllegalArgumentException("pathStyle was already set to " + pathStyle);
        }
        pathStyleSet = enabled;
        pathStyle = enabled;
        return this;
    }

    /**
     * @param bytes the size of one part of a multipart upload, and the size above which an
     *     upload goes in parts; 5 MiB to 5 GiB; default 16 MiB
     * @return this builder
     */
    public MinioObjectStoreBuilder partSize(long bytes) {
        if (partSizeSet) {
            throw new IllegalArgumentException("partSize was already set to " + partSize);
        }
        if (bytes < MinioObjectStore.MIN_PART_SIZE || bytes > (5L << 30)) {
            throw new IllegalArgumentException("partSize must be between 5 MiB (" + MinioObjectStore.MIN_PART_SIZE
                    + ") and 5 GiB, got " + bytes);
        }
        partSizeSet = true;
        partSize = bytes;
        return this;
    }

    /**
     * @param connect the connect timeout; positive
     * @param io the read and write timeout; positive
     * @return this builder
     */
    public MinioObjectStoreBuilder timeouts(Duration connect, Duration io) {
        if (connect == null || connect.isNegative() || connect.isZero() || io == null || io.isNegative()
                || io.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got connect=" + connect + ", io=" + io);
        }
        connectTimeout = connect;
        ioTimeout = io;
        return this;
    }

    /**
     * @return the store, ready to use
     * @throws IllegalStateException when the endpoint is missing
     */
    public MinioObjectStore build() {
        if (endpoint == null) {
            throw new IllegalStateException("a MinioObjectStore needs an endpoint, such as http://127.0.0.1:9000");
        }
        if (region == null) {
            region = MinioObjectStore.DEFAULT_REGION;
        }
        return new MinioObjectStore(this);
    }
}
