package dev.aio.vector.internal;

/**
 * Keeps the {@code k} highest-scoring slots seen, in a {@link ScoreHeap} (a min-heap of
 * primitives, worst on top), so a scan of any length allocates nothing per candidate. Not
 * thread-safe; one per search.
 */
public final class TopK {

    private final int k;
    private final ScoreHeap heap;

    /** @param k how many to keep, positive */
    public TopK(int k) {
        this.k = k;
        this.heap = new ScoreHeap(k);
    }

    /** @return the lowest score a candidate must beat to enter, -Infinity while not full */
    public float threshold() {
        return heap.size() < k ? Float.NEGATIVE_INFINITY : heap.topScore();
    }

    /**
     * Offers a candidate.
     *
     * @param score its score
     * @param slot its slot
     */
    public void offer(float score, int slot) {
        if (heap.size() < k) {
            heap.push(score, slot);
        } else if (score > heap.topScore()) {
            heap.replaceTop(score, slot);
        }
    }

    /** @return how many candidates are held */
    public int size() {
        return heap.size();
    }

    /**
     * Empties the heap into arrays, highest score first.
     *
     * @param outSlots receives the slots; length at least {@link #size()}
     * @param outScores receives the scores; length at least {@link #size()}
     * @return the number written
     */
    public int drainDescending(int[] outSlots, float[] outScores) {
        int n = heap.size();
        for (int i = n - 1; i >= 0; i--) {
            outScores[i] = heap.topScore();
            outSlots[i] = heap.topNode();
            heap.pop();
        }
        return n;
    }
}
