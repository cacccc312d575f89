package dev.aio.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.llm.onnx.OnnxEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DjlEmbedder's vectors against aio-llm's OnnxEmbedder, the reference, on the CPU. */
class DjlEmbedderParityTest {

    private static OnnxEmbedder reference;
    private static List<String> texts;
    private static List<float[]> expected;

    @BeforeAll
    static void embedWithTheReference() {
        reference = OnnxEmbedder.builder().sessions(1).build();
        texts = new ArrayList<>(List.of("", "Hello, world.", "Vector search finds the nearest neighbours of a query.",
                "Grüße aus Zürich — naïve café, 東京タワー, emoji 🚀 and ligatures ﬁ.",
                "short"));
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            longText.append("sentence number ").append(i).append(" talks about embeddings and batching. ");
        }
        texts.add(longText.toString()); // far beyond 256 tokens: truncation must match
        texts.add(longText.substring(0, 700)); // between 128 and 256 tokens
        expected = reference.embed(texts);
    }

    @AfterAll
    static void close() {
        reference.close();
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

    private static void assertParity(DjlEmbedder embedder) {
        List<float[]> got = embedder.embed(texts);
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).hasSize(384);
            assertThat(cosine(got.get(i), expected.get(i))).as("text %d on %s", i, embedder)
                    .isGreaterThanOrEqualTo(0.9999);
        }
        // One text at a time (no padding) gives the same vectors as the padded batch.
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(embedder.embed(texts.get(i)), expected.get(i))).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void onnxRuntimeOnTheCpuMatchesOnnxEmbedderAndSharesItsFingerprint() {
        try (DjlEmbedder embedder = DjlEmbedder.builder().device(DeviceChoice.CPU).backend(Backend.ONNX_RUNTIME)
                .build()) {
            assertThat(embedder.backend()).isEqualTo(Backend.ONNX_RUNTIME);
            assertThat(embedder.device().isGpu()).isFalse();
            assertParity(embedder);
            assertThat(embedder.fingerprint()).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void pytorchOnTheCpuMatchesOnnxEmbedder() {
        try (DjlEmbedder embedder = DjlEmbedder.builder().device(DeviceChoice.CPU).backend(Backend.PYTORCH)
                .maxBatchSize(4).build()) {
            assertThat(embedder.backend()).isEqualTo(Backend.PYTORCH);
            assertParity(embedder);
            assertThat(embedder.fingerprint()).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void aLowerTokenLimitMatchesTheReferenceWithTheSameLimit() {
        try (OnnxEmbedder ref128 = OnnxEmbedder.builder().sessions(1).maxTokens(128).build();
                DjlEmbedder embedder = DjlEmbedder.builder().device(DeviceChoice.CPU).maxTokens(128).build()) {
            String longText = texts.get(texts.size() - 2);
            assertThat(cosine(embedder.embed(longText), ref128.embed(longText))).isGreaterThanOrEqualTo(0.9999);
            assertThat(cosine(embedder.embed(longText), expected.get(texts.size() - 2))).isLessThan(0.9999);
            assertThat(embedder.fingerprint()).isEqualTo(ref128.fingerprint()).isNotEqualTo(reference.fingerprint());
        }
    }
}
