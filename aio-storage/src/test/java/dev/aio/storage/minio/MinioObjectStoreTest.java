package dev.aio.storage.minio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.PutResult;
import dev.aio.core.storage.StoreCapability;
import dev.aio.storage.ObjectStoreContract;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MinIO store passes the contract against a real S3 server (S3Proxy) over loopback. */
class MinioObjectStoreTest extends ObjectStoreContract {

    @TempDir
    static Path dir;

    private static S3ProxyServer server;
    private static MinioObjectStore store;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
        store = server.storeBuilder().partSize(MinioObjectStore.MIN_PART_SIZE).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Test
    void anObjectLargerThanThePartSizeIsUploadedInParts() {
        byte[] body = new byte[(int) MinioObjectStore.MIN_PART_SIZE + 1024];
        PutResult put = store.put(bucket, "parts.bin", new ByteArrayInputStream(body), body.length,
                dev.aio.core.storage.PutOptions.defaults());
        // S3 gives a multipart upload the ETag "<md5 of the part md5s>-<part count>".
        assertThat(put.etag()).endsWith("-2");
        assertThat(store.stat(bucket, "parts.bin").size()).isEqualTo(body.length);
    }

    @Test
    void theStoreIsNamedForItsEndpointWithoutCredentials() {
        assertThat(store.name()).isEqualTo("s3:" + server.endpoint());
        assertThat(store.toString()).doesNotContain(S3ProxyServer.SECRET_KEY.reveal())
                .doesNotContain(S3ProxyServer.ACCESS_KEY);
        assertThat(store.capabilities()).contains(StoreCapability.PRESIGNED_URLS);
    }

    @Test
    void sseS3IsPassedThroughAndAServerWithoutItRefusesItAsUnsupportedNotAsTransient() {
        // S3Proxy implements no server-side encryption: its 501 proves the header reached it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put(bucket, "sse.txt", new byte[] {1},
                dev.aio.core.storage.PutOptions.builder().encryption(dev.aio.core.storage.Encryption.s3()).build()))
                .isInstanceOf(dev.aio.core.storage.UnsupportedCapabilityException.class)
                .hasMessageContaining("NotImplemented").hasMessageContaining("sse.txt")
                .matches(e -> !((dev.aio.core.AioException) e).isRetriable());
        assertThat(store.exists(bucket, "sse.txt")).isFalse();
    }

    @Test
    void sseWithACustomerKeyIsRefusedOverPlainHttpWithoutShowingTheKey() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put(bucket, "ssec.txt", new byte[] {1},
                dev.aio.core.storage.PutOptions.builder()
                        .encryption(dev.aio.core.storage.Encryption.customerKey(dev.aio.core.Secret.of(key))).build()))
                .isInstanceOf(dev.aio.core.storage.StorageRequestException.class).hasMessageContaining("ssec.txt")
                .hasMessageNotContaining(key);
        assertThat(store.exists(bucket, "ssec.txt")).isFalse();
    }
}
