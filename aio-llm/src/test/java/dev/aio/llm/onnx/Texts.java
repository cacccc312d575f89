package dev.aio.llm.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test texts: 80 sentences written for this project, and passages made of them. */
final class Texts {

    private Texts() {
    }

    static List<String> sentences() {
        try (InputStream in = Texts.class.getResourceAsStream("/sentences.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} passages of {@code perPassage} sentences each, in a scrambled order. */
    static List<String> passages(int count, int perPassage) {
        List<String> s = sentences();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < perPassage; k++) {
                if (k > 0) {
                    b.append(' ');
                }
                b.append(s.get((i * 7 + k * 13) % s.size()));
            }
            out.add(b.toString());
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
