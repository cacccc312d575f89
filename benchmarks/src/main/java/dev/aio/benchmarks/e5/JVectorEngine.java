package dev.aio.benchmarks.e5;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Peer: JVector 4.0.2's in-memory graph (hierarchy on, max degree 32 = Lucene's and ours on the
 * bottom level, beam width 100, its default neighbour overflow 1.2 and alpha 1.2), searched with
 * exact float scores and {@code rerankK = effort}, JVector's breadth knob. Its builder links
 * nodes in parallel on the common fork-join pool (all cores); ours and Lucene's build on one
 * thread. On JDK 17 JVector has no SIMD (it needs 20+).
 */
final class JVectorEngine implements AnnEngine {

    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    static final int MAX_DEGREE = 2 * OursEngine.M;

    private RandomAccessVectorValues ravv;
    private ImmutableGraphIndex graph;
    private GraphSearcher searcher;
    private VectorFloat<?>[] queries;
    private int effort = E5Data.K;

    @Override
    public String name() {
        return "jvector";
    }

    @Override
    public String settings() {
        return "degree=" + MAX_DEGREE + ",beam=" + OursEngine.BEAM;
    }

    @Override
    public void build(E5Data data) throws Exception {
        List<VectorFloat<?>> vectors = new ArrayList<>(data.n);
        for (int i = 0; i < data.n; i++) {
            vectors.add(VTS.createFloatVector(data.vector(i)));
        }
        ravv = new ListRandomAccessVectorValues(vectors, E5Data.DIMS);
        BuildScoreProvider bsp = BuildScoreProvider.randomAccessScoreProvider(ravv, VectorSimilarityFunction.DOT_PRODUCT);
        try (GraphIndexBuilder builder = new GraphIndexBuilder(bsp, E5Data.DIMS, MAX_DEGREE, OursEngine.BEAM, 1.2f,
                1.2f, true)) {
            graph = builder.build(ravv);
        }
        searcher = new GraphSearcher(graph);
        queries = new VectorFloat<?>[E5Data.QUERIES];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = VTS.createFloatVector(data.query(q));
        }
    }

    @Override
    public void effort(int effort) {
        this.effort = Math.max(effort, E5Data.K);
    }

    private SearchResult run(int q) {
        DefaultSearchScoreProvider ssp = DefaultSearchScoreProvider.exact(queries[q], VectorSimilarityFunction.DOT_PRODUCT,
                ravv);
        return searcher.search(ssp, E5Data.K, effort, 0f, 0f, Bits.ALL);
    }

    @Override
    public int search(int q, int[] out) {
        SearchResult.NodeScore[] nodes = run(q).getNodes();
        for (int i = 0; i < nodes.length; i++) {
            out[i] = nodes[i].node;
        }
        return nodes.length;
    }

    @Override
    public Object searchForBenchmark(int q) {
        return run(q);
    }

    @Override
    public void close() throws Exception {
        if (searcher != null) {
            searcher.close();
        }
    }
}
