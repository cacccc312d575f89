package dev.aio.vector.lucene.internal;

import dev.aio.core.vector.HybridSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/** Combines a vector ranking and a keyword ranking into one, as {@link HybridSearch} asks. */
public final class RankFusion {

    private RankFusion() {
    }

    /**
     * @param vector the vector ranking, best first
     * @param keyword the keyword ranking, best first
     * @param hybrid the fusion and its settings
     * @return documents with fused scores, best first (ties by document number)
     */
    public static List<Map.Entry<Integer, Double>> fuse(ScoreDoc[] vector, ScoreDoc[] keyword, HybridSearch hybrid) {
        Map<Integer, Double> fused = new LinkedHashMap<>();
        if (hybrid.fusion() == HybridSearch.Fusion.RRF) {
            addReciprocalRanks(fused, vector, hybrid.rrfK());
            addReciprocalRanks(fused, keyword, hybrid.rrfK());
        } else {
            addNormalised(fused, vector, hybrid.alpha());
            addNormalised(fused, keyword, 1 - hybrid.alpha());
        }
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return ranked;
    }

    private static void addReciprocalRanks(Map<Integer, Double> fused, ScoreDoc[] docs, int k) {
        for (int i = 0; i < docs.length; i++) {
            fused.merge(docs[i].doc, 1.0 / (k + i + 1), Double::sum);
        }
    }

    /** Min-max normalises a ranking's scores to [0, 1] and adds them with a weight (relative score fusion). */
    private static void addNormalised(Map<Integer, Double> fused, ScoreDoc[] docs, double weight) {
        if (docs.length == 0) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (ScoreDoc d : docs) {
            max = Math.max(max, d.score);
            min = Math.min(min, d.score);
        }
        for (ScoreDoc d : docs) {
            double normalised = max == min ? 1.0 : (d.score - min) / (max - min);
            fused.merge(d.doc, weight * normalised, Double::sum);
        }
    }
}
