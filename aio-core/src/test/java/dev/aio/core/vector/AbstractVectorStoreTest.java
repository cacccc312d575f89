package dev.aio.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validation every store gets from core, seen through a store that records what reaches it. */
class AbstractVectorStoreTest {

    /** Declares EQ and AND only, no hybrid, no tenants; records the calls that pass validation. */
    static final class RecordingStore extends AbstractVectorStore {
        final List<Object> calls = new ArrayList<>();
        List<SearchHit> answer = List.of();
        int closes;

        RecordingStore() {
            super("recording", 0);
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().filterOperators(FilterOperator.EQ, FilterOperator.AND).build();
        }

        @Override
        protected void doUpsert(List<VectorRecord> records) {
            calls.add(records);
        }

        @Override
        protected int doDelete(String tenant, List<String> ids) {
            calls.add(ids);
            return ids.size();
        }

        @Override
        protected int doDelete(String tenant, Filter filter) {
            calls.add(filter);
            return 0;
        }

        @Override
        protected int doDeleteAll(String tenant) {
            return 0;
        }

        @Override
        protected List<VectorRecord> doGet(String tenant, List<String> ids) {
            calls.add(ids);
            return List.of(VectorRecord.of("b", new float[] {1, 0}), VectorRecord.of("a", new float[] {0, 1}));
        }

        @Override
        protected long doCount(String tenant, Filter filter) {
            return 0;
        }

        @Override
        protected List<SearchHit> doSearch(VectorQuery query) {
            calls.add(query);
            return answer;
        }

        @Override
        protected void doClose() {
            closes++;
        }
    }

    private final RecordingStore store = new RecordingStore();

    @Test
    void theFirstUpsertFixesTheDimensionsAndLaterMismatchesAreRefused() {
        store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0})));
        assertThat(store.dimensions()).isEqualTo(2);
        assertThatThrownBy(() -> store.upsert(List.of(VectorRecord.of("b", new float[] {1, 0, 0}))))
                .isInstanceOf(VectorStoreException.class)
                .hasMessageContaining("'recording'").hasMessageContaining("record 'b' has 3 dimensions")
                .hasMessageContaining("holds vectors of 2");
        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1}, 1)))
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("query vector has 1 dimensions");
    }

    @Test
    void aBatchWithTheSameIdTwiceKeepsTheLaterRecord() {
        store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0}), VectorRecord.of("b", new float[] {0, 1}),
                VectorRecord.of("a", new float[] {0.5f, 0.5f})));
        @SuppressWarnings("unchecked")
        List<VectorRecord> passed = (List<VectorRecord>) store.calls.get(0);
        assertThat(passed).extracting(VectorRecord::id).containsExactly("b", "a");
        assertThat(passed.get(1).vector()).containsExactly(0.5f, 0.5f);
    }

    @Test
    void getReturnsRecordsInTheOrderAskedForWithDuplicatesRemoved() {
        assertThat(store.get(List.of("a", "b", "a"))).extracting(VectorRecord::id).containsExactly("a", "b");
        assertThat(store.calls.get(0)).isEqualTo(List.of("a", "b"));
    }

    @Test
    void undeclaredCapabilitiesAreRefusedBeforeTheStoreIsCalled() {
        store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0})));
        store.calls.clear();
        VectorQuery hybrid = VectorQuery.builder(new float[] {1, 0}).hybrid(HybridSearch.rrf("text")).build();
        assertThatThrownBy(() -> store.search(hybrid)).isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                e -> {
                    assertThat(e.component()).isEqualTo("recording");
                    assertThat(e.capability()).isEqualTo("hybrid search with RRF fusion");
                    assertThat(e.isRetriable()).isFalse();
                });
        assertThatThrownBy(() -> store.count(Filter.parse("a == 1 || b == 2")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("'||' (OR)");
        assertThatThrownBy(() -> store.search(VectorQuery.builder(new float[] {1, 0}).tenant("acme").build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("tenant 'acme'");
        assertThatThrownBy(() -> store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0}).withTenant("acme"))))
                .isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> store.delete(Filter.containsText("t", "x")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("CONTAINS_TEXT");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void aProviderThatBreaksTheSearchContractFailsLoudly() {
        store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0})));
        VectorRecord r = VectorRecord.of("x", new float[] {1, 0}, null, Map.of());
        store.answer = List.of(new SearchHit(r, 0.1), new SearchHit(r, 0.9));
        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0}, 5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
        store.answer = List.of(new SearchHit(r, 0.9), new SearchHit(r, 0.8));
        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 0}, 1)))
                .hasMessageContaining("returned 2 hits for topK 1");
    }

    @Test
    void anEmptyStoreAnswersSearchesWithNothing() {
        assertThat(store.search(VectorQuery.of(new float[] {1, 2, 3}, 3))).isEmpty();
    }

    @Test
    void closingIsIdempotentAndLaterCallsAreRefused() {
        store.close();
        store.close();
        assertThat(store.closes).isEqualTo(1);
        assertThatThrownBy(() -> store.count()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'recording' is closed");
    }

    @Test
    void deletingByFilterNeedsAFilter() {
        assertThatThrownBy(() -> store.delete((Filter) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("delete by ids");
    }
}
