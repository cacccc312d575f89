package dev.aio.vector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.FilterOperator;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VectorStore} must have, run against a fresh store per test. A
 * provider's test subclasses it and implements {@link #newStore()}; tests of capabilities the
 * store does not declare check that it refuses them loudly instead.
 *
 * <p>Filters are checked against {@link Filter#test}, the reference semantics: for every
 * declared operator, search and count must select exactly the records the reference selects.
 *
 * <p>Shipped in aio-vector's test-jar ({@code <type>test-jar</type>}, test scope).
 */
public abstract class VectorStoreContract {

    /** Vector length of the contract's data. */
    protected static final int DIMS = 8;
    /** Records in the contract's data set. */
    protected static final int N = 120;

    private VectorStore store;
    private final List<VectorRecord> data = dataSet();

    /** @return a new, empty, open store that accepts {@value #DIMS}-dimensional vectors */
    protected abstract VectorStore newStore();

    /** @return the similarity the store scores with */
    protected Similarity similarity() {
        return Similarity.COSINE;
    }

    /** @return the lowest recall@10 acceptable on the known data; 1 for exact stores */
    protected double minimumRecall() {
        return 1.0;
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** @return the store under test */
    protected VectorStore store() {
        return store;
    }

    private static List<VectorRecord> dataSet() {
        Random random = new Random(42);
        String[] langs = {"en", "de", "fr"};
        String[] words = {"Vector search", "lucene internals", "Java streams", "search ranking", "cooking"};
        List<VectorRecord> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("lang", langs[i % 3]);
            meta.put("year", 2015L + i % 10);
            if (i % 4 != 0) {
                meta.put("rating", (i % 9) * 0.5);
            }
            meta.put("draft", i % 5 == 0);
            meta.put("tags", i % 2 == 0 ? List.of("java", "search") : List.of("cooking"));
            meta.put("title", words[i % words.length] + " #" + i);
            out.add(VectorRecord.of("r" + i, randomVector(random), "text of record " + i, meta));
        }
        return out;
    }

    /** @param random a seeded source @return a vector of {@value #DIMS} gaussian floats */
    protected static float[] randomVector(Random random) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private double reference(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return similarity() == Similarity.COSINE ? dot / Math.sqrt(na * nb) : dot;
    }

    private List<String> exactTop(float[] query, int k, Filter filter) {
        return data.stream().filter(r -> filter == null || filter.test(r.metadata()))
                .sorted(Comparator.comparingDouble((VectorRecord r) -> -reference(query, r.vector())))
                .limit(k).map(VectorRecord::id).collect(Collectors.toList());
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toList());
    }

    private Capabilities caps() {
        return store.capabilities();
    }

    // ---- writes and reads ------------------------------------------------------------------

    @Test
    void upsertedRecordsCanBeReadBackWithTheirTextAndMetadata() {
        store.upsert(data);
        assertThat(store.count()).isEqualTo(N);
        List<VectorRecord> got = store.get(List.of("r7", "missing", "r3"));
        assertThat(got).containsExactly(data.get(7), data.get(3));
        assertThat(store.dimensions()).isEqualTo(DIMS);
    }

    @Test
    void upsertingTheSameIdsAgainReplacesInsteadOfDuplicating() {
        store.upsert(data);
        VectorRecord changed = VectorRecord.of("r5", data.get(6).vector(), "new text", Map.of("lang", "xx"));
        store.upsert(List.of(changed));
        store.upsert(data.subList(0, 5));
        assertThat(store.count()).isEqualTo(N);
        assertThat(store.get(List.of("r5"))).containsExactly(changed);
    }

    @Test
    void deletingByIdRemovesExactlyThoseRecordsAndIgnoresMissingOnes() {
        store.upsert(data);
        assertThat(store.delete(List.of("r1", "r2", "nope"))).isEqualTo(2);
        assertThat(store.count()).isEqualTo(N - 2);
        assertThat(store.get(List.of("r1", "r2", "r3"))).extracting(VectorRecord::id).containsExactly("r3");
        assertThat(ids(store.search(VectorQuery.of(data.get(1).vector(), N)))).doesNotContain("r1", "r2").hasSize(N - 2);
    }

    @Test
    void deletingAllOfATenantLeavesOtherTenantsAlone() {
        store.upsert(data);
        if (caps().tenants()) {
            store.upsert(List.of(data.get(0).withTenant("acme")));
        }
        assertThat(store.deleteAll(null)).isEqualTo(N);
        assertThat(store.count()).isZero();
        assertThat(store.search(VectorQuery.of(data.get(0).vector(), 5))).isEmpty();
        if (caps().tenants()) {
            assertThat(store.count("acme", null)).isEqualTo(1);
        }
    }

    @Test
    void deletingByFilterRemovesTheMatchingRecordsOnly() {
        assumeTrue(caps().supports(FilterOperator.EQ), "store declares ==");
        store.upsert(data);
        Filter german = Filter.eq("lang", "de");
        long expected = data.stream().filter(r -> german.test(r.metadata())).count();
        assertThat(store.delete(german)).isEqualTo((int) expected);
        assertThat(store.count(german)).isZero();
        assertThat(store.count()).isEqualTo(N - expected);
    }

    // ---- search ----------------------------------------------------------------------------

    @Test
    void searchFindsTheTrueNearestNeighboursHighestScoreFirst() {
        store.upsert(data);
        Random random = new Random(7);
        int found = 0;
        for (int q = 0; q < 20; q++) {
            float[] query = randomVector(random);
            List<SearchHit> hits = store.search(VectorQuery.of(query, 10));
            assertThat(hits).hasSize(10);
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
            }
            for (SearchHit h : hits) {
                assertThat(h.score()).isCloseTo(reference(query, h.record().vector()),
                        org.assertj.core.data.Offset.offset(1e-4));
            }
            Set<String> truth = new HashSet<>(exactTop(query, 10, null));
            found += (int) hits.stream().filter(h -> truth.contains(h.id())).count();
        }
        assertThat(found / 200.0).isGreaterThanOrEqualTo(minimumRecall());
    }

    @Test
    void theNearestRecordComesBackWithItsTextAndMetadata() {
        store.upsert(data);
        float[] query = data.get(33).vector();
        String nearest = exactTop(query, 1, null).get(0);
        VectorRecord expected = data.get(Integer.parseInt(nearest.substring(1)));
        SearchHit top = store.search(VectorQuery.of(query, 1)).get(0);
        assertThat(top.id()).isEqualTo(nearest);
        assertThat(top.text()).isEqualTo(expected.text());
        assertThat(top.metadata()).isEqualTo(expected.metadata());
    }

    @Test
    void noHitScoresBelowTheMinimumScore() {
        store.upsert(data);
        float[] query = data.get(0).vector();
        List<SearchHit> all = store.search(VectorQuery.of(query, N));
        double cut = all.get(15).score();
        List<SearchHit> above = store.search(VectorQuery.builder(query).topK(N).minScore(cut).build());
        assertThat(above).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(cut));
        assertThat(above.size()).isBetween(16, N);
    }

    @Test
    void searchingAnEmptyStoreFindsNothing() {
        assertThat(store.search(VectorQuery.of(data.get(0).vector(), 5))).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void aSelectiveFilterStillReturnsTopKHitsWhenEnoughRecordsMatch() {
        assumeTrue(caps().supports(FilterOperator.EQ) && caps().supports(FilterOperator.AND), "store declares == and &&");
        store.upsert(data);
        Filter rare = Filter.and(Filter.eq("lang", "fr"), Filter.eq("draft", true));
        long matching = data.stream().filter(r -> rare.test(r.metadata())).count();
        assertThat(matching).isGreaterThanOrEqualTo(5);
        float[] query = data.get(0).vector();
        List<SearchHit> hits = store.search(VectorQuery.builder(query).topK(5).filter(rare).build());
        assertThat(ids(hits)).containsExactlyElementsOf(exactTop(query, 5, rare));
    }

    // ---- filters ---------------------------------------------------------------------------

    private static Map<FilterOperator, List<Filter>> samples() {
        Map<FilterOperator, List<Filter>> m = new EnumMap<>(FilterOperator.class);
        m.put(FilterOperator.EQ, List.of(Filter.eq("lang", "en"), Filter.eq("year", 2020), Filter.eq("draft", true),
                Filter.eq("tags", "search"), Filter.eq("rating", 2.5)));
        m.put(FilterOperator.NE, List.of(Filter.ne("lang", "en"), Filter.ne("rating", 1.0)));
        m.put(FilterOperator.GT, List.of(Filter.gt("year", 2020), Filter.gt("rating", 2.0)));
        m.put(FilterOperator.GTE, List.of(Filter.gte("year", 2020), Filter.gte("rating", 3.5)));
        m.put(FilterOperator.LT, List.of(Filter.lt("year", 2018), Filter.lt("rating", 1.5)));
        m.put(FilterOperator.LTE, List.of(Filter.lte("year", 2018), Filter.lte("rating", 1.0)));
        m.put(FilterOperator.IN, List.of(Filter.in("lang", "de", "fr"), Filter.in("year", List.of(2016L, 2019L)),
                Filter.in("tags", "cooking")));
        m.put(FilterOperator.NOT_IN, List.of(Filter.notIn("lang", "de"), Filter.notIn("tags", "java")));
        m.put(FilterOperator.CONTAINS_TEXT, List.of(Filter.containsText("title", "search")));
        m.put(FilterOperator.EXISTS, List.of(Filter.exists("rating")));
        m.put(FilterOperator.AND, List.of(Filter.parse("lang == 'en' && year >= 2020")));
        m.put(FilterOperator.OR, List.of(Filter.parse("lang == 'de' || draft == true")));
        m.put(FilterOperator.NOT, List.of(Filter.parse("!(lang == 'en')"), Filter.parse("!exists(rating)")));
        return m;
    }

    @Test
    void everyDeclaredFilterOperatorSelectsExactlyWhatTheReferenceSelects() {
        store.upsert(data);
        float[] query = data.get(0).vector();
        int checked = 0;
        for (Map.Entry<FilterOperator, List<Filter>> e : samples().entrySet()) {
            for (Filter filter : e.getValue()) {
                if (!caps().filterOperators().containsAll(filter.operators())) {
                    continue;
                }
                Set<String> expected = data.stream().filter(r -> filter.test(r.metadata())).map(VectorRecord::id)
                        .collect(Collectors.toSet());
                assertThat(expected).as("sample %s selects something", filter).isNotEmpty().hasSizeLessThan(N);
                assertThat(store.count(filter)).as("count(%s)", filter).isEqualTo(expected.size());
                List<SearchHit> hits = store.search(VectorQuery.builder(query).topK(N).filter(filter).build());
                assertThat(new HashSet<>(ids(hits))).as("search with %s", filter).isEqualTo(expected);
                checked++;
            }
        }
        if (!caps().filterOperators().isEmpty()) {
            assertThat(checked).as("sample filters the store could evaluate").isPositive();
        }
    }

    @Test
    void undeclaredFilterOperatorsAreRefusedNamingTheStoreAndOperator() {
        store.upsert(data);
        for (Map.Entry<FilterOperator, List<Filter>> e : samples().entrySet()) {
            if (caps().supports(e.getKey())) {
                continue;
            }
            Filter filter = e.getValue().get(0);
            assertThatThrownBy(() -> store.search(VectorQuery.builder(data.get(0).vector()).filter(filter).build()))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining(store.name()).hasMessageContaining(e.getKey().name());
            assertThatThrownBy(() -> store.count(filter)).isInstanceOf(UnsupportedCapabilityException.class);
        }
    }

    // ---- capabilities ----------------------------------------------------------------------

    @Test
    void undeclaredHybridFusionsAreRefusedLoudly() {
        store.upsert(data);
        for (HybridSearch.Fusion fusion : HybridSearch.Fusion.values()) {
            if (caps().hybridFusions().contains(fusion)) {
                continue;
            }
            HybridSearch hybrid = new HybridSearch("search", fusion, 0.5, HybridSearch.DEFAULT_RRF_K);
            VectorQuery q = VectorQuery.builder(data.get(0).vector()).hybrid(hybrid).build();
            assertThatThrownBy(() -> store.search(q)).isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                    ex -> {
                        assertThat(ex.component()).isEqualTo(store.name());
                        assertThat(ex.capability()).contains("hybrid").contains(fusion.name());
                    });
        }
    }

    @Test
    void tenantsAreIsolatedWhenDeclaredAndRefusedOtherwise() {
        VectorRecord shared = data.get(0);
        if (!caps().tenants()) {
            assertThatThrownBy(() -> store.upsert(List.of(shared.withTenant("acme"))))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("tenant");
            assertThatThrownBy(() -> store.search(VectorQuery.builder(shared.vector()).tenant("acme").build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            return;
        }
        store.upsert(List.of(shared.withTenant("acme"), shared.withTenant("globex"), data.get(1).withTenant("acme"),
                data.get(2)));
        assertThat(store.count("acme", null)).isEqualTo(2);
        assertThat(store.count("globex", null)).isEqualTo(1);
        assertThat(store.count()).isEqualTo(1);
        List<SearchHit> hits = store.search(VectorQuery.builder(shared.vector()).topK(10).tenant("globex").build());
        assertThat(hits).extracting(h -> h.record().tenant()).containsExactly("globex");
        assertThat(store.get("acme", List.of(shared.id(), data.get(2).id()))).extracting(VectorRecord::tenant)
                .containsExactly("acme");
        assertThat(store.delete("acme", List.of(shared.id()))).isEqualTo(1);
        assertThat(store.count("globex", null)).isEqualTo(1);
        assertThat(store.get("globex", List.of(shared.id()))).hasSize(1);
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        store.upsert(data);
        assertThatThrownBy(() -> store.upsert(List.of(VectorRecord.of("x", new float[DIMS + 1]))))
                .isInstanceOf(dev.aio.core.vector.VectorStoreException.class).hasMessageContaining(store.name());
        assertThatThrownBy(() -> store.search(VectorQuery.of(new float[DIMS - 1], 3)))
                .isInstanceOf(dev.aio.core.vector.VectorStoreException.class);
    }

    @Test
    void aClosedStoreRefusesEveryCall() {
        store.close();
        assertThatThrownBy(() -> store.count()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.upsert(data)).isInstanceOf(IllegalStateException.class);
    }
}
