package dev.aio.vector.langchain4j;

import dev.aio.core.vector.VectorStore;
import dev.aio.vector.lucene.LuceneVectorStore;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithFilteringIT;
import org.junit.jupiter.api.AfterEach;

/**
 * langchain4j's own suite (which includes {@code EmbeddingStoreIT}) against the adapter over
 * LuceneVectorStore, unchanged but for one declaration: {@link #supportsContains()} is false,
 * because langchain4j's {@code ContainsString} is case-sensitive and aio's {@code contains}
 * ignores case. The suite then checks that the adapter refuses it
 * ({@code should_throw_exception_when_contains_is_not_supported}) and skips the two tests that
 * need it: {@code should_filter_by_metadata_contains} and {@code should_filter_by_not_metadata_contains}.
 */
class LuceneEmbeddingStoreWithFilteringSuiteTest extends EmbeddingStoreWithFilteringIT {

    private final VectorStore vectorStore = LuceneVectorStore.builder().build();
    private final AioEmbeddingStore store = AioEmbeddingStore.of(vectorStore);

    @Override
    protected EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    @Override
    protected EmbeddingModel embeddingModel() {
        return SharedModel.MODEL;
    }

    @Override
    protected boolean supportsContains() {
        return false;
    }

    @AfterEach
    void closeStore() {
        vectorStore.close();
    }
}
