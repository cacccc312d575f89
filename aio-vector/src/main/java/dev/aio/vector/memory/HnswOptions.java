package dev.aio.vector.memory;

/**
 * Settings of the approximate search that {@link InMemoryVectorStore.Builder#approximate} turns
 * on: a hierarchical navigable small-world (HNSW) graph over the records. Immutable; the
 * {@code with...} methods return changed copies.
 *
 * @param maxConnections M: links per record on the graph's upper levels, twice as many on the
 *     bottom level; more links raise recall and memory (8 bytes per link) and slow inserts
 * @param beamWidth candidates considered when linking a new record (efConstruction); wider
 *     builds a better graph, more slowly
 * @param searchEffort candidates a search keeps (ef), at least the query's topK is used; wider
 *     raises recall and lowers queries per second. {@link InMemoryVectorStore#searchEffort(int)}
 *     changes it on a built store
 */
public record HnswOptions(int maxConnections, int beamWidth, int searchEffort) {

    /** M by default, as Lucene's HNSW default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 16;
    /** efConstruction by default, as Lucene's HNSW default. */
    public static final int DEFAULT_BEAM_WIDTH = 100;
    /** ef by default: on 100k MiniLM embeddings of varied text, recall@10 above 0.95 (benchmark E5). */
    public static final int DEFAULT_SEARCH_EFFORT = 64;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public HnswOptions {
        if (maxConnections < 2 || maxConnections > 512) {
            throw new IllegalArgumentException("maxConnections must be in [2, 512], was " + maxConnections);
        }
        if (beamWidth < 1 || beamWidth > 10_000) {
            throw new IllegalArgumentException("beamWidth must be in [1, 10000], was " + beamWidth);
        }
        checkSearchEffort(searchEffort);
    }

    static void checkSearchEffort(int searchEffort) {
        if (searchEffort < 1 || searchEffort > 100_000) {
            throw new IllegalArgumentException("searchEffort must be in [1, 100000], was " + searchEffort);
        }
    }

    /** @return the defaults: M 16, beam width 100, search effort 64 */
    public static HnswOptions defaults() {
        return new HnswOptions(DEFAULT_MAX_CONNECTIONS, DEFAULT_BEAM_WIDTH, DEFAULT_SEARCH_EFFORT);
    }

    /** @param m the new M, in [2, 512] @return a copy with it */
    public HnswOptions withMaxConnections(int m) {
        return new HnswOptions(m, beamWidth, searchEffort);
    }

    /** @param width the new beam width, in [1, 10000] @return a copy with it */
    public HnswOptions withBeamWidth(int width) {
        return new HnswOptions(maxConnections, width, searchEffort);
    }

    /** @param effort the new search effort, in [1, 100000] @return a copy with it */
    public HnswOptions withSearchEffort(int effort) {
        return new HnswOptions(maxConnections, beamWidth, effort);
    }
}
