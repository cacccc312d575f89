package dev.aio.vector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryVectorStoreTest {

    @TempDir
    Path dir;

    private static float[] gaussian(Random random, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static List<VectorRecord> records(int n, int dims, long seed) {
        Random random = new Random(seed);
        List<VectorRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(VectorRecord.of("id-" + i, gaussian(random, dims), "text " + i,
                    Map.of("n", (long) i, "even", i % 2 == 0, "tags", List.of("t" + i % 3), "ratio", i / 7.0)));
        }
        return out;
    }

    @Test
    void aSnapshotRestoresEveryRecordOfEveryTenantWithItsSettings() {
        Path file = dir.resolve("store.snap");
        List<VectorRecord> data = records(50, 16, 1);
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().similarity(Similarity.DOT_PRODUCT).build()) {
            store.upsert(data);
            store.upsert(List.of(data.get(3).withTenant("acme"), VectorRecord.of("long", new float[16],
                    "x".repeat(70_000), Map.of())));
            assertThat(store.snapshot(file)).isEqualTo(52);
        }
        try (InMemoryVectorStore restored = InMemoryVectorStore.builder().restoreFrom(file).build()) {
            assertThat(restored.similarity()).isEqualTo(Similarity.DOT_PRODUCT);
            assertThat(restored.dimensions()).isEqualTo(16);
            assertThat(restored.count()).isEqualTo(51);
            assertThat(restored.get(List.of("id-7", "id-3"))).containsExactly(data.get(7), data.get(3));
            assertThat(restored.get("acme", List.of("id-3"))).containsExactly(data.get(3).withTenant("acme"));
            assertThat(restored.get(List.of("long")).get(0).text()).hasSize(70_000);
            SearchHit top = restored.search(VectorQuery.of(data.get(9).vector(), 1)).get(0);
            assertThat(top.id()).isEqualTo("id-9");
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSnapshotOfAnEmptyStoreRestoresAnEmptyStore() {
        Path file = dir.resolve("empty.snap");
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().build()) {
            assertThat(store.snapshot(file)).isZero();
        }
        try (InMemoryVectorStore restored = InMemoryVectorStore.builder().restoreFrom(file).build()) {
            assertThat(restored.count()).isZero();
        }
    }

    @Test
    void aDamagedOrTruncatedSnapshotIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("s.snap");
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().name("docs").build()) {
            store.upsert(records(20, 8, 2));
            store.snapshot(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        Path flipped = dir.resolve("flipped.snap");
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 0x10;
        Files.write(flipped, damaged);
        assertThatThrownBy(() -> InMemoryVectorStore.builder().restoreFrom(flipped).build())
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("flipped.snap");
        Path truncated = dir.resolve("truncated.snap");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> InMemoryVectorStore.builder().restoreFrom(truncated).build())
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("truncated");
        Path other = dir.resolve("other.snap");
        Files.writeString(other, "not a snapshot at all, just text");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().restoreFrom(other).build())
                .hasMessageContaining("wrong magic number");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().similarity(Similarity.DOT_PRODUCT).restoreFrom(file)
                .build()).hasMessageContaining("scores with COSINE");
    }

    @Test
    void int8SearchKeepsRecallAtTenAbove99PercentAfterRescoring() {
        int dims = 384;
        List<VectorRecord> data = records(4000, dims, 3);
        try (InMemoryVectorStore exact = InMemoryVectorStore.builder().build();
                InMemoryVectorStore int8 = InMemoryVectorStore.builder().int8Quantization(true).build()) {
            exact.upsert(data);
            int8.upsert(data);
            assertThat(int8.quantized()).isTrue();
            Random random = new Random(4);
            int found = 0;
            int queries = 50;
            for (int q = 0; q < queries; q++) {
                float[] query = gaussian(random, dims);
                Set<String> truth = exact.search(VectorQuery.of(query, 10)).stream().map(SearchHit::id)
                        .collect(Collectors.toSet());
                List<SearchHit> hits = int8.search(VectorQuery.of(query, 10));
                found += (int) hits.stream().filter(h -> truth.contains(h.id())).count();
            }
            assertThat(found / (10.0 * queries)).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void int8ScoresAreTheExactFloatScoresAfterRescoring() {
        List<VectorRecord> data = records(300, 32, 5);
        try (InMemoryVectorStore exact = InMemoryVectorStore.builder().build();
                InMemoryVectorStore int8 = InMemoryVectorStore.builder().int8Quantization(true).build()) {
            exact.upsert(data);
            int8.upsert(data);
            float[] query = data.get(10).vector();
            assertThat(int8.search(VectorQuery.of(query, 3)))
                    .isEqualTo(exact.search(VectorQuery.of(query, 3)));
        }
    }

    @Test
    void readersSeeEachWriteWholeWhileWritersRun() throws Exception {
        int dims = 16;
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().dimensions(dims).build()) {
            Random random = new Random(6);
            int batches = 300;
            List<List<VectorRecord>> writes = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<VectorRecord> batch = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    batch.add(VectorRecord.of("b" + b + "-" + j, gaussian(random, dims), null, Map.of("batch", (long) b)));
                }
                writes.add(batch);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<?> writer = pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        store.upsert(writes.get(b));
                        if (b >= 10 && b % 3 == 0) {
                            store.delete(Filter.eq("batch", b - 10));
                        }
                    }
                    return null;
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        start.await();
                        int observations = 0;
                        float[] query = gaussian(new Random(7), dims);
                        while (!writer.isDone() || observations < 50) {
                            List<SearchHit> hits = store.search(VectorQuery.of(query, VectorQuery.MAX_TOP_K));
                            Map<Object, Long> perBatch = hits.stream().collect(
                                    Collectors.groupingBy(h -> h.metadata().get("batch"), Collectors.counting()));
                            perBatch.forEach((batch, n) -> assertThat(n).as("batch %s", batch).isEqualTo(4L));
                            assertThat(store.count() % 4).isZero();
                            observations++;
                        }
                        return observations;
                    }));
                }
                start.countDown();
                writer.get(60, TimeUnit.SECONDS);
                for (Future<Integer> reader : readers) {
                    assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(50);
                }
            } finally {
                pool.shutdownNow();
            }
            Set<Long> remaining = new HashSet<>();
            store.search(VectorQuery.of(new float[dims], VectorQuery.MAX_TOP_K))
                    .forEach(h -> remaining.add((Long) h.metadata().get("batch")));
            // Batch b - 10 was deleted after every batch b that is a multiple of 3, i.e. batches 2, 5, 8, ...
            assertThat(remaining).doesNotContain(2L, 5L, 287L).contains(0L, 1L, 3L, (long) batches - 1);
        }
    }

    @Test
    void theStoreDeclaresItsCapabilitiesTruthfully() {
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().build()) {
            assertThat(store.capabilities().hybrid()).isFalse();
            assertThat(store.capabilities().tenants()).isTrue();
            assertThat(store.capabilities().persistent()).isFalse();
            assertThat(store.capabilities().filterOperators()).hasSize(dev.aio.core.vector.FilterOperator.values().length);
            assertThat(store.arithmetic()).isNotBlank();
        }
        try (InMemoryVectorStore scalar = InMemoryVectorStore.builder().simd(false).build()) {
            assertThat(scalar.arithmetic()).isEqualTo("scalar-unrolled");
        }
    }

    @Test
    void invalidBuilderSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> InMemoryVectorStore.builder().dimensions(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().oversample(101)).hasMessageContaining("was 101");
        assertThatThrownBy(() -> InMemoryVectorStore.builder().restoreFrom(dir.resolve("absent")).build())
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("absent");
    }
}
