package dev.aio.vector.internal;

import java.util.Arrays;

/**
 * A binary min-heap of (score, node) pairs in two primitive arrays that grow as needed: for
 * graph search the results (worst on top, so it can be bounded) and, with negated scores, the
 * candidates (best on top); {@link TopK} bounds one for exact scans. Reused across searches
 * through {@link #clear()}, so a search allocates nothing per visited node. Not thread-safe.
 */
final class ScoreHeap {

    private float[] scores;
    private int[] nodes;
    private int size;

    ScoreHeap(int capacity) {
        scores = new float[Math.max(4, capacity)];
        nodes = new int[scores.length];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    float topScore() {
        return scores[0];
    }

    int topNode() {
        return nodes[0];
    }

    void push(float score, int node) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[parent] <= score) {
                break;
            }
            scores[i] = scores[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        scores[i] = score;
        nodes[i] = node;
    }

    /** Removes the top; read it first with {@link #topScore()} and {@link #topNode()}. */
    void pop() {
        float score = scores[--size];
        int node = nodes[size];
        if (size > 0) {
            replaceTop(score, node);
        }
    }

    /** Replaces the top with a new pair in one sift (cheaper than a pop and a push); the heap must not be empty. */
    void replaceTop(float score, int node) {
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
            nodes[i] = nodes[child];
            i = child;
        }
        scores[i] = score;
        nodes[i] = node;
    }
}
