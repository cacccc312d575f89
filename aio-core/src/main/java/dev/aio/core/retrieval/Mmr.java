package dev.aio.core.retrieval;

import dev.aio.core.vector.SearchHit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks hits one at a time, each
 * maximising {@code lambda * sim(query, hit) - (1 - lambda) * max sim(hit, picked)}, with cosine
 * similarity of the records' vectors. It trades a little relevance for less repetition, so an
 * answer's context is not five copies of one paragraph. Stateless and thread-safe.
 */
public final class Mmr {

    private Mmr() {
    }

    /**
     * @param query the query vector
     * @param candidates the hits to choose from, each with a vector of the query's length
     * @param topK the most hits to pick, at least 1
     * @param lambda 1 is relevance only, 0 is diversity only
     * @return the picked hits in the order picked, with their original scores
     */
    public static List<SearchHit> select(float[] query, List<SearchHit> candidates, int topK, double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("MMR lambda must be in [0, 1], was " + lambda);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
        int n = candidates.size();
        double[] relevance = new double[n];
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = candidates.get(i).record().vector();
            relevance[i] = cosine(query, vectors[i]);
        }
        // The highest similarity of each candidate to anything picked so far, updated per pick.
        double[] redundancy = new double[n];
        java.util.Arrays.fill(redundancy, Double.NEGATIVE_INFINITY);
        boolean[] picked = new boolean[n];
        List<SearchHit> out = new ArrayList<>(Math.min(n, topK));
        while (out.size() < Math.min(n, topK)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    continue;
                }
                double penalty = out.isEmpty() ? 0 : redundancy[i];
                double score = lambda * relevance[i] - (1 - lambda) * penalty;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            picked[best] = true;
            out.add(candidates.get(best));
            for (int i = 0; i < n; i++) {
                if (!picked[i]) {
                    redundancy[i] = Math.max(redundancy[i], cosine(vectors[i], vectors[best]));
                }
            }
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("MMR needs vectors of one length, got " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
