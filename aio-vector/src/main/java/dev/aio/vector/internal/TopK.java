package dev.aio.vector.internal;

/**
 * Keeps the {@code k} highest-scoring slots seen, in a binary min-heap of primitives, so a scan
 * of any length allocates nothing per candidate. Not thread-safe; one per search.
 */
public final class TopK {

    private final float[] scores;
    private final int[] slots;
    private int size;

    /** @param k how many to keep, positive */
    public TopK(int k) {
        scores = new float[k];
        slots = new int[k];
    }

    /** @return the lowest score a candidate must beat to enter, -Infinity while not full */
    public float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /**
     * Offers a candidate.
     *
     * @param score its score
     * @param slot its slot
     */
    public void offer(float score, int slot) {
        if (size < scores.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (scores[parent] <= score) {
                    break;
                }
                scores[i] = scores[parent];
                slots[i] = slots[parent];
                i = parent;
            }
            scores[i] = score;
            slots[i] = slot;
        } else if (score > scores[0]) {
            siftDown(score, slot);
        }
    }

    private void siftDown(float score, int slot) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && scores[child + 1] < scores[child]) {
                child++;
            }
            if (score <= scores[child]) {
                break;
            }
            scores[i] = scores[child];
            slots[i] = slots[child];
            i = child;
        }
        scores[i] = score;
        slots[i] = slot;
    }

    /** @return how many candidates are held */
    public int size() {
        return size;
    }

    /**
     * Empties the heap into arrays, highest score first.
     *
     * @param outSlots receives the slots; length at least {@link #size()}
     * @param outScores receives the scores; length at least {@link #size()}
     * @return the number written
     */
    public int drainDescending(int[] outSlots, float[] outScores) {
        int n = size;
        for (int i = n - 1; i >= 0; i--) {
            outScores[i] = scores[0];
            outSlots[i] = slots[0];
            float lastScore = scores[size - 1];
            int lastSlot = slots[size - 1];
            size--;
            if (size > 0) {
                siftDown(lastScore, lastSlot);
            }
        }
        return n;
    }
}
