package dev.aio.llm.onnx.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups texts into batches of similar token length, so each batch is padded only to its own
 * longest text and little compute goes to padding.
 */
public final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * Plans batches.
     *
     * @param lengths the token length of each text (special tokens included)
     * @param maxBatchSize the most texts in one batch
     * @return batches of indices into {@code lengths}, longest texts first; every index appears
     *     exactly once
     */
    public static List<int[]> plan(int[] lengths, int maxBatchSize) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Longest first: the costliest batches start early, which balances parallel sessions.
        Arrays.sort(order, (a, b) -> lengths[a] != lengths[b] ? Integer.compare(lengths[b], lengths[a])
                : Integer.compare(a, b));
        List<int[]> batches = new ArrayList<>((lengths.length + maxBatchSize - 1) / maxBatchSize);
        for (int from = 0; from < order.length; from += maxBatchSize) {
            int n = Math.min(maxBatchSize, order.length - from);
            int[] batch = new int[n];
            for (int i = 0; i < n; i++) {
                batch[i] = order[from + i];
            }
            batches.add(batch);
        }
        return batches;
    }
}
