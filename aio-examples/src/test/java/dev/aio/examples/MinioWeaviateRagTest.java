package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.Secret;
import dev.aio.core.answer.Citation;
import dev.aio.core.ingest.ObjectOutcome.Status;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.minio.MinioObjectStore;
import dev.aio.vector.weaviate.WeaviateStub;
import dev.aio.vector.weaviate.WeaviateVectorStore;
import dev.aio.vector.weaviate.WeaviateVectorStoreBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link MinioWeaviateRag} against a real S3 API server in-process (S3Proxy over a folder)
 * and aio-vector's loopback STUB of Weaviate's REST/GraphQL API, with the real MiniLM model.
 */
class MinioWeaviateRagTest {

    private static final String ACCESS_KEY = "examples-access";
    private static final String SECRET = "examples-secret-0123456789-never-printed";
    private static final String BUCKET = "handbook";

    private static final OnnxEmbedder EMBEDDER = SharedEmbedder.get();

    @Test
    void ingestsThePrefixIntoWeaviateAnswersWithACitationAndSkipsEverythingTheSecondTime(@TempDir Path tmp)
            throws Exception {
        S3Proxy s3 = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(Files.createDirectory(tmp.resolve("s3")).toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        s3.start();
        try (WeaviateStub weaviate = new WeaviateStub();
                MinioObjectStore store = MinioObjectStore.builder().endpoint("http://127.0.0.1:" + s3.getPort())
                        .credentials(ACCESS_KEY, Secret.of(SECRET)).build()) {
            store.ensureBucket(BUCKET);
            put(store, "policies/laptops.md", """
                    # Laptops

                    Every laptop locks its screen after five idle minutes. A lost or stolen laptop must be
                    reported to the service desk within two hours, so that its disk key can be revoked.
                    """);
            put(store, "policies/travel.md", """
                    # Travel

                    Book trains for trips under four hours. Receipts for hotels and meals are filed in the
                    expense tool no later than thirty days after the trip ends.
                    """);
            put(store, "policies/chat.md", """
                    # Chat

                    Team chat keeps messages for ninety days. Decisions belong in the wiki, where they are
                    kept until someone retires the page.
                    """);
            put(store, "drafts/laptops-v2.md", "A draft outside the prefix: it must never be ingested.");
            MinioWeaviateRag.Config config = new MinioWeaviateRag.Config("http://127.0.0.1:" + s3.getPort(), BUCKET,
                    "policies/", ACCESS_KEY, Secret.of(SECRET), weaviate.url(), null, tmp.resolve("ledger.db"),
                    "How soon must a lost laptop be reported?");

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            MinioWeaviateRag.Result first = MinioWeaviateRag.run(config, EMBEDDER, EMBEDDER.tokenizer(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(first.report().count(Status.INGESTED)).as(first.report().toString()).isEqualTo(3);
            assertThat(first.report().objects()).noneMatch(o -> o.key().startsWith("drafts/"));
            // The chunks are in the (stub) Weaviate class with their provenance.
            Map<String, Map<String, Object>> objects = weaviate.objects(WeaviateVectorStoreBuilder.DEFAULT_CLASS_NAME,
                    WeaviateVectorStore.UNTENANTED);
            long chunks = first.report().objects().stream().mapToLong(o -> o.chunks()).sum();
            assertThat(objects).hasSize((int) chunks);
            ObjectInfo laptops = store.stat(BUCKET, "policies/laptops.md");
            assertThat(objects.values()).filteredOn(p -> "policies/laptops.md".equals(p.get("key")))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p).containsEntry("bucket", BUCKET)
                            .containsEntry("etag", laptops.etag()));
            assertThat(objects.values()).extracting(p -> p.get("key"))
                    .containsOnly("policies/laptops.md", "policies/travel.md", "policies/chat.md");
            // The answer quotes and cites the right object version.
            Citation best = first.answer().citations().get(0);
            assertThat(best.location()).isEqualTo(BUCKET + "/policies/laptops.md@" + laptops.etag());
            assertThat(first.answer().text()).contains("within two hours");
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("ingested=3").contains("[1] " + best.location()).doesNotContain(SECRET);

            // Incremental: nothing changed, so nothing is downloaded, embedded or written again.
            weaviate.clearRequests();
            MinioWeaviateRag.Result second = MinioWeaviateRag.run(config, EMBEDDER, EMBEDDER.tokenizer(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(second.report().count(Status.UNCHANGED)).as(second.report().toString()).isEqualTo(3);
            assertThat(second.report().objects()).allMatch(o -> o.status() == Status.UNCHANGED);
            assertThat(weaviate.requests()).noneMatch(r -> r.startsWith("POST /v1/batch/objects"))
                    .noneMatch(r -> r.startsWith("DELETE"));
            assertThat(second.answer().citations().get(0).location()).isEqualTo(best.location());

            // A removed object's chunks leave Weaviate on the next run.
            store.delete(BUCKET, "policies/travel.md");
            MinioWeaviateRag.Result third = MinioWeaviateRag.run(config, EMBEDDER, EMBEDDER.tokenizer(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(third.report().outcome("policies/travel.md")).get().extracting(o -> o.status())
                    .isEqualTo(Status.DELETED);
            Collection<Map<String, Object>> left = weaviate.objects(WeaviateVectorStoreBuilder.DEFAULT_CLASS_NAME,
                    WeaviateVectorStore.UNTENANTED).values();
            assertThat(left).extracting(p -> p.get("key")).containsOnly("policies/laptops.md", "policies/chat.md");
        } finally {
            s3.stop();
        }
    }

    @Test
    void theSecretComesOnlyFromTheEnvironmentAndIsNeverShown() {
        Map<String, String> env = Map.of("S3_ENDPOINT", "http://127.0.0.1:9000", "S3_BUCKET", "docs",
                "AWS_ACCESS_KEY_ID", "reader", "AWS_SECRET_ACCESS_KEY", SECRET, "WEAVIATE_URL", "http://127.0.0.1:8080");

        MinioWeaviateRag.Config config = MinioWeaviateRag.Config.from(env, "--prefix", "team/", "--bucket", "other",
                "Who keeps the keys?");

        assertThat(config.bucket()).isEqualTo("other");
        assertThat(config.prefix()).isEqualTo("team/");
        assertThat(config.question()).isEqualTo("Who keeps the keys?");
        assertThat(config.secretKey().reveal()).isEqualTo(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET).contains(Secret.REDACTED);
        assertThatThrownBy(() -> MinioWeaviateRag.Config.from(env, "--secret-key", SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> MinioWeaviateRag.Config.from(Map.of("S3_ENDPOINT", "http://x:9000",
                "S3_BUCKET", "docs", "AWS_ACCESS_KEY_ID", "reader", "WEAVIATE_URL", "http://y:8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    private static void put(MinioObjectStore store, String key, String text) {
        store.put(BUCKET, key, text.getBytes(StandardCharsets.UTF_8));
    }
}
