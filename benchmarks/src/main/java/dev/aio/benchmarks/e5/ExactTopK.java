package dev.aio.benchmarks.e5;

import java.util.stream.IntStream;

/** E5's ground truth: the exact top-k of each query by dot product, in plain double-precision Java. */
final class ExactTopK {

    private ExactTopK() {
    }

    /** @return {@code out[q * k + i]}, the i-th best base index of query q, best first */
    static int[] compute(float[] queries, float[] base, int n, int dims, int k) {
        int count = queries.length / dims;
        int[] out = new int[count * k];
        IntStream.range(0, count).parallel().forEach(q -> {
            double[] best = new double[k];
            int[] ids = new int[k];
            java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int d = 0, qo = q * dims, bo = i * dims; d < dims; d++) {
                    s += (double) queries[qo + d] * base[bo + d];
                }
                if (s > best[k - 1]) {
                    int j = k - 1;
                    // Insertion into a sorted array of k: k is 10, a heap would not pay.
                    while (j > 0 && best[j - 1] < s) {
                        best[j] = best[j - 1];
                        ids[j] = ids[j - 1];
                        j--;
                    }
                    best[j] = s;
                    ids[j] = i;
                }
            }
            System.arraycopy(ids, 0, out, q * k, k);
        });
        return out;
    }
}
