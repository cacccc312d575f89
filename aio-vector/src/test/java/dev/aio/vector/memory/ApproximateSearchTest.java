package dev.aio.vector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approximate (HNSW) mode of {@link InMemoryVectorStore} against the exact mode on clustered
 * data, which, unlike uniform random vectors, has neighbourhoods a graph can learn: recall,
 * deletes, replacements, compaction, filters on both the exact and the graph path, snapshots and
 * concurrent searches.
 */
class ApproximateSearchTest {

    private static final int DIMS = 48;
    private static final int N = 4_000;
    private static final int QUERIES = 100;

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final float[][] centres = new float[40][];
    private InMemoryVectorStore approximate;
    private InMemoryVectorStore exact;

    @BeforeEach
    void fill() {
        for (int c = 0; c < centres.length; c++) {
            centres[c] = gaussian(1.0);
        }
        approximate = InMemoryVectorStore.builder().approximate(HnswOptions.defaults()).build();
        exact = InMemoryVectorStore.builder().build();
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            records.add(VectorRecord.of("r" + i, clustered(), "text " + i, Map.of("group", (long) (i % 10))));
        }
        approximate.upsert(records);
        exact.upsert(records);
    }

    @AfterEach
    void close() {
        approximate.close();
        exact.close();
    }

    private float[] gaussian(double sigma) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }

    private float[] clustered() {
        float[] centre = centres[random.nextInt(centres.length)];
        float[] v = gaussian(0.35);
        for (int i = 0; i < DIMS; i++) {
            v[i] += centre[i];
        }
        return v;
    }

    private static Set<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private double recall() {
        return recall(null);
    }

    private double recall(Filter filter) {
        int found = 0;
        int wanted = 0;
        for (int q = 0; q < QUERIES; q++) {
            VectorQuery.Builder b = VectorQuery.builder(clustered()).topK(10);
            VectorQuery query = (filter == null ? b : b.filter(filter)).build();
            Set<String> truth = ids(exact.search(query));
            List<SearchHit> hits = approximate.search(query);
            assertThat(hits).hasSameSizeAs(truth);
            found += (int) hits.stream().filter(h -> truth.contains(h.id())).count();
            wanted += truth.size();
        }
        return found / (double) wanted;
    }

    @Test
    void recallAtTenIsAbove95PercentOfExactSearch() {
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void walkingTheGraphOnInt8CodesKeepsRecallAndExactScores() {
        approximate.close();
        approximate = InMemoryVectorStore.builder().int8Quantization(true).approximate(HnswOptions.defaults()).build();
        approximate.upsert(exact.get(null, java.util.stream.IntStream.range(0, N).mapToObj(i -> "r" + i).toList()));
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
        VectorQuery query = VectorQuery.of(clustered(), 10);
        Map<String, Double> truth = exact.search(VectorQuery.of(query.vector(), N)).stream()
                .collect(Collectors.toMap(SearchHit::id, SearchHit::score));
        for (SearchHit hit : approximate.search(query)) {
            assertThat(hit.score()).isCloseTo(truth.get(hit.id()), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void aNarrowSearchEffortLosesRecallThatAWideOneRegains() {
        approximate.searchEffort(1);
        double narrow = recall();
        approximate.searchEffort(200);
        double wide = recall();
        assertThat(wide).isGreaterThan(narrow).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void scoresAreTheExactScoresOfTheRecordsFound() {
        VectorQuery query = VectorQuery.of(clustered(), 10);
        Map<String, Double> truth = exact.search(VectorQuery.of(query.vector(), N)).stream()
                .collect(Collectors.toMap(SearchHit::id, SearchHit::score));
        for (SearchHit hit : approximate.search(query)) {
            assertThat(hit.score()).isCloseTo(truth.get(hit.id()), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void deletedRecordsNeverComeBackAndTheRestAreStillFound() {
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < N; i += 3) {
            gone.add("r" + i);
        }
        approximate.delete(null, gone);
        exact.delete(null, gone);
        assertThat(approximate.count(null, null)).isEqualTo(N - gone.size());
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
        Set<String> deleted = new HashSet<>(gone);
        for (int q = 0; q < 20; q++) {
            assertThat(ids(approximate.search(VectorQuery.of(clustered(), 50)))).doesNotContainAnyElementsOf(deleted);
        }
    }

    @Test
    void deletingMostRecordsRebuildsTheGraphWithoutLosingTheRest() {
        approximate.delete(null, Filter.lt("group", 7L));
        exact.delete(null, Filter.lt("group", 7L));
        assertThat(approximate.count(null, null)).isEqualTo(N * 3 / 10);
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
        approximate.upsert(List.of(VectorRecord.of("late", new float[DIMS], null, Map.of())));
        assertThat(approximate.get(null, List.of("late", "r9", "r0"))).extracting(VectorRecord::id)
                .containsExactly("late", "r9");
    }

    @Test
    void aReplacedVectorIsFoundWhereItNowIs() {
        float[] target = clustered();
        approximate.upsert(List.of(VectorRecord.of("r42", target, "moved", Map.of())));
        List<SearchHit> hits = approximate.search(VectorQuery.of(target, 3));
        assertThat(hits.get(0).id()).isEqualTo("r42");
        assertThat(hits.get(0).record().text()).isEqualTo("moved");
        assertThat(approximate.count(null, null)).isEqualTo(N);
    }

    @Test
    void filtersStayExactOnTheGraphPathAndOnTheExactPath() {
        Filter broad = Filter.lt("group", 8L); // 80% match: the graph searches with matches admissible
        Filter selective = Filter.eq("group", 3L); // 600 match: scored exactly
        assertThat(recall(broad)).isGreaterThanOrEqualTo(0.95);
        assertThat(recall(selective)).isEqualTo(1.0);
        for (SearchHit h : approximate.search(VectorQuery.builder(clustered()).topK(30).filter(broad).build())) {
            assertThat((Long) h.record().metadata().get("group")).isLessThan(8L);
        }
    }

    @Test
    void tenantsSeeOnlyTheirOwnRecords() {
        List<VectorRecord> acme = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            acme.add(VectorRecord.of("a" + i, clustered(), null, Map.of()).withTenant("acme"));
        }
        approximate.upsert(acme);
        assertThat(approximate.search(VectorQuery.builder(clustered()).topK(20).tenant("acme").build()))
                .allSatisfy(h -> assertThat(h.id()).startsWith("a")).hasSize(20);
        assertThat(approximate.search(VectorQuery.of(clustered(), 20)))
                .allSatisfy(h -> assertThat(h.id()).startsWith("r")).hasSize(20);
    }

    @Test
    void aRestoredSnapshotRebuildsTheGraph() {
        Path file = dir.resolve("hnsw.snap");
        approximate.snapshot(file);
        approximate.close();
        approximate = InMemoryVectorStore.builder().approximate(HnswOptions.defaults()).restoreFrom(file).build();
        assertThat(approximate.approximate()).isTrue();
        assertThat(recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void concurrentSearchesReturnWhatSequentialOnesDo() throws Exception {
        List<VectorQuery> queries = new ArrayList<>();
        List<List<SearchHit>> expected = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            queries.add(VectorQuery.of(clustered(), 10));
            expected.add(approximate.search(queries.get(q)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int q = 0; q < queries.size(); q++) {
                        if (!ids(approximate.search(queries.get(q))).equals(ids(expected.get(q)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new HnswOptions(1, 100, 64)).hasMessageContaining("maxConnections").hasMessageContaining("1");
        assertThatThrownBy(() -> HnswOptions.defaults().withSearchEffort(0)).hasMessageContaining("searchEffort");
        assertThatThrownBy(() -> approximate.searchEffort(-3)).hasMessageContaining("-3");
        assertThatThrownBy(() -> exact.searchEffort(10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approximate");
    }
}
