package dev.aio.core.retrieval;

import dev.aio.core.model.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test embedder whose similarity means something: a text's vector counts its words hashed
 * into 64 buckets, normalised, so texts sharing words are close. Unlike HashEmbedder it can test
 * ranking; it knows no synonyms.
 */
public final class WordEmbedder implements Embedder {

    static final int DIMENSIONS = 1024;

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String text : texts) {
            float[] v = new float[DIMENSIONS];
            for (String w : words(text)) {
                v[Math.floorMod(w.hashCode(), DIMENSIONS)] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            if (norm == 0) {
                v[0] = 1;
                norm = 1;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            out.add(v);
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelId() {
        return "test/words-1024";
    }

    @Override
    public String fingerprint() {
        return "test/words-1024";
    }

    @Override
    public int maxTokens() {
        return 10_000;
    }

    @Override
    public void close() {
    }
}
