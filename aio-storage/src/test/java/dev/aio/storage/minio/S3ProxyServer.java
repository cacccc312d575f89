package dev.aio.storage.minio;

import dev.aio.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** A real S3 API server (S3Proxy over a folder) on 127.0.0.1 and a random port, for tests. */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "aio-test-access";
    static final Secret SECRET_KEY = Secret.of("aio-test-secret-0123456789-do-not-leak");

    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    static S3ProxyServer start(Path dir) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY.reveal())
                .build();
        proxy.start();
        return new S3ProxyServer(proxy);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    MinioObjectStoreBuilder storeBuilder() {
        return MinioObjectStore.builder().endpoint(endpoint()).credentials(ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping S3Proxy failed", e);
        }
    }
}
