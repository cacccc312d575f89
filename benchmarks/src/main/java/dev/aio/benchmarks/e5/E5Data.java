package dev.aio.benchmarks.e5;

import dev.aio.llm.onnx.OnnxEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * E5's inputs: {@value #QUERIES} held-out query vectors and {@code n} base vectors, all real
 * all-MiniLM-L6-v2 embeddings ({@link OnnxEmbedder}, unit length) of {@link E5Texts}, with the
 * exact top-{@value #K} of every query over the base (by dot product, which is cosine here).
 *
 * <p>Embedding is slow (about 50 texts/s on two busy cores: 7 minutes for quick's 21k, half an
 * hour for full's 101k), so it happens once, outside JMH ({@link #main}, which run.sh calls), and
 * is cached under {@code benchmarks/target/e5/} in a float file named by the SHA-256 of the
 * texts (a changed generator gets a new file). The queries are the stream's first {@value
 * #QUERIES} texts and the base the ones after, so the file holds a prefix of the stream: quick's
 * 20k base needs only its first 21k rows, full extends it, and a killed run resumes.
 * Ground truth is computed exactly once per base size and cached beside it.
 */
public final class E5Data {

    /** Held-out queries. */
    public static final int QUERIES = 1_000;
    /** The largest base (run.sh full); quick uses {@link #QUICK_BASE}. */
    public static final int FULL_BASE = 100_000;
    /** The base of run.sh quick. */
    public static final int QUICK_BASE = 20_000;
    /** Neighbours per query. */
    public static final int K = 10;
    /** MiniLM's output length. */
    public static final int DIMS = 384;

    private static final Path DIR = Path.of(System.getProperty("aio.e5.dir", "benchmarks/target/e5"));

    /** Query vectors, {@value #QUERIES} x {@value #DIMS}, row-major. */
    public final float[] queries;
    /** Base vectors, {@code n} x {@value #DIMS}, row-major. */
    public final float[] base;
    /** {@code truth[q * K + i]}: the base index of query q's i-th nearest neighbour. */
    public final int[] truth;
    /** The base size. */
    public final int n;

    private E5Data(float[] queries, float[] base, int[] truth, int n) {
        this.queries = queries;
        this.base = base;
        this.truth = truth;
        this.n = n;
    }

    /** @param n base size, at most {@link #FULL_BASE} @return the data, from cache or embedded now */
    public static E5Data load(int n) {
        if (n < 1 || n > FULL_BASE) {
            throw new IllegalArgumentException("base size must be in [1, " + FULL_BASE + "], was " + n);
        }
        try {
            float[] all = vectors(QUERIES + n);
            float[] queries = Arrays.copyOf(all, QUERIES * DIMS);
            float[] base = Arrays.copyOfRange(all, QUERIES * DIMS, (QUERIES + n) * DIMS);
            return new E5Data(queries, base, truth(queries, base, n), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return where the cache and E5's side results live ({@code -Daio.e5.dir} moves it) */
    static Path dir() {
        return DIR;
    }

    /** @param q a query index @return a copy of that query's vector */
    public float[] query(int q) {
        return Arrays.copyOfRange(queries, q * DIMS, (q + 1) * DIMS);
    }

    /** @param i a base index @return a copy of that base vector */
    public float[] vector(int i) {
        return Arrays.copyOfRange(base, i * DIMS, (i + 1) * DIMS);
    }

    /**
     * @param q a query index
     * @param found base indices returned for it (any order; at most the first {@value #K} count)
     * @return how many of the true top-{@value #K} are among them
     */
    public int hits(int q, int[] found) {
        int hits = 0;
        for (int i = 0; i < Math.min(K, found.length); i++) {
            for (int t = 0; t < K; t++) {
                if (truth[q * K + t] == found[i]) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }

    /** Prepares the cache for the full base; run.sh calls this before JMH. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        E5Data data = load(args.length > 0 ? Integer.parseInt(args[0]) : FULL_BASE);
        System.err.printf(Locale.ROOT, "# E5 data ready: %d queries, %d base vectors (%.1f s)%n", QUERIES, data.n,
                (System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- vectors

    /**
     * The first {@code rows} vectors of the stream. The cache file is named by the hash of the
     * whole stream's texts and holds a prefix of its rows; missing rows are embedded and appended.
     */
    private static float[] vectors(int rows) throws IOException {
        List<String> texts = E5Texts.generate(QUERIES + FULL_BASE);
        byte[] hash = sha256(texts);
        Files.createDirectories(DIR);
        Path file = DIR.resolve("minilm-" + HexFormat.of().formatHex(hash, 0, 8) + ".f32");
        embedInto(texts.subList(0, rows), file);
        return readFloats(file, 0, rows);
    }

    /** Appends the embeddings of the texts not yet in {@code file}, so a killed run resumes. */
    private static void embedInto(List<String> texts, Path file) throws IOException {
        int rowBytes = DIMS * Float.BYTES;
        long have = Files.exists(file) ? Files.size(file) / rowBytes : 0;
        if (have >= texts.size()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                OnnxEmbedder embedder = OnnxEmbedder.builder().build()) {
            // A run killed mid-write leaves part of a row: drop it.
            ch.truncate(have * rowBytes);
            ch.position(have * rowBytes);
            long start = System.nanoTime();
            int batch = 512;
            ByteBuffer buf = ByteBuffer.allocate(batch * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = (int) have; i < texts.size(); i += batch) {
                List<float[]> vectors = embedder.embed(texts.subList(i, Math.min(texts.size(), i + batch)));
                buf.clear();
                for (float[] v : vectors) {
                    buf.asFloatBuffer().put(v);
                    buf.position(buf.position() + rowBytes);
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                int done = i + vectors.size();
                double rate = (done - have) / ((System.nanoTime() - start) / 1e9);
                if ((done / batch) % 10 == 0 || done == texts.size()) {
                    System.err.printf(Locale.ROOT, "# E5: embedded %d/%d texts (%.0f/s, about %.0f s left)%n", done,
                            texts.size(), rate, (texts.size() - done) / rate);
                }
            }
            ch.force(true);
        }
    }

    private static float[] readFloats(Path file, long offset, int rows) throws IOException {
        float[] out = new float[rows * DIMS];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, offset, (long) rows * DIMS * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().get(out);
        }
        return out;
    }

    private static byte[] sha256(List<String> texts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                d.update(t.getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- ground truth

    private static int[] truth(float[] queries, float[] base, int n) throws IOException {
        Path file = DIR.resolve("truth-" + n + ".i32");
        byte[] key = sha256(List.of(Arrays.hashCode(base) + ":" + Arrays.hashCode(queries)));
        if (Files.exists(file)) {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] stored = new byte[32];
            in.get(stored);
            if (Arrays.equals(stored, key) && in.remaining() == QUERIES * K * Integer.BYTES) {
                int[] out = new int[QUERIES * K];
                in.asIntBuffer().get(out);
                return out;
            }
        }
        int[] out = ExactTopK.compute(queries, base, n, DIMS, K);
        ByteBuffer buf = ByteBuffer.allocate(32 + out.length * Integer.BYTES);
        buf.put(key).asIntBuffer().put(out);
        Files.createDirectories(DIR);
        Files.write(file, buf.array());
        return out;
    }
}
