package dev.aio.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TensorVectorIndex's top-k against InMemoryVectorStore's, the exact reference, on 384-d vectors. */
class TensorVectorIndexParityTest {

    private static final int N = 3000;
    private static final int DIMS = 384;

    private InMemoryVectorStore reference;
    private TensorVectorIndex index;
    private final Random random = new Random(11);

    @BeforeEach
    void fill() {
        reference = InMemoryVectorStore.builder().build();
        index = TensorVectorIndex.builder().device(DeviceChoice.CPU).build();
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            records.add(VectorRecord.of("d" + i, vector(), "text " + i,
                    Map.of("shard", (long) (i % 7), "lang", i % 3 == 0 ? "de" : "en")));
        }
        reference.upsert(records);
        index.upsert(records);
    }

    @AfterEach
    void close() {
        reference.close();
        index.close();
    }

    private float[] vector() {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static void assertSameHits(List<SearchHit> got, List<SearchHit> expected) {
        assertThat(got).extracting(SearchHit::id).containsExactlyElementsOf(
                expected.stream().map(SearchHit::id).toList());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).score()).isCloseTo(expected.get(i).score(), Offset.offset(1e-5));
        }
    }

    @Test
    void topTenEqualsTheInMemoryStoresWithAndWithoutFilters() {
        Filter filter = Filter.parse("shard >= 2 && lang == 'en'");
        for (int q = 0; q < 25; q++) {
            float[] query = vector();
            assertSameHits(index.search(VectorQuery.of(query, 10)), reference.search(VectorQuery.of(query, 10)));
            VectorQuery filtered = VectorQuery.builder(query).topK(10).filter(filter).build();
            assertSameHits(index.search(filtered), reference.search(filtered));
        }
    }

    @Test
    void aBatchOfQueriesIsAnsweredAsEachQueryAlone() {
        List<VectorQuery> queries = new ArrayList<>();
        for (int q = 0; q < 12; q++) {
            VectorQuery.Builder b = VectorQuery.builder(vector()).topK(1 + q);
            if (q % 3 == 1) {
                b.filter(Filter.eq("lang", "de"));
            }
            if (q % 4 == 2) {
                b.minScore(0.1);
            }
            queries.add(b.build());
        }
        List<List<SearchHit>> batch = index.search(queries);
        for (int q = 0; q < queries.size(); q++) {
            assertSameHits(batch.get(q), reference.search(queries.get(q)));
        }
    }

    @Test
    void writesAfterTheFirstUploadReachTheDeviceMatrix() {
        float[] query = vector();
        index.delete(List.of("d5", "d17", "d2999"));
        reference.delete(List.of("d5", "d17", "d2999"));
        List<VectorRecord> more = new ArrayList<>();
        for (int i = 0; i < 700; i++) { // grows past the initial capacity again
            more.add(VectorRecord.of("d" + (i * 5), i == 0 ? query : vector(), null, Map.of("shard", 1L)));
        }
        index.upsert(more);
        reference.upsert(more);
        index.delete(Filter.eq("lang", "de"));
        reference.delete(Filter.eq("lang", "de"));
        assertThat(index.count()).isEqualTo(reference.count());
        List<SearchHit> hits = index.search(VectorQuery.of(query, 10));
        assertThat(hits.get(0).id()).isEqualTo("d0");
        assertSameHits(hits, reference.search(VectorQuery.of(query, 10)));
    }

    @Test
    void hybridQueriesAreRefusedInBatchesToo() {
        VectorQuery hybrid = VectorQuery.builder(vector()).hybrid(new HybridSearch("text", HybridSearch.Fusion.values()[0],
                0.5, HybridSearch.DEFAULT_RRF_K)).build();
        assertThatThrownBy(() -> index.search(List.of(hybrid))).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("tensor");
    }
}
