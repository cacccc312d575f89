package dev.aio.core.model.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.ModelException;
import dev.aio.core.model.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link Embedder} that remembers vectors: in memory (Caffeine, bounded), and optionally in a
 * directory on disk that survives restarts. The key is the wrapped embedder's
 * {@linkplain Embedder#fingerprint() fingerprint} plus the SHA-256 of the text, so a vector is
 * never served for another model or configuration.
 *
 * <p>A batch sends only its misses to the wrapped embedder, each distinct text once, in one call,
 * and returns one vector per input text in input order. The fingerprint, model id, dimensions and
 * token limit are the wrapped embedder's: caching does not change a pipeline's fingerprint.
 * Concurrent calls that miss on the same text may both embed it; the results are the same.
 *
 * <pre>{@code
 * Embedder cached = CachingEmbedder.builder(onnx)
 *     .maximumEntries(100_000)
 *     .diskTier(Path.of("/var/cache/aio/embeddings"))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe. Closing it closes the wrapped embedder.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final String fingerprint;
    private final Cache<String, float[]> memory;
    private final VectorFiles disk;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder diskHits = new LongAdder();

    CachingEmbedder(Embedder delegate, Cache<String, float[]> memory, Path diskDir) {
        this.delegate = delegate;
        this.fingerprint = delegate.fingerprint();
        this.memory = memory;
        this.disk = diskDir == null ? null : new VectorFiles(diskDir, fingerprint, delegate.dimensions());
    }

    /**
     * Starts a caching embedder around another.
     *
     * @param embedder the embedder whose vectors to cache
     * @return a builder
     */
    public static CachingEmbedderBuilder builder(Embedder embedder) {
        return new CachingEmbedderBuilder(Objects.requireNonNull(embedder, "embedder"));
    }

    /**
     * Embeds texts, asking the wrapped embedder only for those not cached.
     *
     * @param texts the texts, none null
     * @return one new vector per text, in order; the caller owns the arrays
     * @throws ModelException when the wrapped embedder returns the wrong number or size of vectors
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        int n = texts.size();
        float[][] out = new float[n][];
        // Distinct missing keys, in first-seen order, with every position that needs them.
        Map<String, Miss> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String text = Objects.requireNonNull(texts.get(i), () -> "texts contains null");
            String digest = Digests.sha256Hex(text);
            String key = fingerprint + '\n' + digest;
            float[] cached = lookup(key, digest);
            if (cached != null) {
                out[i] = cached.clone();
                hits.increment();
            } else {
                missing.computeIfAbsent(key, k -> new Miss(text, digest)).positions.add(i);
            }
        }
        if (!missing.isEmpty()) {
            embedMisses(missing, out);
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    private float[] lookup(String key, String digest) {
        float[] v = memory.getIfPresent(key);
        if (v == null && disk != null) {
            v = disk.read(key, digest);
            if (v != null) {
                diskHits.increment();
                memory.put(key, v);
            }
        }
        return v;
    }

    private void embedMisses(Map<String, Miss> missing, float[][] out) {
        List<String> batch = new ArrayList<>(missing.size());
        missing.values().forEach(m -> batch.add(m.text));
        List<float[]> vectors = delegate.embed(batch);
        if (vectors == null || vectors.size() != batch.size()) {
            throw new ModelException("embedder '" + delegate.modelId() + "' returned "
                    + (vectors == null ? "null" : vectors.size() + " vectors") + " for " + batch.size()
                    + " texts; the cache cannot match vectors to texts");
        }
        int j = 0;
        for (Map.Entry<String, Miss> e : missing.entrySet()) {
            float[] v = vectors.get(j++);
            if (v == null || v.length != delegate.dimensions()) {
                throw new ModelException("embedder '" + delegate.modelId() + "' returned a vector of "
                        + (v == null ? "null" : v.length + " floats") + ", not " + delegate.dimensions());
            }
            float[] kept = v.clone();
            memory.put(e.getKey(), kept);
            if (disk != null) {
                disk.write(e.getKey(), e.getValue().digest, kept);
            }
            Miss miss = e.getValue();
            misses.increment();
            hits.add(miss.positions.size() - 1);
            boolean first = true;
            for (int position : miss.positions) {
                out[position] = first ? v : kept.clone();
                first = false;
            }
        }
    }

    /** One distinct missing text and the positions in the batch that want it. */
    private static final class Miss {
        final String text;
        final String digest;
        final List<Integer> positions = new ArrayList<>(1);

        Miss(String text, String digest) {
            this.text = text;
            this.digest = digest;
        }
    }

    /** @return hits and misses since this cache was built */
    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), diskHits.sum(), disk == null ? 0 : disk.corrupt.sum());
    }

    /** Empties the memory tier; the disk tier is kept. */
    public void clearMemory() {
        memory.invalidateAll();
    }

    /** @return the wrapped embedder */
    public Embedder delegate() {
        return delegate;
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public Optional<Tokenizer> modelTokenizer() {
        return delegate.modelTokenizer();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachingEmbedder[" + delegate.modelId() + ", " + stats() + "]";
    }
}
