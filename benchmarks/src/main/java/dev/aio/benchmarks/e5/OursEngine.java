package dev.aio.benchmarks.e5;

import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.vector.memory.HnswOptions;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ours: {@link InMemoryVectorStore} with {@link HnswOptions} (M 16, beam width 100), dot-product
 * similarity (MiniLM's vectors are unit length), searched through the store's public
 * {@code search}, so each result is a full hit with its record (the peers return bare ids).
 * {@code ours} is the store with int8 quantization, whose searches walk the graph on int8 codes
 * and rescore with floats; {@code ours-float} (run.sh full only, INFO) walks on floats.
 */
final class OursEngine implements AnnEngine {

    static final int M = 16;
    static final int BEAM = 100;

    private final boolean int8;
    private InMemoryVectorStore store;
    private VectorQuery[] queries;

    /** @param int8 whether searches walk the graph on int8 codes and rescore with floats */
    OursEngine(boolean int8) {
        this.int8 = int8;
    }

    @Override
    public String name() {
        return int8 ? "ours" : "ours-float";
    }

    @Override
    public String settings() {
        return "M=" + M + ",beam=" + BEAM + (int8 ? ",int8-walk" : "");
    }

    @Override
    public void build(E5Data data) {
        store = InMemoryVectorStore.builder().name("e5-hnsw").similarity(Similarity.DOT_PRODUCT)
                .dimensions(E5Data.DIMS).int8Quantization(int8).approximate(new HnswOptions(M, BEAM, HnswOptions.DEFAULT_SEARCH_EFFORT)).build();
        List<VectorRecord> batch = new ArrayList<>(1_000);
        for (int i = 0; i < data.n; i++) {
            batch.add(VectorRecord.of(Integer.toString(i), data.vector(i), null, Map.of()));
            if (batch.size() == 1_000 || i == data.n - 1) {
                store.upsert(batch);
                batch.clear();
            }
        }
        queries = new VectorQuery[E5Data.QUERIES];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = VectorQuery.of(data.query(q), E5Data.K);
        }
    }

    @Override
    public void effort(int effort) {
        store.searchEffort(effort);
    }

    @Override
    public int search(int q, int[] out) {
        List<SearchHit> hits = store.search(queries[q]);
        for (int i = 0; i < hits.size(); i++) {
            out[i] = Integer.parseInt(hits.get(i).id());
        }
        return hits.size();
    }

    @Override
    public Object searchForBenchmark(int q) {
        return store.search(queries[q]);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
