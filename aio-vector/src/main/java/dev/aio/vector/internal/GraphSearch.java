package dev.aio.vector.internal;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * An approximate search of a {@link FlatIndex} through its {@link HnswGraph}, keeping filters
 * exact: the tenant and filter are evaluated on every record first (cheap beside a dot product);
 * when few records match, those are scored exactly, otherwise the graph is searched with the
 * matches as the only admissible results and a breadth widened by the filter's selectivity, and
 * a search that still comes back short falls back to scoring the matches exactly.
 */
final class GraphSearch {

    /** Matches at or below which scoring them all costs about what a graph search does. */
    static final int EXACT_BELOW = 2048;
    /** The most a selective filter widens the search breadth. */
    static final int MAX_WIDENING = 16;

    private GraphSearch() {
    }

    static List<SearchHit> search(FlatIndex index, HnswGraph graph, float[] query, int topK, String tenant,
            Filter filter, double minScore, int oversample, int searchEffort) {
        int live = index.size();
        if (live == 0) {
            return List.of();
        }
        boolean checkTenant = tenant != null || index.hasTenantedRecords();
        int breadth = Math.max(searchEffort, topK);
        IntPredicate accept;
        int wanted = Math.min(topK, live);
        if (!checkTenant && filter == null) {
            accept = index.slots() == live ? null : index::live;
        } else {
            int slots = index.slots();
            BitSet matches = new BitSet(slots);
            for (int i = 0; i < slots; i++) {
                if (index.live(i) && index.accepts(i, tenant, filter, checkTenant)) {
                    matches.set(i);
                }
            }
            int count = matches.cardinality();
            if (count == 0) {
                return List.of();
            }
            if (count <= Math.max(EXACT_BELOW, breadth)) {
                return index.exactSearch(query, topK, tenant, filter, minScore, oversample);
            }
            int widening = (int) Math.min(MAX_WIDENING, (live + count - 1L) / count);
            breadth = (int) Math.min(count, (long) breadth * widening);
            accept = matches::get;
            wanted = Math.min(topK, count);
        }
        int[] nodes = new int[topK];
        float[] scores = new float[topK];
        int n = graph.search(query, index.queryFactor(query), topK, breadth, accept, nodes, scores);
        if (n < wanted) {
            return index.exactSearch(query, topK, tenant, filter, minScore, oversample);
        }
        return index.hits(nodes, scores, n, 1f, minScore);
    }
}
