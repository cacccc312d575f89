package dev.aio.vector.weaviate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.Secret;
import dev.aio.core.vector.Similarity;
import dev.aio.vector.weaviate.internal.WeaviateHttp;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Builds a {@link WeaviateVectorStore}. Every setting may be set once; a second call, an invalid
 * value or a null fails at once with a message naming the value. Only {@link #url(String)} is
 * required. Not thread-safe.
 *
 * <pre>{@code
 * try (WeaviateVectorStore store = WeaviateVectorStore.builder()
 *         .url("http://localhost:8080")
 *         .apiKey(Secret.fromEnv("WEAVIATE_API_KEY"))
 *         .className("Chunks")
 *         .build()) {
 *     store.upsert(records);
 * }
 * }</pre>
 */
public final class WeaviateVectorStoreBuilder {

    /** The class records are stored in unless {@link #className(String)} says otherwise. */
    public static final String DEFAULT_CLASS_NAME = "AioChunk";
    /** Objects sent per {@code /v1/batch/objects} request by default. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The largest batch size accepted. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The limit for one HTTP call by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // Weaviate class names start with a capital letter.
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][_0-9A-Za-z]{0,254}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    private HttpUrl url;
    private Secret apiKey;
    private String className;
    private String name;
    private Similarity similarity;
    private Integer dimensions;
    private Boolean multiTenancy;
    private Integer batchSize;
    private Duration timeout;
    private String backupBucket;
    private String backupPath;

    WeaviateVectorStoreBuilder() {
    }

    private static void once(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " was already set to " + current);
        }
    }

    /**
     * @param url Weaviate's root URL, e.g. {@code http://localhost:8080}; http or https
     * @return this builder
     */
    public WeaviateVectorStoreBuilder url(String url) {
        once(this.url, "url");
        Objects.requireNonNull(url, "url");
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("url '" + Secret.redactUrl(url)
                    + "' is not an http or https URL, e.g. http://localhost:8080");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new IllegalArgumentException("url must not carry credentials; pass the key to apiKey(...)");
        }
        this.url = parsed.newBuilder().encodedPath(parsed.encodedPath().endsWith("/") ? parsed.encodedPath()
                : parsed.encodedPath() + "/").build();
        return this;
    }

    /**
     * @param apiKey the API key, sent as a bearer token; never logged or put in a message
     * @return this builder
     */
    public WeaviateVectorStoreBuilder apiKey(Secret apiKey) {
        once(this.apiKey, "apiKey");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    /**
     * @param className the Weaviate class: a capital letter, then letters, digits or {@code _};
     *     default {@value #DEFAULT_CLASS_NAME}
     * @return this builder
     */
    public WeaviateVectorStoreBuilder className(String className) {
        once(this.className, "className");
        Objects.requireNonNull(className, "className");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("className '" + className + "' is not a Weaviate class name: it must start "
                    + "with a capital letter, then letters, digits or '_' (e.g. 'Chunks')");
        }
        this.className = className;
        return this;
    }

    /**
     * @param name the store's name in messages and lineage; default {@code weaviate:<className>}
     * @return this builder
     */
    public WeaviateVectorStoreBuilder name(String name) {
        once(this.name, "name");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        this.name = name;
        return this;
    }

    /**
     * @param similarity cosine (default) or dot product; must match an existing class's distance
     * @return this builder
     */
    public WeaviateVectorStoreBuilder similarity(Similarity similarity) {
        once(this.similarity, "similarity");
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        return this;
    }

    /**
     * @param dimensions the vector length, positive; by default taken from stored records or the first upsert
     * @return this builder
     */
    public WeaviateVectorStoreBuilder dimensions(int dimensions) {
        once(this.dimensions, "dimensions");
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
        }
        this.dimensions = dimensions;
        return this;
    }

    /**
     * @param multiTenancy whether the class is multi-tenant (default {@code true}); without it
     *     the store refuses tenants
     * @return this builder
     */
    public WeaviateVectorStoreBuilder multiTenancy(boolean multiTenancy) {
        once(this.multiTenancy, "multiTenancy");
        this.multiTenancy = multiTenancy;
        return this;
    }

    /**
     * @param batchSize objects per batch request, 1 to {@value #MAX_BATCH_SIZE}; default {@value #DEFAULT_BATCH_SIZE}
     * @return this builder
     */
    public WeaviateVectorStoreBuilder batchSize(int batchSize) {
        once(this.batchSize, "batchSize");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be in [1, " + MAX_BATCH_SIZE + "], was " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @param timeout the limit for one HTTP call, positive; default 30 seconds
     * @return this builder
     */
    public WeaviateVectorStoreBuilder timeout(Duration timeout) {
        once(this.timeout, "timeout");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * @param bucket the S3 bucket backups go to, overriding the server's {@code BACKUP_S3_BUCKET}
     * @return this builder
     */
    public WeaviateVectorStoreBuilder backupBucket(String bucket) {
        once(this.backupBucket, "backupBucket");
        Objects.requireNonNull(bucket, "backupBucket");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("backupBucket '" + bucket + "' is not an S3 bucket name: 3 to 63 "
                    + "lower-case letters, digits, '.' or '-'");
        }
        this.backupBucket = bucket;
        return this;
    }

    /**
     * @param path the key prefix backups go to in the bucket, overriding {@code BACKUP_S3_PATH}
     * @return this builder
     */
    public WeaviateVectorStoreBuilder backupPath(String path) {
        once(this.backupPath, "backupPath");
        Objects.requireNonNull(path, "backupPath");
        if (path.isBlank()) {
            throw new IllegalArgumentException("backupPath is blank");
        }
        this.backupPath = path;
        return this;
    }

    /**
     * Connects, creates the class if absent (or checks that an existing one fits), and reads
     * its tenants. The store is ready when this returns.
     *
     * @return the store
     * @throws IllegalStateException when no url was set
     * @throws dev.aio.core.vector.VectorStoreException when the class exists but does not fit
     * @throws dev.aio.core.vector.VectorStoreUnavailableException when Weaviate cannot be reached
     */
    public WeaviateVectorStore build() {
        if (url == null) {
            throw new IllegalStateException("url is required, e.g. builder().url(\"http://localhost:8080\")");
        }
        return new WeaviateVectorStore(this,
                new WeaviateHttp(name(), url, apiKey, timeout == null ? DEFAULT_TIMEOUT : timeout, new ObjectMapper()));
    }

    String className() {
        return className == null ? DEFAULT_CLASS_NAME : className;
    }

    String name() {
        return name == null ? "weaviate:" + className() : name;
    }

    Similarity similarity() {
        return similarity == null ? Similarity.COSINE : similarity;
    }

    int dimensions() {
        return dimensions == null ? 0 : dimensions;
    }

    boolean multiTenancy() {
        return multiTenancy == null || multiTenancy;
    }

    int batchSize() {
        return batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    }

    String backupBucket() {
        return backupBucket;
    }

    String backupPath() {
        return backupPath;
    }
}
