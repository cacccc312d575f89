package dev.aio.vector.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.vector.memory.InMemoryVectorStore;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 item 2 for the langchain4j EmbeddingStore adapter: one bound to a tenant reads,
 * searches and deletes only that tenant, whatever ids and filters a langchain4j caller sends.
 */
class TenantBoundEmbeddingStoreTest {

    private final InMemoryVectorStore store = InMemoryVectorStore.builder().build();
    private final AioEmbeddingStore acme = AioEmbeddingStore.of(store, "acme");
    private final AioEmbeddingStore globex = AioEmbeddingStore.of(store, "globex");
    private final Embedding vector = Embedding.from(new float[] {1, 0, 0});

    TenantBoundEmbeddingStoreTest() {
        // The same id in both tenants, and metadata that claims the other tenant.
        acme.addAll(List.of("doc-1"), List.of(vector), List.of(segment("acme text", "acme")));
        globex.addAll(List.of("doc-1", "doc-2"), List.of(vector, vector),
                List.of(segment("globex text", "globex"), segment("globex other", "acme")));
    }

    private static TextSegment segment(String text, String claimedTenant) {
        return TextSegment.from(text, new Metadata().put("tenant", claimedTenant).put("kind", "doc"));
    }

    private List<String> texts(AioEmbeddingStore s, Filter filter) {
        EmbeddingSearchRequest.EmbeddingSearchRequestBuilder r = EmbeddingSearchRequest.builder()
                .queryEmbedding(vector).maxResults(50);
        if (filter != null) {
            r.filter(filter);
        }
        return s.search(r.build()).matches().stream().map(EmbeddingMatch::embedded).map(TextSegment::text).toList();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void searchSeesOnlyTheBoundTenantWhateverTheFilter() {
        Filter widening = metadataKey("tenant").isEqualTo("globex").or(metadataKey("kind").isNotEqualTo("x"))
                .or(metadataKey("tenant").isIn("acme", "globex"));

        assertThat(texts(acme, null)).containsExactly("acme text");
        assertThat(texts(acme, widening)).containsExactly("acme text");
        assertThat(texts(acme, metadataKey("tenant").isEqualTo("acme"))).containsExactly("acme text");
    }

    @Test
    void deletesNeverReachAnotherTenant() {
        acme.remove("doc-2");
        acme.removeAll(List.of("doc-1", "doc-2"));
        acme.removeAll(metadataKey("kind").isEqualTo("doc").or(metadataKey("tenant").isEqualTo("globex")));
        acme.removeAll();

        assertThat(texts(acme, null)).isEmpty();
        assertThat(texts(globex, null)).containsExactlyInAnyOrder("globex text", "globex other");
    }

    @Test
    void anUnboundAdapterSeesOnlyRecordsWithoutATenant() {
        assertThat(texts(AioEmbeddingStore.of(store), null)).isEmpty();
    }
}
