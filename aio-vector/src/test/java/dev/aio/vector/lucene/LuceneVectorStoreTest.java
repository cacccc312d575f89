package dev.aio.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest {

    @TempDir
    Path dir;

    private static List<VectorRecord> corpus() {
        Random random = new Random(11);
        String[] words = {"apple", "banana", "cherry", "date", "elder", "fig", "grape"};
        List<VectorRecord> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            String text = words[i % words.length] + " " + words[(i * 3) % words.length]
                    + (i == 137 ? " zeppelin" : "");
            out.add(VectorRecord.of("d" + i, v, text, Map.of("group", (long) (i % 4))));
        }
        return out;
    }

    @Test
    void hybridSearchBringsUpAKeywordMatchThatVectorSearchMisses() {
        try (LuceneVectorStore store = LuceneVectorStore.builder().build()) {
            List<VectorRecord> data = corpus();
            store.upsert(data);
            float[] query = data.get(5).vector();
            List<String> vectorOnly = ids(store.search(VectorQuery.of(query, 5)));
            assertThat(vectorOnly).doesNotContain("d137").startsWith("d5");
            for (HybridSearch hybrid : List.of(HybridSearch.rrf("zeppelin"), HybridSearch.weighted("zeppelin", 0.5))) {
                List<String> fused = ids(store.search(VectorQuery.builder(query).topK(5).hybrid(hybrid).build()));
                assertThat(fused).as("%s", hybrid).contains("d137", "d5").hasSize(5);
            }
        }
    }

    @Test
    void weightedFusionAtTheExtremesFollowsOneRanking() {
        try (LuceneVectorStore store = LuceneVectorStore.builder().build()) {
            List<VectorRecord> data = corpus();
            store.upsert(data);
            float[] query = data.get(5).vector();
            assertThat(ids(store.search(VectorQuery.builder(query).topK(1)
                    .hybrid(HybridSearch.weighted("zeppelin", 0.0)).build()))).containsExactly("d137");
            assertThat(ids(store.search(VectorQuery.builder(query).topK(1)
                    .hybrid(HybridSearch.weighted("zeppelin", 1.0)).build()))).containsExactly("d5");
        }
    }

    @Test
    void hybridSearchKeepsToTheFilterAndTenant() {
        try (LuceneVectorStore store = LuceneVectorStore.builder().build()) {
            List<VectorRecord> data = corpus();
            store.upsert(data);
            store.upsert(List.of(data.get(137).withTenant("other")));
            List<SearchHit> hits = store.search(VectorQuery.builder(data.get(5).vector()).topK(10)
                    .filter(Filter.eq("group", 0)).hybrid(HybridSearch.rrf("zeppelin")).build());
            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.metadata().get("group")).isEqualTo(0L);
                assertThat(h.record().tenant()).isNull();
            });
        }
    }

    @Test
    void writesThatReturnedSurviveTheProcessBeingKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LuceneChildWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            do {
                line = out.readLine();
                seen.append(line).append('\n');
            } while (line != null && !line.equals("WRITTEN"));
            assertThat(line).as("child reported its writes; its output:%n%s", seen).isEqualTo("WRITTEN");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (LuceneVectorStore reopened = LuceneVectorStore.builder().directory(dir).build()) {
            assertThat(reopened.count()).isEqualTo(98);
            assertThat(reopened.dimensions()).isEqualTo(4);
            assertThat(reopened.get(List.of("r0", "r50"))).extracting(VectorRecord::id).containsExactly("r50");
            assertThat(reopened.capabilities().persistent()).isTrue();
        }
    }

    @Test
    void reopeningAnIndexWithOtherDimensionsIsRefused() {
        try (LuceneVectorStore store = LuceneVectorStore.builder().directory(dir).build()) {
            store.upsert(List.of(VectorRecord.of("a", new float[] {1, 2, 3})));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> LuceneVectorStore.builder().directory(dir).dimensions(4).build())
                .isInstanceOf(dev.aio.core.vector.VectorStoreException.class).hasMessageContaining("3 dimensions");
        try (LuceneVectorStore reopened = LuceneVectorStore.builder().directory(dir).build()) {
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void onlyAStoreInADirectoryDeclaresItselfPersistent() {
        try (LuceneVectorStore store = LuceneVectorStore.builder().build()) {
            assertThat(store.capabilities().persistent()).isFalse();
            assertThat(store.capabilities().hybrid()).isTrue();
            assertThat(store.capabilities().tenants()).isTrue();
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toList());
    }
}
