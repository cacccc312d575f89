package dev.aio.vector.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * A hierarchical navigable small-world graph (Malkov and Yashunin, 2016) over the slots of a
 * {@link FlatIndex}, whose vectors it reads in place: the graph holds only links.
 *
 * <p>Layout: level 0, where every node lives and almost all search time goes, is one flat
 * {@code int[]} of {@code 2M + 1} ints per node (count, then neighbours) beside a {@code float[]}
 * of the neighbours' scores, so a search touches no per-node objects. The few nodes that reach
 * higher levels (about 1 in M) get small arrays of their own. Neighbours are chosen with the
 * paper's diversity heuristic, which keeps the graph navigable on clustered data; scores are kept
 * beside links so pruning a full list needs no rescoring of the node against its old neighbours.
 *
 * <p>When the data keeps int8 codes, searches walk the graph scoring codes (a quarter of the
 * memory traffic per visited node, which is what bounds a walk over a graph larger than the
 * cache) and rescore the {@code ef} nodes found with the floats before keeping the best k.
 * Inserts always use floats, so the graph is as good as without codes.
 *
 * <p>Deleted slots stay in the graph as waypoints and are skipped in results (through the
 * search's filter); the owner rebuilds when too many accumulate.
 *
 * <p>Not thread-safe for writes; any number of searches may run together while no insert does
 * (each thread keeps its own scratch space).
 */
final class HnswGraph {

    private final FlatIndex data;
    private final VectorOps ops;
    private final int dims;
    private final boolean cosine;
    private final int m;
    private final int m0;
    private final int beamWidth;
    private final double levelFactor;
    private final SplittableRandom random = new SplittableRandom(42);
    private final ThreadLocal<Scratch> scratch;

    private int[] links0 = new int[0];
    private float[] scores0 = new float[0];
    private int[][] upperLinks = new int[0][];
    private float[][] upperScores = new float[0][];
    private int entry = -1;
    private int maxLevel = -1;

    /**
     * @param data the vectors, read by slot
     * @param ops the arithmetic
     * @param maxConnections M: neighbours per node on upper levels, twice that on level 0
     * @param beamWidth candidates considered per insert (efConstruction)
     */
    HnswGraph(FlatIndex data, VectorOps ops, int maxConnections, int beamWidth, boolean cosine) {
        this.data = data;
        this.ops = ops;
        this.dims = data.dimensions();
        this.cosine = cosine;
        this.m = maxConnections;
        this.m0 = 2 * maxConnections;
        this.beamWidth = beamWidth;
        this.levelFactor = 1 / Math.log(maxConnections);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(Math.max(beamWidth, 64)));
    }

    private static final class Scratch {
        int[] visited = new int[0];
        int epoch;
        final ScoreHeap candidates;
        final ScoreHeap results;
        int[] nodes;
        float[] scores;
        short[] queryCodes = new short[0];

        short[] queryCodes(int dims) {
            if (queryCodes.length != dims) {
                queryCodes = new short[dims];
            }
            return queryCodes;
        }

        Scratch(int capacity) {
            candidates = new ScoreHeap(capacity);
            results = new ScoreHeap(capacity + 1);
            nodes = new int[capacity];
            scores = new float[capacity];
        }

        /** Starts a search over {@code n} slots: epochs make clearing the visited marks O(1). */
        void begin(int n) {
            if (visited.length < n) {
                visited = new int[Math.max(n, visited.length + (visited.length >> 1))];
                epoch = 0;
            }
            if (++epoch == 0) {
                Arrays.fill(visited, 0);
                epoch = 1;
            }
            candidates.clear();
            results.clear();
        }

        /** Empties {@link #results} into {@link #nodes}/{@link #scores}, best first; returns the count. */
        int drainResults() {
            int n = results.size();
            if (nodes.length < n) {
                nodes = new int[n];
                scores = new float[n];
            }
            for (int i = n - 1; i >= 0; i--) {
                nodes[i] = results.topNode();
                scores[i] = results.topScore();
                results.pop();
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- scoring

    private float score(float[] q, int qOff, float qFactor, float[] vectors, float[] inverseNorms, int node) {
        float s = ops.dot(q, qOff, vectors, node * dims, dims);
        return cosine ? s * qFactor * inverseNorms[node] : s;
    }

    /** Approximate score from int8 codes, up to the query's constant scale: ranks like {@link #score}. */
    private float score8(short[] q, byte[] codes, float[] scales, float[] inverseNorms, int node) {
        float s = ops.dotInt8(q, codes, node * dims, dims) * scales[node];
        return cosine ? s * inverseNorms[node] : s;
    }

    // ---------------------------------------------------------------- insert

    /** Links slot {@code node}, whose vector is already in the data. */
    void insert(int node) {
        ensureCapacity(node + 1);
        int level = (int) (-Math.log(1 - random.nextDouble()) * levelFactor);
        links0[node * (m0 + 1)] = 0;
        if (level > 0) {
            upperLinks[node] = new int[level * (m + 1)];
            upperScores[node] = new float[level * m];
        }
        if (entry < 0) {
            entry = node;
            maxLevel = level;
            return;
        }
        float[] vectors = data.vectorData();
        float[] inverseNorms = data.inverseNormData();
        int qOff = node * dims;
        float qFactor = cosine ? inverseNorms[node] : 1f;
        int ep = entry;
        float epScore = score(vectors, qOff, qFactor, vectors, inverseNorms, ep);
        Scratch s = scratch.get();
        for (int l = maxLevel; l > level; l--) {
            ep = greedy(l, vectors, qOff, qFactor, vectors, inverseNorms, ep, epScore, s);
            epScore = s.scores[0];
        }
        for (int l = Math.min(level, maxLevel); l >= 0; l--) {
            s.begin(data.slots());
            searchLayer(l, vectors, qOff, qFactor, vectors, inverseNorms, null, ep, epScore, beamWidth, null, s);
            int count = s.drainResults();
            ep = s.nodes[0];
            epScore = s.scores[0];
            int[] chosen = new int[l == 0 ? m0 : m];
            float[] chosenScores = new float[chosen.length];
            int n = diverse(s.nodes, s.scores, count, node, chosen, chosenScores, vectors, inverseNorms);
            setLinks(node, l, chosen, chosenScores, n);
            for (int i = 0; i < n; i++) {
                addLink(chosen[i], l, node, chosenScores[i], vectors, inverseNorms);
            }
        }
        if (level > maxLevel) {
            maxLevel = level;
            entry = node;
        }
    }

    private void ensureCapacity(int n) {
        int have = upperLinks.length;
        if (n <= have) {
            return;
        }
        int capacity = Math.max(n, Math.max(16, have + (have >> 1)));
        links0 = Arrays.copyOf(links0, capacity * (m0 + 1));
        scores0 = Arrays.copyOf(scores0, capacity * m0);
        upperLinks = Arrays.copyOf(upperLinks, capacity);
        upperScores = Arrays.copyOf(upperScores, capacity);
    }

    /**
     * The paper's heuristic: take candidates best first, keeping one only when it is closer to the
     * new node than to every neighbour already kept, so links spread out in different directions.
     */
    private int diverse(int[] nodes, float[] scores, int count, int self, int[] out, float[] outScores,
            float[] vectors, float[] inverseNorms) {
        int n = 0;
        for (int i = 0; i < count && n < out.length; i++) {
            int c = nodes[i];
            if (c == self) {
                continue;
            }
            boolean keep = true;
            for (int j = 0; j < n && keep; j++) {
                keep = pairScore(c, out[j], vectors, inverseNorms) < scores[i];
            }
            if (keep) {
                out[n] = c;
                outScores[n++] = scores[i];
            }
        }
        return n;
    }

    private float pairScore(int a, int b, float[] vectors, float[] inverseNorms) {
        float s = ops.dot(vectors, a * dims, vectors, b * dims, dims);
        return cosine ? s * inverseNorms[a] * inverseNorms[b] : s;
    }

    private void setLinks(int node, int level, int[] nodes, float[] scores, int n) {
        if (level == 0) {
            int base = node * (m0 + 1);
            links0[base] = n;
            System.arraycopy(nodes, 0, links0, base + 1, n);
            System.arraycopy(scores, 0, scores0, node * m0, n);
        } else {
            int base = (level - 1) * (m + 1);
            upperLinks[node][base] = n;
            System.arraycopy(nodes, 0, upperLinks[node], base + 1, n);
            System.arraycopy(scores, 0, upperScores[node], (level - 1) * m, n);
        }
    }

    /** Adds {@code target} to {@code node}'s list; a full list is pruned with the heuristic. */
    private void addLink(int node, int level, int target, float score, float[] vectors, float[] inverseNorms) {
        int[] links = level == 0 ? links0 : upperLinks[node];
        float[] scores = level == 0 ? scores0 : upperScores[node];
        int max = level == 0 ? m0 : m;
        int base = level == 0 ? node * (m0 + 1) : (level - 1) * (m + 1);
        int scoreBase = level == 0 ? node * m0 : (level - 1) * m;
        int n = links[base];
        if (n < max) {
            links[base + 1 + n] = target;
            scores[scoreBase + n] = score;
            links[base] = n + 1;
            return;
        }
        // Sort the max + 1 candidates best first (insertion sort: a few dozen, nearly sorted).
        int[] cand = new int[n + 1];
        float[] candScores = new float[n + 1];
        System.arraycopy(links, base + 1, cand, 0, n);
        System.arraycopy(scores, scoreBase, candScores, 0, n);
        cand[n] = target;
        candScores[n] = score;
        for (int i = 1; i <= n; i++) {
            int c = cand[i];
            float cs = candScores[i];
            int j = i - 1;
            while (j >= 0 && candScores[j] < cs) {
                cand[j + 1] = cand[j];
                candScores[j + 1] = candScores[j];
                j--;
            }
            cand[j + 1] = c;
            candScores[j + 1] = cs;
        }
        int[] kept = new int[max];
        float[] keptScores = new float[max];
        int k = diverse(cand, candScores, n + 1, node, kept, keptScores, vectors, inverseNorms);
        setLinks(node, level, kept, keptScores, k);
    }

    // ---------------------------------------------------------------- search

    /** Greedy descent on one upper level; leaves the best score in {@code s.scores[0]}. */
    private int greedy(int level, float[] q, int qOff, float qFactor, float[] vectors, float[] inverseNorms,
            int ep, float epScore, Scratch s) {
        boolean moved = true;
        while (moved) {
            moved = false;
            int[] links = upperLinks[ep];
            int base = (level - 1) * (m + 1);
            for (int i = 1, n = links[base]; i <= n; i++) {
                int nb = links[base + i];
                float sc = score(q, qOff, qFactor, vectors, inverseNorms, nb);
                if (sc > epScore) {
                    epScore = sc;
                    ep = nb;
                    moved = true;
                }
            }
        }
        s.scores[0] = epScore;
        return ep;
    }

    /**
     * Best-first search of one level from {@code ep}, keeping the {@code ef} best nodes that
     * {@code accept} takes (all when null) in {@code s.results}; rejected nodes are still walked.
     */
    private void searchLayer(int level, float[] q, int qOff, float qFactor, float[] vectors, float[] inverseNorms,
            short[] qCodes, int ep, float epScore, int ef, IntPredicate accept, Scratch s) {
        byte[] codes = qCodes == null ? null : data.codeData();
        float[] scales = qCodes == null ? null : data.scaleData();
        int[] visited = s.visited;
        int epoch = s.epoch;
        ScoreHeap candidates = s.candidates;
        ScoreHeap results = s.results;
        visited[ep] = epoch;
        candidates.push(-epScore, ep);
        if (accept == null || accept.test(ep)) {
            results.push(epScore, ep);
        }
        int[] links0 = this.links0;
        int stride = m0 + 1;
        while (candidates.size() > 0) {
            float best = -candidates.topScore();
            int c = candidates.topNode();
            if (results.size() >= ef && best < results.topScore()) {
                break;
            }
            candidates.pop();
            int[] links = level == 0 ? links0 : upperLinks[c];
            int base = level == 0 ? c * stride : (level - 1) * (m + 1);
            for (int i = base + 1, end = base + 1 + links[base]; i < end; i++) {
                int nb = links[i];
                if (visited[nb] == epoch) {
                    continue;
                }
                visited[nb] = epoch;
                float sc = qCodes != null ? score8(qCodes, codes, scales, inverseNorms, nb)
                        : score(q, qOff, qFactor, vectors, inverseNorms, nb);
                if (results.size() < ef || sc > results.topScore()) {
                    candidates.push(-sc, nb);
                    if (accept == null || accept.test(nb)) {
                        results.push(sc, nb);
                        if (results.size() > ef) {
                            results.pop();
                        }
                    }
                }
            }
        }
    }

    /**
     * Approximate top-k.
     *
     * @param query the query vector
     * @param queryFactor the query's inverse norm for cosine (then scores are cosines), else 1
     * @param k the most results
     * @param ef the search breadth, at least {@code k} is used
     * @param accept which slots may be returned, or null for all
     * @param outNodes receives the slots, best first
     * @param outScores receives their scores
     * @return the number of results
     */
    int search(float[] query, float queryFactor, int k, int ef, IntPredicate accept, int[] outNodes,
            float[] outScores) {
        if (entry < 0) {
            return 0;
        }
        float[] vectors = data.vectorData();
        float[] inverseNorms = data.inverseNormData();
        Scratch s = scratch.get();
        int ep = entry;
        float epScore = score(query, 0, queryFactor, vectors, inverseNorms, ep);
        for (int l = maxLevel; l > 0; l--) {
            ep = greedy(l, query, 0, queryFactor, vectors, inverseNorms, ep, epScore, s);
            epScore = s.scores[0];
        }
        s.begin(data.slots());
        short[] qCodes = null;
        if (data.codeData() != null) {
            qCodes = s.queryCodes(dims);
            Int8Quantizer.quantize(query, qCodes);
            epScore = score8(qCodes, data.codeData(), data.scaleData(), inverseNorms, ep);
        }
        searchLayer(0, query, 0, queryFactor, vectors, inverseNorms, qCodes, ep, epScore, Math.max(ef, k), accept, s);
        if (qCodes == null) {
            while (s.results.size() > k) {
                s.results.pop();
            }
            int n = s.drainResults();
            System.arraycopy(s.nodes, 0, outNodes, 0, n);
            System.arraycopy(s.scores, 0, outScores, 0, n);
            return n;
        }
        // Rescore what the int8 walk found with floats; the walk's order is only approximate.
        int found = s.drainResults();
        for (int i = 0; i < found; i++) {
            s.results.push(score(query, 0, queryFactor, vectors, inverseNorms, s.nodes[i]), s.nodes[i]);
            if (s.results.size() > k) {
                s.results.pop();
            }
        }
        int n = s.drainResults();
        System.arraycopy(s.nodes, 0, outNodes, 0, n);
        System.arraycopy(s.scores, 0, outScores, 0, n);
        return n;
    }
}
