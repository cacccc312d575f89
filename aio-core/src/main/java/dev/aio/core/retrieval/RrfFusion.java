package dev.aio.core.retrieval;

import dev.aio.core.vector.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: each hit scores the sum over the rankings it appears in of
 * {@code 1 / (k + rank)}, rank counted from 1. Scores of different scales (cosine, BM25) never
 * meet, which is why RRF is the default client-side fusion. Stateless and thread-safe.
 */
public final class RrfFusion {

    /** The rank constant from Cormack, Clarke and Buettcher (2009). */
    public static final int DEFAULT_K = 60;

    private RrfFusion() {
    }

    /**
     * @param rankings the rankings, each best first; a hit is identified by its tenant and id
     * @param k the rank constant, positive
     * @param topK the most hits to return, at least 1
     * @return the fused hits, highest fused score first; ties keep first-seen order
     */
    public static List<SearchHit> fuse(List<List<SearchHit>> rankings, int k, int topK) {
        if (k <= 0) {
            throw new IllegalArgumentException("RRF k must be positive, was " + k);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
        Map<List<String>, SearchHit> records = new LinkedHashMap<>();
        Map<List<String>, Double> scores = new LinkedHashMap<>();
        for (List<SearchHit> ranking : rankings) {
            int rank = 0;
            for (SearchHit hit : ranking) {
                rank++;
                List<String> key = java.util.Arrays.asList(hit.record().tenant(), hit.id());
                records.putIfAbsent(key, hit);
                scores.merge(key, 1.0 / (k + rank), Double::sum);
            }
        }
        List<SearchHit> fused = new ArrayList<>(records.size());
        records.forEach((key, hit) -> fused.add(new SearchHit(hit.record(), scores.get(key))));
        fused.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return fused.size() > topK ? List.copyOf(fused.subList(0, topK)) : List.copyOf(fused);
    }
}
