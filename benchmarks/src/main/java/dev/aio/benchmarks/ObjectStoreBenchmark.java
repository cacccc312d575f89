package dev.aio.benchmarks;

import dev.aio.core.Secret;
import dev.aio.core.storage.ObjectStore;
import dev.aio.storage.minio.MinioObjectStore;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * S1: put and get of 4 KiB objects through aio's {@link MinioObjectStore} versus the raw MinIO
 * client, both against the same in-process S3 server (S3Proxy over its in-memory blob store, on
 * loopback) in the same run. The ratio is aio's overhead over the client it wraps; the target is
 * at most 1.10.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObjectStoreBenchmark {

    private static final String ACCESS_KEY = "bench-access";
    private static final Secret SECRET_KEY = Secret.of("bench-secret-key-not-a-real-one");
    private static final String BUCKET = "bench";
    private static final int OBJECT_BYTES = 4 * 1024;
    private static final int KEYS = 256;

    private S3Proxy proxy;
    private okhttp3.OkHttpClient rawHttp;
    private MinioClient raw;
    private ObjectStore aio;
    private byte[] body;
    private String[] keys;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY.reveal())
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        // The raw client is configured as MinioObjectStore configures its own (region, HTTP/1.1),
        // so the ratio isolates aio's layer; its HTTP client is ours to shut down, so the fork exits.
        rawHttp = new okhttp3.OkHttpClient.Builder().protocols(java.util.List.of(okhttp3.Protocol.HTTP_1_1)).build();
        raw = MinioClient.builder().endpoint(endpoint).region(MinioObjectStore.DEFAULT_REGION)
                .credentials(ACCESS_KEY, SECRET_KEY.reveal()).httpClient(rawHttp).build();
        raw.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        aio = MinioObjectStore.builder().endpoint(endpoint).credentials(ACCESS_KEY, SECRET_KEY).build();
        body = new byte[OBJECT_BYTES];
        new Random(42).nextBytes(body);
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "objects/" + i + ".bin";
            aio.put(BUCKET, keys[i], body);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        aio.close();
        rawHttp.dispatcher().executorService().shutdown();
        rawHttp.connectionPool().evictAll();
        proxy.stop();
    }

    private String nextKey() {
        next = (next + 1) % KEYS;
        return keys[next];
    }

    @Benchmark
    public Object aioPut() {
        return aio.put(BUCKET, nextKey(), body);
    }

    @Benchmark
    public Object rawPut() throws Exception {
        return raw.putObject(PutObjectArgs.builder().bucket(BUCKET).object(nextKey())
                .stream(new ByteArrayInputStream(body), body.length, -1)
                .contentType("application/octet-stream").build());
    }

    @Benchmark
    public byte[] aioGet() {
        return aio.getBytes(BUCKET, nextKey());
    }

    @Benchmark
    public byte[] rawGet() throws Exception {
        try (InputStream in = raw.getObject(GetObjectArgs.builder().bucket(BUCKET).object(nextKey()).build())) {
            return in.readAllBytes();
        }
    }
}
