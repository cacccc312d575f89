package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.storage.ObjectStore;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

class HealthTest {

    private static final String SECRET = "health-secret-0123456789";

    @TempDir
    Path dir;

    private static Health part(AssertableApplicationContext context, String name) {
        CompositeHealthContributor aio = context.getBean("aioHealthContributor", CompositeHealthContributor.class);
        return ((HealthIndicator) aio.getContributor(name)).health();
    }

    @Test
    void theObjectStoreIsUpWhenItsBucketExistsAndDownWhenItDoesNot() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> {
                    Health h = part(context, "objectStore");
                    assertThat(h.getStatus()).isEqualTo(Status.UP);
                    assertThat(h.getDetails()).containsEntry("bucket", "docs");
                });
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=gone", "aio.object-store.filesystem.root=" + dir)
                .run(context -> {
                    Health h = part(context, "objectStore");
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails().get("error").toString()).contains("'gone' does not exist");
                });
    }

    @Test
    void anS3EndpointOnAClosedPortIsDownWithoutTheSecret() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again when the test connects: nothing listens
        }
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=http://127.0.0.1:" + port, "aio.object-store.s3.access-key=id",
                "aio.object-store.s3.secret-key=" + SECRET, "aio.object-store.s3.connect-timeout=2s",
                "aio.object-store.s3.io-timeout=2s").run(context -> {
                    Health h = part(context, "objectStore");
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails().toString()).contains("127.0.0.1:" + port).doesNotContain(SECRET);
                });
    }

    @Test
    void aRealS3ServerIsUpOnceTheBucketExists() throws Exception {
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "health-id", SECRET).build();
        proxy.start();
        try {
            Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                    "aio.object-store.s3.endpoint=http://127.0.0.1:" + proxy.getPort(),
                    "aio.object-store.s3.access-key=health-id", "aio.object-store.s3.secret-key=" + SECRET)
                    .run(context -> {
                        assertThat(part(context, "objectStore").getStatus()).isEqualTo(Status.DOWN);
                        context.getBean(ObjectStore.class).ensureBucket("docs");
                        assertThat(part(context, "objectStore").getStatus()).isEqualTo(Status.UP);
                    });
        } finally {
            proxy.stop();
        }
    }

    @Test
    void theVectorStoreReportsItsRecordCountAndTheModelItsNameButNeverItsKey() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.llm.provider=openai", "aio.llm.api-key=" + SECRET).run(context -> {
                    Health vectors = part(context, "vectorStore");
                    assertThat(vectors.getStatus()).isEqualTo(Status.UP);
                    assertThat(vectors.getDetails()).containsEntry("records", 0L).containsEntry("dimensions", 384);
                    Health model = part(context, "languageModel");
                    assertThat(model.getStatus()).isEqualTo(Status.UP);
                    assertThat(model.getDetails()).containsEntry("configured", true).containsEntry("provider", "openai");
                    assertThat(model.getDetails().toString()).contains("gpt-4o-mini").doesNotContain(SECRET);
                });
    }

    @Test
    void withoutALanguageModelAnswersAreReportedExtractive() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> assertThat(part(context, "languageModel").getDetails())
                        .containsEntry("configured", false).containsEntry("answers", "extractive"));
    }

    @Test
    void theContributorCanBeSwitchedOff() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "management.health.aio.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("aioHealthContributor"));
    }
}
