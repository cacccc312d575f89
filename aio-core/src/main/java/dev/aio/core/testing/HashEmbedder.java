package dev.aio.core.testing;

import dev.aio.core.model.Embedder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic stand-in for an embedding model, for tests: a text's vector is derived from
 * the SHA-256 of the text and a model name, so equal texts get equal vectors in every JVM, and
 * another model name gives other vectors (and another fingerprint). The vectors carry no
 * meaning: use it to test plumbing, never retrieval quality. Counts the texts it embedded.
 * Thread-safe.
 */
public final class HashEmbedder implements Embedder {

    private final String model;
    private final int dimensions;
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param model the name standing in for the model id and revision
     * @param dimensions the vectors' length, at least 1
     */
    public HashEmbedder(String model, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("HashEmbedder dimensions must be >= 1, got " + dimensions);
        }
        this.model = model;
        this.dimensions = dimensions;
    }

    @Override
    public List<float[]> embed(List<String> batch) {
        calls.incrementAndGet();
        List<float[]> out = new ArrayList<>(batch.size());
        for (String text : batch) {
            out.add(vectorOf(text));
        }
        texts.addAndGet(batch.size());
        return out;
    }

    private float[] vectorOf(String text) {
        byte[] h;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            h = sha.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (h[i % h.length] + 0.5f) / 128f + i / (float) dimensions / 1000f;
        }
        return v;
    }

    /** @return how many texts were embedded */
    public long texts() {
        return texts.get();
    }

    /** @return how many {@link #embed(List)} calls were made */
    public long calls() {
        return calls.get();
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String modelId() {
        return "hash/" + model;
    }

    @Override
    public String fingerprint() {
        return "hash/" + model + "/" + dimensions;
    }

    @Override
    public int maxTokens() {
        return 512;
    }

    @Override
    public void close() {
        // nothing held
    }
}
