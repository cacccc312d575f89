package dev.aio.benchmarks.e5;

/**
 * One approximate-search engine under E5, driven the same way for each: built from the base
 * vectors in their order (so engine ids are base indices), then searched for the top-{@value
 * E5Data#K} at a search effort (the breadth of candidates kept: ef for HNSW, rerankK for JVector).
 * Engines are built and searched from one thread.
 */
interface AnnEngine extends AutoCloseable {

    /** @return the engine's name in results, e.g. {@code ours} */
    String name();

    /** @return the graph settings, stated in the summary, e.g. {@code M=16,beam=100} */
    String settings();

    /** Indexes every base vector of {@code data}, in order. */
    void build(E5Data data) throws Exception;

    /** @param effort the search breadth for later searches */
    void effort(int effort);

    /**
     * @param q a query index into {@link E5Data#queries}
     * @param out receives the base indices found, best first
     * @return how many were written, at most {@value E5Data#K}
     */
    int search(int q, int[] out) throws Exception;

    /** What the benchmark measures: one search, its result returned for JMH to consume. */
    Object searchForBenchmark(int q) throws Exception;

    @Override
    void close() throws Exception;
}
