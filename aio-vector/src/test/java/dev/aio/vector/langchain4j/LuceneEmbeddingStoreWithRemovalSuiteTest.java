package dev.aio.vector.langchain4j;

import dev.aio.core.vector.VectorStore;
import dev.aio.vector.lucene.LuceneVectorStore;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithRemovalIT;
import org.junit.jupiter.api.AfterEach;

/** langchain4j's own removal suite against the adapter over LuceneVectorStore, nothing disabled. */
class LuceneEmbeddingStoreWithRemovalSuiteTest extends EmbeddingStoreWithRemovalIT {

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

    @AfterEach
    void closeStore() {
        vectorStore.close();
    }
}
