package dev.aio.storage.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.Secret;
import dev.aio.core.storage.AccessDeniedException;
import dev.aio.core.storage.StorageUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejected credentials fail as access denied, and no secret reaches a message, a trace or a log. */
class MinioCredentialsTest {

    private static final Secret WRONG = Secret.of("wrong-secret-value-7f3a9c");

    @TempDir
    static Path dir;

    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aWrongSecretKeyFailsAsAccessDeniedAndNoSecretAppearsInTheErrorOrTheLogs() {
        String logs = captureLogs(() -> {
            try (MinioObjectStore store = MinioObjectStore.builder().endpoint(server.endpoint())
                    .credentials(S3ProxyServer.ACCESS_KEY, WRONG).build()) {
                assertThatThrownBy(store::checkHealth).isInstanceOf(AccessDeniedException.class)
                        .satisfies(e -> assertNoSecretIn(trace(e)))
                        .hasMessageContaining("check the access key, the secret key");
                assertThatThrownBy(() -> store.put("any-bucket", "k", new byte[] {1}))
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("any-bucket")
                        .satisfies(e -> assertNoSecretIn(trace(e)));
                assertThatThrownBy(() -> store.getBytes("any-bucket", "k")).isInstanceOf(AccessDeniedException.class)
                        .satisfies(e -> assertNoSecretIn(trace(e)));
            }
        });
        assertNoSecretIn(logs);
    }

    @Test
    void anUnknownAccessKeyFailsAsAccessDenied() {
        try (MinioObjectStore store = MinioObjectStore.builder().endpoint(server.endpoint())
                .credentials("nobody", S3ProxyServer.SECRET_KEY).build()) {
            assertThatThrownBy(store::listBuckets).isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertNoSecretIn(trace(e)));
        }
    }

    @Test
    void anEndpointWithNothingListeningFailsAsRetriableStorageUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (MinioObjectStore store = MinioObjectStore.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build()) {
            assertThatThrownBy(store::checkHealth).isInstanceOf(StorageUnavailableException.class)
                    .matches(e -> ((StorageUnavailableException) e).isRetriable())
                    .hasMessageContaining("127.0.0.1:" + port)
                    .satisfies(e -> assertNoSecretIn(trace(e)));
        }
    }

    @Test
    void theBuilderRefusesCredentialsInTheEndpointWithoutRepeatingThem() {
        assertThatThrownBy(() -> MinioObjectStore.builder().endpoint("http://user:" + WRONG.reveal() + "@127.0.0.1:9000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials(...)")
                .satisfies(e -> assertNoSecretIn(trace(e)));
    }

    @Test
    void anEndpointThatDoesNotParseIsQuotedWithoutItsPassword() {
        assertThatThrownBy(() -> MinioObjectStore.builder().endpoint("http://user:" + WRONG.reveal() + "@ho st:9000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ho st:9000")
                .satisfies(e -> assertNoSecretIn(trace(e)));
    }

    @Test
    void theBuilderRefusesATooSmallPartSizeAndAValueSetTwice() {
        assertThatThrownBy(() -> MinioObjectStore.builder().partSize(1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> MinioObjectStore.builder().endpoint("http://a:1").endpoint("http://b:2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> MinioObjectStore.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint");
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(WRONG.reveal()).doesNotContain(S3ProxyServer.SECRET_KEY.reveal());
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out + "\n" + e;
    }

    /** Runs the action with System.err (slf4j-simple's target) and java.util.logging captured. */
    private static String captureLogs(Runnable action) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder jul = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                jul.append(record.getLevel()).append(' ').append(record.getMessage()).append('\n');
                if (record.getThrown() != null) {
                    jul.append(trace(record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        PrintStream err = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
            root.removeHandler(handler);
            root.setLevel(level);
        }
        return bytes.toString(StandardCharsets.UTF_8) + jul;
    }
}
