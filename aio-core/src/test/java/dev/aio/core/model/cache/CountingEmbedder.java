package dev.aio.core.model.cache;

import dev.aio.core.model.Embedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A deterministic test embedder: the vector of a text is derived from its characters and a
 * seed (standing in for the model), and every batch it is given is remembered.
 */
class CountingEmbedder implements Embedder {

    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final String fingerprint;
    private final float seed;
    boolean closed;

    CountingEmbedder(String fingerprint, float seed) {
        this.fingerprint = fingerprint;
        this.seed = seed;
    }

    static float[] vectorOf(String text, float seed) {
        return new float[] {text.length(), text.isEmpty() ? 0 : text.charAt(0), text.hashCode() % 1000, seed};
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        batches.add(List.copyOf(texts));
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(vectorOf(t, seed));
        }
        return out;
    }

    int textsEmbedded() {
        return batches.stream().mapToInt(List::size).sum();
    }

    @Override
    public int dimensions() {
        return 4;
    }

    @Override
    public String modelId() {
        return "test/counting";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int maxTokens() {
        return 128;
    }

    @Override
    public void close() {
        closed = true;
    }
}
