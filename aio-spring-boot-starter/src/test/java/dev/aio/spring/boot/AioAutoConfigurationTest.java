package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.answer.Answerer;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.Chunkers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.ingest.Ledger;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.VectorStore;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.storage.minio.MinioObjectStore;
import dev.aio.vector.lucene.LuceneVectorStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AioAutoConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultContextHasEveryComponentWithTheInProcessEmbedderAndExtractiveAnswers() {
        Fixtures.bare().withPropertyValues("aio.object-store.bucket=docs",
                "aio.object-store.filesystem.root=" + dir, "aio.embedder.sessions=1").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ObjectStore.class)).isInstanceOf(FileSystemObjectStore.class);
                    assertThat(context.getBean(VectorStore.class)).isInstanceOf(InMemoryVectorStore.class);
                    assertThat(context.getBean(Embedder.class)).isInstanceOf(OnnxEmbedder.class);
                    assertThat(context.getBean(Ledger.class)).isInstanceOf(InMemoryLedger.class);
                    assertThat(context).hasSingleBean(Chunker.class).hasSingleBean(Ingestor.class)
                            .hasSingleBean(Retriever.class).hasSingleBean(Answerer.class)
                            .doesNotHaveBean(LanguageModel.class);
                    assertThat(context.getBean(Answerer.class).extractive()).isTrue();
                    assertThat(context.getBean(VectorStore.class).dimensions()).isEqualTo(384);
                });
    }

    @Test
    void theEmbeddersSpinningFollowsItsProperty() {
        Fixtures.bare().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.embedder.sessions=2", "aio.embedder.intra-op-threads=1").run(context ->
                        assertThat(context.getBean(Embedder.class).toString())
                                .contains("latency session (used while measured faster)").doesNotContain("spinning"));
        Fixtures.bare().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.embedder.sessions=2", "aio.embedder.intra-op-threads=1", "aio.embedder.spinning=true")
                .run(context -> assertThat(context.getBean(Embedder.class).toString())
                        .contains("latency session (spinning)"));
    }

    @Test
    void luceneAndSqliteAreBuiltWhereTheirPropertiesPoint() {
        Path index = dir.resolve("index");
        Path ledger = dir.resolve("state/ledger.db");
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.vector-store.type=lucene", "aio.vector-store.lucene.directory=" + index,
                "aio.ledger.type=sqlite", "aio.ledger.path=" + ledger).run(context -> {
                    assertThat(context.getBean(VectorStore.class)).isInstanceOf(LuceneVectorStore.class);
                    assertThat(context.getBean(Ledger.class)).isInstanceOf(JdbcLedger.class);
                    assertThat(index).isDirectory();
                    assertThat(ledger).exists();
                });
    }

    @Test
    void anS3StoreIsBuiltFromItsPropertiesWithoutConnecting() {
        Fixtures.runner().withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs",
                "aio.object-store.s3.endpoint=http://127.0.0.1:9", "aio.object-store.s3.access-key=id",
                "aio.object-store.s3.secret-key=s3cr3t-value", "aio.object-store.s3.region=eu-west-1").run(context -> {
                    assertThat(context).hasNotFailed();
                    ObjectStore store = context.getBean(ObjectStore.class);
                    assertThat(store).isInstanceOf(MinioObjectStore.class);
                    assertThat(store.name()).contains("127.0.0.1:9").doesNotContain("s3cr3t-value");
                });
    }

    @Test
    void eachLanguageModelProviderGivesAModelAndGeneratedAnswers() {
        String[][] cases = {
            {"openai", "aio.llm.api-key=sk-test-not-real", "gpt-4o-mini"},
            {"ollama", "aio.llm.base-url=http://127.0.0.1:11434", "llama3.2"},
            {"anthropic", "aio.llm.api-key=sk-ant-not-real", "claude-3-5-haiku-latest"},
        };
        for (String[] c : cases) {
            Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs",
                    "aio.object-store.filesystem.root=" + dir, "aio.llm.provider=" + c[0], c[1]).run(context -> {
                        assertThat(context).hasSingleBean(LanguageModel.class);
                        assertThat(context.getBean(LanguageModel.class).modelId()).contains(c[2]);
                        assertThat(context.getBean(Answerer.class).extractive()).isFalse();
                    });
        }
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                "aio.llm.provider=openai", "aio.llm.api-key=k", "aio.llm.model=gpt-4.1-nano")
                .run(context -> assertThat(context.getBean(LanguageModel.class).modelId()).contains("gpt-4.1-nano"));
    }

    @Test
    void beansTheApplicationDefinesWinAndTheirPropertiesAreNotRequired() {
        InMemoryVectorStore vectors = InMemoryVectorStore.builder().dimensions(384).build();
        InMemoryLedger ledger = new InMemoryLedger();
        Chunker chunker = Chunkers.characters(500, 50);
        // No aio.object-store.* at all: the application's own store needs none.
        Fixtures.runner().withBean(ObjectStore.class, () -> FileSystemObjectStore.at(dir))
                .withBean(VectorStore.class, () -> vectors).withBean(Ledger.class, () -> ledger)
                .withBean(Chunker.class, () -> chunker)
                .withPropertyValues("aio.vector-store.type=lucene").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(VectorStore.class)).isSameAs(vectors);
                    assertThat(context.getBean(Ledger.class)).isSameAs(ledger);
                    assertThat(context.getBean(Chunker.class)).isSameAs(chunker);
                    assertThat(context.getBean(ObjectStore.class)).isInstanceOf(FileSystemObjectStore.class);
                });
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .withBean("myRetriever", Retriever.class,
                        () -> Retriever.builder().embedder(Fixtures.EMBEDDER).vectorStore(vectors).build())
                .run(context -> assertThat(context).hasSingleBean(Retriever.class).hasBean("myRetriever")
                        .doesNotHaveBean("aioRetriever"));
    }

    @Test
    void closingTheContextClosesTheStoresItBuilt() {
        VectorStore[] built = new VectorStore[1];
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> built[0] = context.getBean(VectorStore.class));
        assertThatThrownBy(() -> built[0].count()).isInstanceOf(IllegalStateException.class);
        // The shared embedder was the application's bean with no destroy method: still usable.
        assertThat(Fixtures.EMBEDDER.embed(List.of("still open"))).hasSize(1);
    }
}
