package dev.aio.llm.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void start() {
        // Two sessions and the latency session: the layout that splits batches across sessions.
        embedder = OnnxEmbedder.builder().sessions(2).intraOpThreads(1).maxBatchSize(8).build();
    }

    @AfterAll
    static void stop() {
        embedder.close();
    }

    /** Texts of at most 128 tokens, where langchain4j's model sees the whole text too. */
    private static List<String> referenceTexts() {
        List<String> texts = new ArrayList<>(Texts.sentences());
        texts.addAll(Texts.passages(12, 5)); // about 100 tokens each
        texts.add("Straße, café, naïve — 東京 and 😀 are handled like any other text.");
        return texts;
    }

    private static void assertMatchesReference(OnnxEmbedder ours, EmbeddingModel reference, List<String> texts,
            int maxTokens) {
        assertThat(texts).allSatisfy(t -> assertThat(ours.tokenizer().count(t) + 2).isLessThanOrEqualTo(maxTokens));
        List<float[]> vectors = ours.embed(texts);
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<float[]> expected = reference.embedAll(segments).content().stream().map(e -> e.vector()).toList();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Texts.cosine(vectors.get(i), expected.get(i))).as(texts.get(i)).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void vectorsMatchLangchain4jsOwnModelOnTextsItSeesWhole() {
        assertMatchesReference(embedder, new AllMiniLmL6V2EmbeddingModel(), referenceTexts(), 128);
    }

    @Test
    void langchain4jsModelCutsTextsAt128TokensWhereSentenceTransformersCutsAt256() {
        // langchain4j 1.19.0-beta29 keeps the truncation at 128 tokens written in the tokenizer.json
        // it ships; sentence-transformers (and aio by default) truncate at 256. With the same limit,
        // the vectors agree on texts of 130 to 250 tokens.
        List<String> longer = Texts.passages(6, 10);
        assertThat(longer).allSatisfy(t -> assertThat(embedder.tokenizer().count(t) + 2).isBetween(130, 256));
        try (OnnxEmbedder cut = OnnxEmbedder.builder().sessions(1).maxTokens(128).build()) {
            assertMatchesReference(cut, new AllMiniLmL6V2EmbeddingModel(), longer, 256);
        }
        List<float[]> ours = embedder.embed(longer);
        float[] reference = new AllMiniLmL6V2EmbeddingModel().embed(longer.get(0)).content().vector();
        assertThat(Texts.cosine(ours.get(0), reference)).isLessThan(0.99);
    }

    @Test
    void quantisedVectorsMatchLangchain4jsQuantisedModel() {
        try (OnnxEmbedder q = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1).build()) {
            assertMatchesReference(q, new AllMiniLmL6V2QuantizedEmbeddingModel(), referenceTexts(), 128);
        }
    }

    @Test
    void quantisedVectorsInBatchesStayCloseToUnbatchedOnes() {
        List<String> texts = Texts.sentences().subList(0, 24);
        try (OnnxEmbedder one = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1).build();
                OnnxEmbedder batched = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1)
                        .maxBatchSize(8).build()) {
            List<float[]> a = one.embed(texts);
            List<float[]> b = batched.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(Texts.cosine(a.get(i), b.get(i))).isGreaterThan(0.98);
            }
        }
    }

    @Test
    void similaritiesMatchThoseSentenceTransformersPublishes() {
        // Published for all-MiniLM-L6-v2 in the sentence-transformers usage guide,
        // https://sbert.net/docs/sentence_transformer/usage/usage.html (model.similarity output,
        // printed to 4 decimals): 0.6660, 0.1046, 0.1411.
        List<float[]> v = embedder.embed(List.of("The weather is lovely today.", "It's so sunny outside!",
                "He drove to the stadium."));
        assertThat(Texts.cosine(v.get(0), v.get(1))).isCloseTo(0.6660, within(0.0006));
        assertThat(Texts.cosine(v.get(0), v.get(2))).isCloseTo(0.1046, within(0.0006));
        assertThat(Texts.cosine(v.get(1), v.get(2))).isCloseTo(0.1411, within(0.0006));
    }

    @Test
    void vectorsHave384DimensionsAndUnitLength() {
        for (float[] v : embedder.embed(Texts.sentences().subList(0, 10))) {
            assertThat(v).hasSize(384);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void aBatchGivesTheSameVectorsAsEachTextEmbeddedAlone() {
        List<String> texts = new ArrayList<>(Texts.sentences().subList(0, 20));
        texts.addAll(Texts.passages(10, 4));
        List<float[]> batched = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = embedder.embed(texts.get(i));
            for (int k = 0; k < alone.length; k++) {
                assertThat(batched.get(i)[k]).as("text %d dim %d", i, k).isCloseTo(alone[k], within(1e-5f));
            }
        }
    }

    @Test
    void resultsComeBackInTheOrderOfTheTextsWhateverTheirLengths() {
        List<String> texts = List.of(Texts.passages(1, 8).get(0), "short", Texts.passages(2, 3).get(1), "tiny text");
        List<float[]> all = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Texts.cosine(all.get(i), embedder.embed(texts.get(i)))).isGreaterThan(0.99999);
        }
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOneCallerAlone() throws Exception {
        List<String> texts = Texts.passages(24, 3);
        List<float[]> expected = embedder.embed(texts);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int shift = c;
                Callable<List<float[]>> task = () -> {
                    go.await();
                    List<float[]> out = new ArrayList<>();
                    // Each caller mixes single queries and batches, in its own order.
                    for (int i = 0; i < texts.size(); i += 6) {
                        int from = (i + shift * 6) % texts.size();
                        out.add(embedder.embed(texts.get(from)));
                        out.addAll(embedder.embed(texts.subList(from + 1, from + 6)));
                    }
                    return out;
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            for (int c = 0; c < callers; c++) {
                List<float[]> got = futures.get(c).get();
                for (int j = 0; j < got.size(); j++) {
                    int i = ((j / 6) * 6 + c * 6) % texts.size() + j % 6;
                    assertThat(Texts.cosine(got.get(j), expected.get(i))).isGreaterThan(0.99999);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSpiHandsOutTheModelsOwnTokenizer() {
        dev.aio.core.model.Embedder spi = embedder;
        assertThat(spi.modelTokenizer()).containsSame(embedder.tokenizer());
    }

    @Test
    void textsLongerThan256TokensAreTruncatedAsSentenceTransformersDoes() {
        String longText = String.join(" ", Texts.passages(1, 20).get(0), Texts.passages(1, 20).get(0));
        assertThat(embedder.tokenizer().count(longText)).isGreaterThan(400);
        // 254 word pieces plus [CLS] and [SEP] make the model's 256.
        String head = embedder.tokenizer().split(longText, 254, 0).get(0).text();
        assertThat(Texts.cosine(embedder.embed(longText), embedder.embed(head))).isGreaterThan(0.99999);
    }

    @Test
    void anEmptyListGivesAnEmptyList() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void aNullTextIsRefusedNamingItsPosition() {
        assertThatThrownBy(() -> embedder.embed(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("text 1 of 2");
    }

    @Test
    void embeddingAfterCloseIsRefusedAndCloseIsIdempotent() {
        OnnxEmbedder e = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1).build();
        e.close();
        e.close();
        assertThatThrownBy(() -> e.embed("text")).isInstanceOf(IllegalStateException.class).hasMessageContaining(
                "closed");
    }

    @Test
    void theFingerprintChangesWithTheModelAndTokenLimitButNotWithThreads() {
        try (OnnxEmbedder q = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1).build();
                OnnxEmbedder q2 = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(2)
                        .intraOpThreads(1).build();
                OnnxEmbedder q128 = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1)
                        .maxTokens(128).build()) {
            assertThat(q.fingerprint()).isEqualTo(q2.fingerprint()).isNotEqualTo(embedder.fingerprint())
                    .isNotEqualTo(q128.fingerprint());
            assertThat(q128.maxTokens()).isEqualTo(128);
        }
    }

    @Test
    void itDescribesItselfForPipelineFingerprints() {
        assertThat(embedder.describe()).isEqualTo(Map.of("embedder", "sentence-transformers/all-MiniLM-L6-v2",
                "dimensions", 384, "maxTokens", 256, "fingerprint", embedder.fingerprint()));
        assertThat(embedder.fingerprint()).startsWith("sentence-transformers/all-MiniLM-L6-v2:float32:sha256=");
    }
}
