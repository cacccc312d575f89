package dev.aio.core.retrieval;

import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieverSearchTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme");

    static List<VectorRecord> corpus() {
        return List.of(
                tenantChunk("acme", "r1.md", "refund policy refund policy details", "*"),
                tenantChunk("acme", "r2.md", "refund policy refund policy details again", "*"),
                tenantChunk("acme", "r3.md", "refund policy refund policy details once more", "*"),
                tenantChunk("acme", "ship.md", "refund timeline for shipping costs", "*"),
                tenantChunk("acme", "other.md", "office hours and parking", "*"));
    }

    static List<String> keys(List<SearchHit> hits) {
        return hits.stream().map(h -> (String) h.metadata().get("key")).toList();
    }

    @Test
    void hybridSearchRunsInTheStoreWhenTheStoreCanDoIt() {
        ExactVectorStore store = ExactVectorStore.hybrid();
        store.upsert(corpus());
        WordKeywordSearch keywords = new WordKeywordSearch(store);
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store)
                .keywordSearch(keywords).multiTenant().build();

        List<SearchHit> hits = retriever.retrieve(RetrievalRequest.builder("refund policy").hybrid().topK(3)
                .access(ALICE).build());

        assertThat(hits).hasSize(3);
        assertThat(store.queries).hasSize(1);
        assertThat(store.queries.get(0).hybrid()).contains(HybridSearch.rrf("refund policy"));
        assertThat(keywords.calls).hasValue(0);
    }

    @Test
    void hybridSearchIsFusedClientSideByRrfWhenTheStoreCannot() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        store.upsert(corpus());
        WordKeywordSearch keywords = new WordKeywordSearch(store);
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store)
                .keywordSearch(keywords).multiTenant().build();

        List<SearchHit> hits = retriever.retrieve(RetrievalRequest.builder("parking").hybrid().topK(2)
                .access(ALICE).build());

        assertThat(store.queries).hasSize(1);
        assertThat(store.queries.get(0).hybrid()).isEmpty();
        assertThat(keywords.calls).hasValue(1);
        // other.md is first in both rankings: 1/(60+1) twice; nothing else has the word.
        assertThat(keys(hits).get(0)).isEqualTo("other.md");
        assertThat(hits.get(0).score()).isEqualTo(2.0 / 61);
        assertThat(hits.get(1).score()).isLessThan(1.0 / 61);
    }

    @Test
    void hybridSearchWithNeitherAHybridStoreNorAKeywordSearchIsRefused() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        store.upsert(corpus());
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).build();

        assertThatThrownBy(() -> retriever.retrieve(RetrievalRequest.builder("refund").hybrid().build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("exact")
                .hasMessageContaining("KeywordSearch");
    }

    @Test
    void mmrTradesANearDuplicateForADifferentRelevantChunk() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        store.upsert(corpus());
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).build();

        List<SearchHit> plain = retriever.retrieve(RetrievalRequest.builder("refund policy").topK(2).access(ALICE)
                .build());
        List<SearchHit> diverse = retriever.retrieve(RetrievalRequest.builder("refund policy").topK(2)
                .mmr(0.5).access(ALICE).build());

        assertThat(keys(plain)).allMatch(k -> k.startsWith("r"));
        assertThat(keys(diverse)).hasSize(2).contains("ship.md");
        assertThat(keys(diverse).get(0)).isEqualTo(keys(plain).get(0));
    }

    @Test
    void rrfScoresAreTheSumOfReciprocalRanks() {
        VectorRecord a = tenantChunk("acme", "a.md", "a");
        VectorRecord b = tenantChunk("acme", "b.md", "b");
        VectorRecord c = tenantChunk("acme", "c.md", "c");

        List<SearchHit> fused = RrfFusion.fuse(List.of(
                List.of(new SearchHit(a, 0.9), new SearchHit(b, 0.8)),
                List.of(new SearchHit(b, 12), new SearchHit(c, 7))), 10, 3);

        assertThat(fused).extracting(SearchHit::id).containsExactly("b.md#0", "a.md#0", "c.md#0");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 12 + 1.0 / 11);
        assertThat(fused.get(1).score()).isEqualTo(1.0 / 11);
        assertThat(fused.get(2).score()).isEqualTo(1.0 / 12);
    }

    @Test
    void topKFilterAndMinScoreReachTheStore() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        store.upsert(corpus());
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).build();

        List<SearchHit> hits = retriever.retrieve(RetrievalRequest.builder("refund policy").topK(10).minScore(0.5)
                .filter(dev.aio.core.vector.Filter.parse("key != 'r1.md'")).access(ALICE).build());

        assertThat(keys(hits)).containsExactly("r2.md", "r3.md");
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0.5));
    }
}
